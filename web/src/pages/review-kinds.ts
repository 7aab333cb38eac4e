// Review kinds, the sections each must document (docs/reviews.md, src/domain/reviews.cc) and
// the profile's review roles.
import type { components } from '../generated/openapi';
import type { Role } from '../roles';

type Schemas = components['schemas'];

export type Actor = Schemas['Actor'];
// An account of GET /api/v1/users: whom a review may be assigned to.
export type UserRef = Schemas['User'];
// A review, with what the server adds for the caller: allowed_actions, party_name and, on the
// one-review read, its history.
export type Review = Schemas['Review'];
// What a review asked its party (request_info) and what the party's contact answered.
export type PartyRequest = NonNullable<Review['party_requests']>[number];
export type PartyResponse = NonNullable<Review['party_responses']>[number];
// Who documented a review and when, beside the sections its kind requires (SECTIONS, below).
export type ReviewDocumentation = NonNullable<Review['documentation']>;
// A documentation section: every key of the documentation but its author and time.
export type SectionName = Exclude<keyof ReviewDocumentation, 'documented_by' | 'documented_at'>;

export const KIND_LABELS: Record<string, string> = {
  partner_list_review: 'Partner and subcontractor list review',
  party_review: 'Security, compliance and SLA review',
  sla_review: 'SLA review',
  activity_review: 'Activity review',
  sla_report: 'Quarterly SLA-review report',
  change_review: 'Change review',
  risk_assessment: 'Risk assessment',
};
// The requirement each kind of review meets: a small tag beside its name (KindLabel).
export const KIND_REQUIREMENTS: Record<string, string> = {
  partner_list_review: 'TP-10',
  party_review: 'TP-11',
  sla_review: 'TP-14',
  activity_review: 'TP-15',
  sla_report: 'TP-15',
  change_review: 'TP-9',
  risk_assessment: 'TP-9',
};
export const KINDS = Object.keys(KIND_LABELS);
// Opened by a change notice, not by hand.
export const OPENABLE_KINDS = KINDS.filter((k) => k !== 'change_review' && k !== 'risk_assessment');
export const PARTY_KINDS = new Set(KINDS.filter((k) => k !== 'partner_list_review' && k !== 'sla_report'));
export const STATUSES = ['open', 'assigned', 'documented', 'approved', 'cancelled'];

export interface SectionSpec {
  name: SectionName;
  label: string;
  type: 'text' | 'confirm' | 'risk';
  hint?: string;
}

const S: Record<string, SectionSpec> = {
  summary: { name: 'summary', label: 'Summary', type: 'text', hint: 'What was reviewed and the conclusion.' },
  sla_performance: {
    name: 'sla_performance',
    label: 'SLA performance',
    type: 'text',
    hint: 'Uptime, response and resolution times against the SLA.',
  },
  security_performance: {
    name: 'security_performance',
    label: 'Security performance',
    type: 'text',
    hint: 'Incidents, security events, audit trails.',
  },
  compliance_performance: {
    name: 'compliance_performance',
    label: 'Compliance performance',
    type: 'text',
    hint: 'Certifications, SOC 2 report, BAA obligations.',
  },
  operational_issues: {
    name: 'operational_issues',
    label: 'Operational issues',
    type: 'text',
    hint: 'Failures, disruptions and how they were handled.',
  },
  impact: { name: 'impact', label: 'Impact', type: 'text', hint: 'What the change affects: systems, data, services.' },
  backout_plan: {
    name: 'backout_plan',
    label: 'Back-out plan',
    type: 'text',
    hint: 'How the change is undone if it fails.',
  },
  risk_level: { name: 'risk_level', label: 'Risk level', type: 'risk' },
  list_confirmed: { name: 'list_confirmed', label: 'The partner and subcontractor list is complete', type: 'confirm' },
  contacts_confirmed: { name: 'contacts_confirmed', label: 'Contact information is up to date', type: 'confirm' },
};

export const SECTIONS: Record<string, SectionSpec[]> = {
  party_review: [S.sla_performance, S.security_performance, S.compliance_performance, S.contacts_confirmed],
  sla_review: [S.sla_performance, S.security_performance, S.operational_issues],
  partner_list_review: [S.summary, S.list_confirmed, S.contacts_confirmed],
  activity_review: [S.summary, S.sla_performance],
  change_review: [S.summary, S.impact, S.backout_plan],
  risk_assessment: [S.summary, S.risk_level],
  sla_report: [S.summary],
};

// The profile's [reviews] roles, for what no review's allowed_actions can say: who may open a
// review and whom one may be assigned to. The server does not publish its profile, so the
// portal uses the roles every shipped profile (luma, bloomapi, janus) sets.
export const REVIEW_ROLES: { open: Role[]; assignee: Role[] } = {
  open: ['security_officer'],
  assignee: ['security_officer', 'privacy_officer'],
};

// Whom a review may be assigned to: an active account with an assignee role.
export function mayBeAssigned(u: UserRef): boolean {
  return REVIEW_ROLES.assignee.includes(u.role as Role) && u.status !== 'deactivated';
}

export function kindLabel(k: string) {
  return KIND_LABELS[k] || k;
}
