// The dashboard's breach-notice deadlines (TR-8): every notice still owed to a customer after a
// breach, soonest deadline first, overdue ones marked. Nothing shows while none is owed.
import { get } from '../api';
import { Table } from '../components/table';
import { Link } from '../router';
import { Badge, DateText, Section, useLoad } from '../ui';
import { CitedText, type Notice } from './breach-section';

export function BreachDeadlines() {
  const state = useLoad((signal) => get<{ items: Notice[] }>('/api/v1/breach/notices-due', undefined, signal), []);
  const items = state.data?.items || [];
  if (items.length === 0) return null;
  return (
    <Section title="Breach notices owed to customers">
      <Table
        caption="Breach notices still to send, soonest deadline first"
        captionClass="visually-hidden"
        columns={['Customer', 'Deadline', 'Why then', 'Status']}
      >
        {items.map((n) => (
          <tr>
            <td>
              <Link href={`/incidents/${n.incident_id}`}>{n.party_name}</Link>
            </td>
            <td>
              <DateText value={n.deadline_at} time />
            </td>
            <td>
              <CitedText text={n.deadline_basis} />
            </td>
            <td>
              <Badge
                value={n.overdue ? 'overdue' : 'due'}
                tone={n.overdue ? 'bad' : 'warn'}
                label={n.overdue ? 'Overdue' : 'Due'}
              />
            </td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
