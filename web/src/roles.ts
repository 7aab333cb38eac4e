// The roles an account has and their names in plain words: plain TypeScript, so the pure
// modules (and their unit tests) use them without the session's Preact context.
export type Role = 'security_officer' | 'privacy_officer' | 'staff' | 'auditor' | 'third_party_contact';

export const ROLE_NAMES: Record<Role, string> = {
  security_officer: 'Security Officer',
  privacy_officer: 'Privacy Officer',
  staff: 'Staff',
  auditor: 'Auditor',
  third_party_contact: 'Third-party contact',
};

export const isOfficer = (r: Role) => r === 'security_officer' || r === 'privacy_officer';
export const isWorkforce = (r: Role) => isOfficer(r) || r === 'staff';
export const readsLedger = (r: Role) => isOfficer(r) || r === 'auditor';
