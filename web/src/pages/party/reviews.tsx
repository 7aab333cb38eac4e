// The reviews of this party, each linked to its review page (workforce and auditors).
import { Link } from '../../router';
import { secondary, Table } from '../../components/table';
import { Badge, DateText, Empty, Loading, Section, humanDates, humanize } from '../../ui';
import type { Party } from './common';
import type { Review } from '../review-kinds';
import { useList } from './kit';

export function Reviews(props: { party: Party }) {
  const list = useList<Review>('/api/v1/reviews', { party_id: props.party.id }, [props.party.id]);
  return (
    <Section title="Reviews" id="sec-reviews">
      <Loading state={list} label="reviews">
        {(d) => {
          const items = d.items.filter((r) => !r.party_id || r.party_id === props.party.id);
          return items.length === 0 ? (
            <Empty>No reviews of this party.</Empty>
          ) : (
            <Table columns={['Review', 'Status', 'Due', secondary('Assignee')]}>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/reviews/${encodeURIComponent(r.id)}`}>
                      {humanDates(r.title) || humanize(r.review_kind)}
                    </Link>
                    <div class="muted small">{humanize(r.review_kind)}</div>
                  </td>
                  <td>
                    <Badge value={r.overdue ? 'overdue' : r.status} />
                  </td>
                  <td>
                    <DateText value={r.due_at} />
                  </td>
                  <td class="hide-narrow">
                    {r.assignee ? r.assignee.name || r.assignee.email : <span class="muted">Unassigned</span>}
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
