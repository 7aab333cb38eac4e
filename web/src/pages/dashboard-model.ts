// What the dashboard reads (GET /api/v1/dashboard and the lists beside it) and how its
// numbers and dates read in words: pure functions, unit-tested.
import { daysUntil, humanize } from '../format';

// TODO(schema): docs/openapi.json has only {"type": "object"} for GET /api/v1/dashboard and the lists below;
// replace these with ApiResponse<…> once it describes them.
export interface Counts {
  open: number;
  due_next_30_days: number;
  overdue: number;
  done_on_time: number;
  done_late: number;
}

export interface AgreementExpiring {
  id: string;
  party_id: string;
  party_name?: string;
  type: string;
  status: string;
  expires_at: string;
  days_left: number;
}

export interface GrantEnding {
  id: string;
  party_id: string;
  party_name?: string;
  end_at: string;
  days_left: number;
}

export interface QuarterRow {
  quarter: string;
  on_time: number;
  late: number;
}

export interface MonthRow {
  month: string;
  opened: number;
  closed: number;
}

export interface DashboardData {
  at?: string;
  reviews: { totals: Counts; by_kind: Record<string, Counts> };
  findings: {
    open: number;
    open_by_severity: { critical: number; high: number; medium: number; low: number };
    overdue: number;
  };
  agreements_expiring?: AgreementExpiring[];
  grants_ending?: GrantEnding[];
  reviews_by_quarter?: QuarterRow[];
  findings_by_month?: MonthRow[];
}

export interface Review {
  id: string;
  title: string;
  review_kind: string;
  status: string;
  due_at: string | null;
  overdue: boolean;
  party_id: string | null;
  assignee: { id: string; name?: string; email?: string } | null;
}

export interface Finding {
  id: string;
  title: string;
  severity: string;
  status: string;
  due_at: string | null;
  overdue: boolean;
  party_id: string | null;
}

export interface Party {
  id: string;
  name: string;
}

export interface Loaded {
  dash: DashboardData;
  overdue: Review[];
  due: Review[];
  findings: Finding[];
  parties: Map<string, string>;
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
