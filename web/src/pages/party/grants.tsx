// The party's access grants, read-only here (requests and decisions are on the access page).
import { Link } from '../../router';
import { Missing, secondary, Table } from '../../components/table';
import { isWorkforce, type Role } from '../../session';
import { Badge, Empty, Loading, Section, formatDate, humanize } from '../../ui';
import type { Party } from './common';
import type { Grant } from '../access-model';
import { useList } from './kit';

export function Grants(props: { party: Party; role: Role }) {
  const list = useList<Grant>('/api/v1/access/grants', { party_id: props.party.id }, [props.party.id]);
  return (
    <Section
      title="Access grants"
      id="sec-grants"
      actions={isWorkforce(props.role) && <Link href="/access">Request access</Link>}
    >
      <Loading state={list} label="access grants">
        {(d) => {
          const items = d.items.filter((g) => g.party_id === props.party.id);
          return items.length === 0 ? (
            <Empty>No access grants.</Empty>
          ) : (
            <Table columns={['Purpose', 'Systems', 'Decision', 'Status', secondary('Period')]}>
              {items.map((g) => (
                <tr key={g.id}>
                  <td>{g.purpose || <Missing />}</td>
                  <td>
                    {(g.lines || []).map((l) => (
                      <div class="small">
                        {l.system_name || l.system_id} ({l.permission}
                        {l.endpoints && l.endpoints.length > 0 ? ', via ' + l.endpoints.join(', ') : ''})
                      </div>
                    ))}
                  </td>
                  <td>
                    <Badge
                      value={g.decision_outcome || g.decision?.decision}
                      label={humanize(g.decision_outcome || g.decision?.decision)}
                    />
                  </td>
                  <td>
                    <Badge value={g.effective_status || g.status} />
                  </td>
                  <td class="hide-narrow">
                    {formatDate(g.start_at)} – {formatDate(g.end_at)}
                  </td>
                </tr>
              ))}
            </Table>
          );
        }}
      </Loading>
    </Section>
  );
}
