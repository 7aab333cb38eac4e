// A finding as the board and its page show it: the API's shape, its statuses, severities
// and sources in plain words, and its history as steps.
import type { components } from '../generated/openapi';
import { humanize } from '../format';
import { who } from './workflow-model';

export type Finding = components['schemas']['Finding'];

export const FINDING_STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'acceptance_requested', label: 'Risk acceptance to approve' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'risk_accepted', label: 'Risk accepted' },
];
export const SEVERITIES = [
  { value: 'critical', label: 'Critical' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];
export const SOURCES = [
  { value: 'manual', label: 'A person' },
  { value: 'review', label: 'A review' },
  { value: 'soc2_report', label: 'A SOC 2 report' },
  { value: 'change_notice', label: 'A change notice' },
  { value: 'schedule', label: 'The schedule' },
  { value: 'scan', label: 'A vulnerability scan' },
  { value: 'scan_target', label: 'Scan coverage' },
];

export const statusLabel = (s: string | null | undefined) =>
  FINDING_STATUSES.find((x) => x.value === s)?.label || humanize(s);
export const sourceLabel = (s: string | null | undefined) =>
  SOURCES.find((x) => x.value === s)?.label || (s ? humanize(s) : 'A person');

export type { HistoryStep as Step } from '../components/history-list';
import type { HistoryStep as Step } from '../components/history-list';

const WHAT: Record<string, [string, string?]> = {
  opened: ['Opened'],
  assigned: ['Owner changed'],
  resolved: ['Resolved', 'ok'],
  risk_acceptance_requested: ['Asked to accept the risk', 'warn'],
  risk_accepted: ['Risk accepted', 'ok'],
  risk_acceptance_declined: ['Risk acceptance declined', 'bad'],
  risk_acceptance_expired: ['Risk acceptance ended: open again', 'bad'],
  reopened: ['Reopened', 'bad'],
  overdue: ['Became overdue', 'bad'],
};

export function steps(f: Finding): Step[] {
  return (f.history || []).map((e) => {
    const system = e.by.id === 'system' || e.by.role === 'system';
    const [what, tone] = WHAT[e.action] || [humanize(e.action)];
    return {
      what: e.action === 'opened' && system ? 'Opened by the schedule' : what,
      tone,
      by: system ? undefined : who(e.by),
      at: e.at,
      comment: e.comment || undefined,
    };
  });
}
