// Accounts, their onboarding records and entitlement-review campaigns in words (pure: no DOM),
// shared by the account and campaign screens and unit-tested.
import type { components } from '../generated/openapi';
import type { HistoryStep } from '../components/history-list';
import { roleName, who } from './workflow-model';

// TODO(schema): the user view's attestations are an object keyed by kind whose records the
// document leaves open (Record<string, unknown>); OnboardingRecord is what identity_store.cc writes.
export type Account = components['schemas']['User'];
export type Campaign = components['schemas']['EntitlementReview'];
export type CampaignLine = Campaign['lines'][number];

export interface OnboardingRecord {
  kind: string;
  completed_on?: string;
  evidence?: string;
  recorded_at?: string;
  mdm_enrolled?: boolean;
  disk_encrypted?: boolean;
  endpoint_protection?: boolean;
}

// The five records the onboarding gate wants before a workforce account may sign in.
export const RECORD_KINDS: { value: string; label: string }[] = [
  { value: 'background_check', label: 'Background check' },
  { value: 'hipaa_training', label: 'HIPAA training' },
  { value: 'security_training', label: 'Security training' },
  { value: 'policy_acknowledgement', label: 'Policy acknowledgement' },
  { value: 'managed_device', label: 'Managed device' },
];

export function recordLabel(kind: string): string {
  return RECORD_KINDS.find((k) => k.value === kind)?.label || kind.replace(/_/g, ' ');
}

export const isWorkforceRole = (role: string) =>
  role === 'security_officer' || role === 'privacy_officer' || role === 'staff';

// Each kind with its record, in the gate's order.
export function onboardingRecords(a: Pick<Account, 'attestations'>): { kind: string; record?: OnboardingRecord }[] {
  const all = (a.attestations || {}) as Record<string, OnboardingRecord | undefined>;
  return RECORD_KINDS.map((k) => ({ kind: k.value, record: all[k.value] || undefined }));
}

// The records still missing (a managed device counts only with all three checks).
export function missingRecords(a: Pick<Account, 'attestations'>): string[] {
  return onboardingRecords(a)
    .filter(({ kind, record }) => {
      if (!record) return true;
      if (kind !== 'managed_device') return false;
      return !(record.mdm_enrolled && record.disk_encrypted && record.endpoint_protection);
    })
    .map(({ kind }) => recordLabel(kind));
}

export const ACCOUNT_STATUSES = [
  { value: 'pending', label: 'Waiting for onboarding' },
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];

export function accountStatus(status: string): { label: string; tone: string } {
  if (status === 'pending') return { label: 'Waiting for onboarding', tone: 'warn' };
  if (status === 'active') return { label: 'Active', tone: 'ok' };
  if (status === 'deactivated') return { label: 'Deactivated', tone: 'muted' };
  return { label: status, tone: 'muted' };
}

// The account workflow's actions as buttons say them.
export const ACCOUNT_ACTIONS: Record<string, string> = {
  activate: 'Activate',
  deactivate: 'Deactivate',
  change_role: 'Change the role',
  reset_mfa: 'Reset the authenticator app',
  reset_password: 'Reset the password',
};

const ACCOUNT_STEPS: Record<string, string> = {
  created: 'Account created',
  attestation_recorded: 'Onboarding record added',
  activated: 'Activated',
  deactivated: 'Deactivated',
  role_changed: 'Role changed',
  mfa_enrolled: 'Authenticator app set up',
  mfa_reset: 'Authenticator app reset',
  password_reset: 'Password reset',
  forge_logins_set: 'Code review logins set',
};

type HistoryEntry = NonNullable<components['schemas']['Review']['history']>[number];

export function accountStep(h: HistoryEntry): HistoryStep {
  return {
    what: ACCOUNT_STEPS[h.action] || h.action.replace(/_/g, ' '),
    by: h.by.id === 'demo' || h.by.role === 'installer' ? 'the installer' : who(h.by),
    at: h.at,
    comment: h.comment || undefined,
    tone: h.action === 'deactivated' ? 'bad' : h.action === 'activated' ? 'ok' : undefined,
  };
}

// ---- entitlement reviews ----

export function campaignStatus(status: string): { label: string; tone: string } {
  if (status === 'open') return { label: 'Open', tone: 'warn' };
  if (status === 'overdue') return { label: 'Overdue', tone: 'bad' };
  if (status === 'completed') return { label: 'Completed', tone: 'ok' };
  return { label: status, tone: 'muted' };
}

export const SCOPES = [
  { value: 'regular', label: 'Regular: staff, auditors, third-party contacts and third-party access' },
  { value: 'elevated', label: 'Elevated: officers and every use of emergency access' },
];

export function scopeLabel(scope: string): string {
  return scope === 'elevated' ? 'Elevated access' : scope === 'regular' ? 'Regular access' : scope;
}

// What a line is about, in words: "Alex Chen as Staff", "Sam Rivera's emergency access",
// "Brightcode Studio: read on Luma platform".
export function lineSubject(line: CampaignLine): string {
  const person = line.name || line.email || 'An account';
  if (line.kind === 'break_glass') return `${person}'s emergency access`;
  if (line.kind === 'grant')
    return `${line.party_name || 'A third party'}: ${line.summary || line.purpose || 'access'}`;
  return `${person} as ${roleName(line.role)}`;
}

export function lineKind(line: CampaignLine): string {
  if (line.kind === 'break_glass') return 'Emergency access';
  if (line.kind === 'grant') return 'Third-party access';
  return 'Account';
}

export function decisionLabel(decision: string | null | undefined): { label: string; tone: string } {
  if (decision === 'certified') return { label: 'Kept', tone: 'ok' };
  if (decision === 'revoked') return { label: 'Revoked', tone: 'bad' };
  return { label: 'To decide', tone: 'warn' };
}

export function undecided(c: Pick<Campaign, 'lines'>): number {
  return c.lines.filter((l) => !l.decision).length;
}
