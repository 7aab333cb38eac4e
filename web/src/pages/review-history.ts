// A review's history as steps (opened, assigned, documented, rejected, …): the server builds it
// from the stored versions (`history` on GET /api/v1/reviews/{id}); this names each step in
// words and says who took it.
import { humanize } from '../format';
import type { Review } from './review-kinds';
import { who } from './workflow-model';

export type { HistoryStep as Step } from '../components/history-list';
import type { HistoryStep as Step } from '../components/history-list';

type Entry = NonNullable<Review['history']>[number];

const isSystem = (e: Entry) => e.by.id === 'system' || e.by.role === 'system';
// The step that gave the review its present assignee: a history entry names who acted, not
// whom it was assigned to, so only the latest assignment can say "to whom".
const assigns = (e: Entry) => e.action === 'assigned' || (e.action === 'opened' && e.status === 'assigned');

function what(e: Entry, r: Review, assignee: string): Pick<Step, 'what' | 'tone'> {
  switch (e.action) {
    case 'opened':
      return { what: isSystem(e) ? 'Opened by the schedule' : 'Opened' };
    case 'assigned':
      return { what: assignee ? `Assigned to ${assignee}` : 'Assigned' };
    case 'documented':
      return { what: 'Documented' };
    case 'rejected':
      return { what: 'Rejected: back to be documented again', tone: 'bad' };
    case 'approved':
      return { what: r.on_time === false ? 'Approved (late)' : 'Approved', tone: 'ok' };
    case 'info_requested':
      return { what: 'Asked the party' };
    case 'party_responded':
      return { what: 'The party answered', tone: 'ok' };
    case 'overdue':
      return { what: 'Marked overdue', tone: 'bad' };
    case 'status_changed':
      return { what: humanize(e.status) };
    default:
      return { what: humanize(e.action) };
  }
}

export function steps(r: Review): Step[] {
  const history = r.history || [];
  const lastAssign = history.map(assigns).lastIndexOf(true);
  const assignee = r.assignee ? who(r.assignee) : '';
  const out: Step[] = [];
  history.forEach((e, i) => {
    const named = i === lastAssign ? assignee : '';
    out.push({
      ...what(e, r, named),
      by: isSystem(e) ? undefined : who(e.by),
      at: e.at,
      comment: e.comment || undefined,
    });
    // Opened already assigned: the assignment reads as its own step.
    if (e.action === 'opened' && e.status === 'assigned') {
      out.push({ what: named ? `Assigned to ${named}` : 'Assigned', at: e.at });
    }
  });
  return out;
}
