// Change requests (TR-5) as the portal shows them: statuses and risks in words, the steps of a
// change in order, and what each action is called on a button.
import type { components } from '../generated/openapi';

export type ChangeRequest = components['schemas']['ChangeRequest'];

export const CHANGE_STATUSES: { value: string; label: string }[] = [
  { value: 'submitted', label: 'Submitted' },
  { value: 'tested', label: 'Waiting for review' },
  { value: 'reviewed', label: 'Waiting for approval' },
  { value: 'approved', label: 'Waiting for release' },
  { value: 'released', label: 'Released' },
  { value: 'emergency_released', label: 'Review owed' },
  { value: 'emergency_reviewed', label: 'Approval owed' },
  { value: 'closed', label: 'Done' },
  { value: 'backed_out', label: 'Backed out' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn' },
];

export function statusLabel(status: string): string {
  return CHANGE_STATUSES.find((s) => s.value === status)?.label || status;
}

export function statusTone(status: string): string {
  if (status === 'closed') return 'ok';
  if (status.startsWith('emergency')) return 'warn';
  if (status === 'backed_out' || status === 'rejected') return 'bad';
  return 'info';
}

export const RISKS = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

export function riskLabel(risk: string): string {
  return RISKS.find((r) => r.value === risk)?.label || risk;
}

// The history's verbs in words.
export const STEP_WORDS: Record<string, string> = {
  submitted: 'Submitted',
  tests_recorded: 'Test evidence recorded',
  reviewed: 'Peer reviewed',
  approved: 'Approved',
  released: 'Released',
  verified: 'Checked after release',
  backed_out: 'Backed out',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  pull_request_linked: 'Pull request linked',
  pull_request_reviewed: 'Review on the forge',
  pull_request_merged: 'Pull request merged',
};

export function forgeName(forge: string): string {
  return forge === 'github' ? 'GitHub' : forge === 'gitlab' ? 'GitLab' : forge;
}
