// What My work reads (GET /api/v1/my-work) and the dashboard's red flags (GET
// /api/v1/red-flags), and how their dates and counts read in words: pure, unit-tested.
import type { ApiResponse } from '../api';
import { daysUntil } from '../format';

export type MyWork = ApiResponse<'/api/v1/my-work'>;
export type WorkGroup = MyWork['groups'][number];
export type WorkItem = WorkGroup['items'][number];
export type RedFlags = ApiResponse<'/api/v1/red-flags'>;
export type FlagGroup = RedFlags['groups'][number];
export type Flag = FlagGroup['items'][number];

// Fired when something the navigation counts may have changed (an item marked read, a
// review approved): the count is read again.
export const WORK_CHANGED = 'accord:work-changed';

// The items a person marks read; the others leave the list when the work is done.
export const READ_KINDS: ReadonlySet<string> = new Set(['vendor_answer', 'change_notice']);
export const isReadKind = (kind: string) => READ_KINDS.has(kind);

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

// The groups with something in them, in the server's order.
export function busyGroups<G extends { count: number }>(groups: G[]): G[] {
  return groups.filter((g) => g.count > 0);
}

// How many the group has beyond the items it listed.
export function remainder(group: { count: number; items: unknown[] }): number {
  return Math.max(0, group.count - group.items.length);
}

export interface Due {
  text: string;
  tone: 'bad' | 'warn' | 'muted';
}

// "Overdue by 3 days", "Due today", "Due in 5 days"; a change notice's date is its plan.
export function dueOf(item: { kind: string; due_at: string | null }, now = Date.now()): Due | null {
  const d = daysUntil(item.due_at, now);
  if (d === null) return null;
  if (item.kind === 'change_notice') {
    return {
      text: d < 0 ? 'Planned date passed' : d === 0 ? 'Planned for today' : `Planned in ${plural(d, 'day')}`,
      tone: 'muted',
    };
  }
  if (d < 0) return { text: `Overdue by ${plural(-d, 'day')}`, tone: 'bad' };
  if (d === 0) return { text: 'Due today', tone: 'warn' };
  return { text: `Due in ${plural(d, 'day')}`, tone: d <= 7 ? 'warn' : 'muted' };
}

// The words on a red flag's link: what to do about it.
export function fixLabel(flag: { kind: string; agreement_id: string | null }): string {
  switch (flag.kind) {
    case 'agreement_missing':
      return flag.agreement_id ? 'Renew or replace it' : 'Add the agreement';
    case 'soc2_missing':
      return 'Record a SOC 2 review';
    case 'review_overdue':
      return 'Finish the review';
    case 'finding_overdue':
      return 'Resolve the finding';
    case 'grant_outlives_agreement':
      return 'Review the access';
    case 'commitment_missing':
      return 'Add the clause or an exception';
    default:
      return 'Open';
  }
}

// The navigation's count: "12" up to 99, then "99+".
export function countBadge(n: number): string {
  return n > 99 ? '99+' : String(n);
}
