// Incidents (TR-8) as the portal shows them: the incident's shape, its states, severities and
// public impact in words.
import type { ApiResponse } from '../api';

// The API's own types (docs/openapi.json), named for the screens.
export type Incident = ApiResponse<'/api/v1/incidents/{id}'>;
export type IncidentUpdate = Incident['updates'][number];
export type Named = Incident['components'][number];
export type ResponseTest = ApiResponse<'/api/v1/incident-response-tests'>['items'][number];

export const INCIDENT_STATUSES = [
  { value: 'investigating', label: 'Investigating' },
  { value: 'identified', label: 'Cause identified' },
  { value: 'monitoring', label: 'Monitoring the fix' },
  { value: 'resolved', label: 'Resolved, postmortem owed' },
  { value: 'postmortem', label: 'Closed with postmortem' },
];

export const SEVERITIES = [
  { value: 'critical', label: 'Critical' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];

export const IMPACTS = [
  { value: 'none', label: 'No visible impact' },
  { value: 'minor', label: 'Minor' },
  { value: 'major', label: 'Major' },
  { value: 'critical', label: 'Critical' },
];

export const CATEGORIES = [
  { value: 'security', label: 'Security' },
  { value: 'privacy', label: 'Privacy' },
  { value: 'availability', label: 'Availability' },
  { value: 'integrity', label: 'Data integrity' },
  { value: 'other', label: 'Other' },
];

const label = (list: { value: string; label: string }[], v: string | null | undefined) =>
  list.find((x) => x.value === v)?.label || v || '';

export const statusLabel = (s: string) => label(INCIDENT_STATUSES, s);
export const severityLabel = (s: string) => label(SEVERITIES, s);
export const impactLabel = (s: string) => label(IMPACTS, s);
export const categoryLabel = (s: string | null) => label(CATEGORIES, s);

export function statusTone(status: string): string {
  if (status === 'postmortem') return 'ok';
  if (status === 'resolved') return 'warn';
  return 'bad';
}

// A datetime-local value ("2026-12-07T09:30", the browser's local time) as RFC 3339 UTC.
export function toRfc3339(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}
