// An audit-report request as the queue and its page show it: the API's shape, what its
// delivery and decision hold, and its statuses, reports and party link in plain words.
import type { components } from '../generated/openapi';
import { humanize } from '../format';

export type ReportRequest = components['schemas']['ReportRequest'];

// What the server keeps in `delivery` and `decision` (storage/report_requests.cc).
export interface Delivery {
  document_id?: string;
  filename?: string;
  link_id?: string;
  expires_at?: string;
  max_downloads?: number;
  downloads?: { at: string; email?: string; link_id?: string; number?: number }[];
}
export interface Decision {
  action?: string;
  at?: string;
  reason?: string | null;
  by?: { id: string; role: string; name?: string | null };
}

export const REQUEST_STATUSES = [
  { value: 'received', label: 'To link to a party', tone: 'warn' },
  { value: 'nda_sent', label: 'Waiting for the NDA', tone: 'info' },
  { value: 'in_progress', label: 'Waiting for a decision', tone: 'warn' },
  { value: 'approved', label: 'Approved: link sent', tone: 'ok' },
  { value: 'completed', label: 'Downloaded', tone: 'ok' },
  { value: 'rejected', label: 'Declined', tone: 'bad' },
  { value: 'cancelled', label: 'Cancelled', tone: 'muted' },
];

export function requestStatus(s: string): { label: string; tone?: string } {
  return REQUEST_STATUSES.find((x) => x.value === s) || { label: humanize(s) };
}

const REPORTS: Record<string, string> = {
  soc2_type2: 'SOC 2 Type II report',
  soc2_type1: 'SOC 2 Type I report',
  iso27001: 'ISO/IEC 27001 certificate and statement of applicability',
  hitrust: 'HITRUST assessment report',
  penetration_test: 'Penetration test summary',
  inheritance_matrix: 'HIPAA inheritance matrix',
  customer_questionnaire: 'Answers to their security questionnaire',
  other: 'Security documentation',
};
export const reportLabel = (t: string) => REPORTS[t] || humanize(t);

// A suggested link: matched by the organisation's name only, waiting for a person to confirm.
export const isSuggestion = (r: ReportRequest) => !!r.party_id && r.link?.how === 'name' && r.status === 'received';

export function partyText(r: ReportRequest): string {
  if (isSuggestion(r)) return `Suggested: ${r.party_name || 'a party'}`;
  if (r.party_id) return r.party_name || 'Linked';
  return 'Not linked yet';
}

// Downloads left on the link sent last.
export function downloadsLeft(d: Delivery | null | undefined): number | null {
  if (!d || d.max_downloads === undefined) return null;
  const used = (d.downloads || []).filter((x) => x.link_id === d.link_id).length;
  return Math.max(0, d.max_downloads - used);
}
