// Incidents (TR-8) as the portal shows them: the incident's shape, its states, severities and
// public impact in words.
import type { Actor } from './workflow-model';

export interface Named {
  id: string;
  name: string;
}

export interface IncidentUpdate {
  id: string;
  status: string;
  visibility: 'internal' | 'public';
  body: string;
  created_at: string;
  author?: Actor;
}

export interface ActionItem {
  title: string;
  owner_id: string;
  due_at: string;
  severity: string;
  finding_id: string;
}

export interface Incident {
  id: string;
  title: string;
  description: string;
  severity: string;
  impact: string;
  category: string | null;
  status: string;
  components: Named[];
  systems: Named[];
  parties: Named[];
  discovered_at: string;
  declared_at: string;
  declared_by: Actor | null;
  classified_at: string | null;
  resolved_at: string;
  updates: IncidentUpdate[];
  postmortem: {
    root_cause: string;
    lessons: string;
    action_items: ActionItem[];
    recorded_at: string;
    recorded_by: Actor;
  } | null;
  allowed_actions: string[];
  version: number;
}

export interface ResponseTest {
  id: string;
  conducted_on: string;
  scenario: string;
  participants: string[];
  outcome: string;
  lessons: string;
}

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
