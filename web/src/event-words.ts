// Ledger events in words a person reads ("Signed in", "Access approved"), for the timeline and
// the ledger: the machine's type (auth.signed_in) stays beside them as a small code.
import { humanize } from './format';

const WORDS: Record<string, string> = {
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.signed_out_everywhere': 'Signed out everywhere',
  'auth.password_accepted': 'Password accepted (second step next)',
  'auth.second_factor_accepted': 'Second sign-in step accepted',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sso_linked': 'Account linked to the identity provider',
  'auth.sso_unlinked': 'Account unlinked from the identity provider',
  'auth.sso_unlink_refused': 'Unlinking refused',
  'auth.sign_in_throttled': 'Sign-in paused after repeated failures',
  'auth.sign_in_throttle_ended': 'Sign-in pause ended',
  'auth.password_changed': 'Password changed',
  'auth.password_change_failed': 'Password change refused',
  'auth.break_glass_started': 'Emergency access started',
  'org.created': 'Organisation set up',
  'org.profile_changed': 'Policy profile changed',
  'ledger.key_added': 'Signing key recorded',
  'ledger.restarted': 'Log restarted from a backup',
  'note.added': 'Note added',
  // Answering our customers (issue 28, part 5).
  'library_answer.created': 'Library answer written',
  'library_answer.revised': 'Library answer revised',
  'library_answer.approved': 'Library answer approved',
  'library_answer.retired': 'Library answer retired',
  'customer_questionnaire.imported': 'Customer questionnaire imported',
  'customer_questionnaire.answered': 'Questionnaire answers confirmed',
  'customer_questionnaire.completed': 'Customer questionnaire completed',
  'customer_questionnaire.reopened': 'Customer questionnaire reopened',
  'customer_questionnaire.shared': 'Customer questionnaire shared with the customer',
  'customer_questionnaire.unshared': 'Customer questionnaire no longer shared',
  'customer_questionnaire.downloaded': 'Customer questionnaire downloaded',
  'token.created': 'API token created',
  'token.revoked': 'API token revoked',
  'grant.requested': 'Access requested',
  'grant.approved': 'Access approved',
  'grant.denied': 'Access denied',
  'grant.revoked': 'Access revoked',
  'grant.expired': 'Access ended',
  'document.uploaded': 'Document uploaded',
  'review.opened': 'Review opened',
  'review.assigned': 'Review assigned',
  'review.documented': 'Review documented',
  'review.approved': 'Review approved',
  'review.rejected': 'Review sent back',
  'review.cancelled': 'Review cancelled',
  'review.info_requested': 'Information requested from the party',
  'review.party_responded': 'The party answered',
  'soc2_report.created': 'SOC 2 report recorded',
  'soc2_report.reviewed': 'SOC 2 report reviewed',
  'soc2_report.findings_opened': 'Findings opened from a SOC 2 report',
  'finding.opened': 'Finding opened',
  'change_notice.created': 'Change announced',
  'agreement.renewed': 'Agreement renewed',
  'user.created': 'Account created',
  'user.activated': 'Account activated',
  'user.deactivated': 'Account deactivated',
  'user.role_changed': 'Role changed',
  'user.mfa_enrolled': 'Two-step sign-in set up',
  'alert.raised': 'Alert raised',
  'alert.acknowledged': 'Alert acknowledged',
  'calendar_token.created': 'Calendar feed created',
  'calendar_token.revoked': 'Calendar feed revoked',
};

const KIND_WORDS: Record<string, string> = {
  soc2_report: 'SOC 2 report',
  due_diligence: 'Due diligence',
  change_notice: 'Change notice',
  report_request: 'Audit-report request',
  entitlement_review: 'Entitlement review',
  user: 'Account',
  grant: 'Access',
  api_token: 'API token',
  signing_key: 'Signing key',
};

// "SOC 2 report" for soc2_report, "Party" for party: what an event is about, in words.
export function kindWords(kind: string | null | undefined): string {
  if (!kind) return '';
  if (kind === 'org') return 'Organisation';
  return KIND_WORDS[kind] || humanize(kind);
}

// "Signed in" for auth.signed_in; "Party updated" for party.updated; the words of an unknown
// type made readable ("Widget frobbed").
export function eventWords(type: string | null | undefined): string {
  if (!type) return '';
  if (WORDS[type]) return WORDS[type];
  const [kind, verb] = type.split('.');
  if (!verb) return humanize(type);
  const noun = KIND_WORDS[kind] || humanize(kind);
  const action = verb === 'status_changed' ? 'status changed' : verb.replace(/_/g, ' ');
  return `${noun} ${action}`;
}
