// A review's history: every version of it read back through the ledger (?as_of=), each with
// the event that wrote it, told as steps (opened, assigned, documented, rejected, …).
import { ApiError, get } from '../api';
import { humanize } from '../format';
import { ROLE_NAMES, type Role } from '../session';
import type { Actor, Review, UserRef } from './review-kinds';

// TODO(schema): docs/openapi.json gives the event of a ledger entry only as {"type": "object"}.
interface LedgerEvent {
  type: string;
  time: string;
  actor: Actor;
  payload?: { comment?: string };
}

interface Version {
  review: Review;
  event?: LedgerEvent;
}

// Every version of the review, oldest first: each version's ledger_index is the event that
// wrote it, and the state as of that index is the version before. Ledger readers also get
// the event itself (who did it, the comment).
export async function history(current: Review, withEvents: boolean, signal: AbortSignal): Promise<Version[]> {
  const versions: Review[] = [current];
  let v = current;
  while (v.version > 1 && versions.length < 100) {
    try {
      v = await get<Review>(`/api/v1/reviews/${current.id}`, { as_of: v.ledger_index }, signal);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) break;
      throw e;
    }
    versions.push(v);
  }
  versions.reverse();
  const events = withEvents
    ? await Promise.all(
        versions.map((r) =>
          get<{ event: LedgerEvent }>(`/api/v1/ledger/entries/${r.ledger_index}`, undefined, signal).then(
            (x) => x.event,
            () => undefined,
          ),
        ),
      )
    : [];
  return versions.map((review, i) => ({ review, event: events[i] }));
}

export function who(a: Actor | UserRef | null | undefined, users: UserRef[]): string {
  if (!a) return 'someone';
  const u = users.find((x) => x.id === a.id) || (a as UserRef);
  if (u.name || u.email) return `${u.name || u.email}${u.role ? ` (${ROLE_NAMES[u.role as Role] || u.role})` : ''}`;
  if (a.id === 'system' || a.role === 'system') return 'the scheduler';
  return ROLE_NAMES[a.role as Role] || a.role || a.id;
}

interface Step {
  what: string;
  by?: string;
  at: string;
  comment?: string;
  tone?: string;
}

export function steps(versions: Version[], users: UserRef[]): Step[] {
  const out: Step[] = [];
  let prev: Review | undefined;
  for (const { review: r, event } of versions) {
    const by = event ? who(event.actor, users) : undefined;
    const comment = event?.payload?.comment;
    if (!prev) {
      out.push({
        what: r.opened_by?.id === 'system' ? 'Opened by the schedule' : 'Opened',
        by: event ? by : who(r.opened_by, users),
        at: r.created_at,
        comment,
      });
      if (r.assignee) out.push({ what: `Assigned to ${who(r.assignee, users)}`, at: r.created_at });
    } else if ((r.party_requests?.length || 0) > (prev.party_requests?.length || 0)) {
      const q = r.party_requests![r.party_requests!.length - 1];
      out.push({ what: 'Asked the party', by: who(q.by, users), at: q.at, comment: q.message });
    } else if ((r.party_responses?.length || 0) > (prev.party_responses?.length || 0)) {
      const a = r.party_responses![r.party_responses!.length - 1];
      out.push({ what: 'The party answered', by: who(a.by, users), at: a.at, comment: a.message, tone: 'ok' });
    } else if (r.status === 'approved') {
      out.push({
        what: r.on_time === false ? 'Approved (late)' : 'Approved',
        by: who(r.approved_by, users),
        at: r.approved_at || r.updated_at,
        comment,
        tone: 'ok',
      });
    } else if (r.status === 'documented') {
      out.push({
        what: 'Documented',
        by: who(r.documentation?.documented_by, users),
        at: r.documentation?.documented_at || r.updated_at,
        comment,
      });
    } else if (
      prev.status === 'documented' &&
      r.status === 'assigned' &&
      r.rejections.length > prev.rejections.length
    ) {
      const j = r.rejections[r.rejections.length - 1];
      out.push({
        what: 'Rejected: back to be documented again',
        by: who(j.by, users),
        at: j.at,
        comment: j.comment,
        tone: 'bad',
      });
    } else if (r.status === 'assigned' && r.assignee?.id !== prev.assignee?.id) {
      out.push({ what: `Assigned to ${who(r.assignee, users)}`, by, at: r.updated_at, comment });
    } else if (r.status === 'overdue' || (r.overdue && !prev.overdue)) {
      out.push({ what: 'Marked overdue', at: r.updated_at, tone: 'bad' });
    } else if (r.status !== prev.status) {
      out.push({ what: humanize(r.status), by, at: r.updated_at, comment });
    } else {
      out.push({
        what: event ? humanize(event.type.replace(/^review\./, '')) : 'Changed',
        by,
        at: r.updated_at,
        comment,
      });
    }
    prev = r;
  }
  return out;
}
