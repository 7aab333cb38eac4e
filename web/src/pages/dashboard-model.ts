// What the dashboard reads (GET /api/v1/dashboard and the lists beside it) and how its
// numbers and dates read in words: pure functions, unit-tested.
import type { ApiResponse } from '../api';
import { daysUntil, humanize } from '../format';
import type { components } from '../generated/openapi';

// GET /api/v1/dashboard and the lists beside it, as docs/openapi.json describes them.
export type DashboardData = ApiResponse<'/api/v1/dashboard'>;
export type Counts = DashboardData['reviews']['totals'];
export type AgreementExpiring = NonNullable<DashboardData['agreements_expiring']>[number];
export type Review = components['schemas']['Review'];
export type Finding = components['schemas']['Finding'];

export interface Loaded {
  dash: DashboardData;
  overdue: Review[];
  due: Review[];
  findings: Finding[];
}

export const DAY = 86400000;
export const CLOSED_REVIEW = new Set(['approved', 'cancelled']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function monthLabel(m: string): string {
  const [y, mm] = m.split('-');
  return `${MONTHS[Number(mm) - 1] || mm} ${y.slice(2)}`;
}
export function quarterLabel(q: string): string {
  return q.replace(/^(\d{4})Q(\d)$/, 'Q$2 $1');
}

export function kindLabel(k: string): string {
  return humanize(k).replace(/\bsla\b/gi, 'SLA');
}

export function dueText(s: string | null | undefined): string {
  const d = daysUntil(s);
  if (d === null) return '';
  if (d < 0) return d === -1 ? '1 day late' : `${-d} days late`;
  if (d === 0) return 'due today';
  return d === 1 ? 'in 1 day' : `in ${d} days`;
}

export function daysLeftText(d: number): string {
  if (d < 0) return 'ended';
  if (d === 0) return 'today';
  return d === 1 ? '1 day' : `${d} days`;
}
