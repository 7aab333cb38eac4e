// Who is signed in: the account, its role and the CSRF token for writes.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Role = 'security_officer' | 'privacy_officer' | 'staff' | 'auditor' | 'third_party_contact';

export interface User {
  id: string;
  email: string;
  name?: string;
  role: Role;
  party_id?: string;
  status?: string;
  mfa_enrolled?: boolean;
}

// TODO(schema): docs/openapi.json has only {"type": "object"} for GET /api/v1/auth/session and the sign-in steps.
export interface SessionInfo {
  state: string; // active | mfa_required | mfa_enrolment_required | password_change_required
  user: User;
  csrf_token: string;
  session: { id: string; expires_at: string; idle_timeout_seconds: number };
  // The profile's settings the screens follow (the server enforces them anyway).
  profile?: { name: string; allow_self_approval: string[] };
}

// Separation of duties: may the signed-in person approve their own work of this kind
// ('grant.approve', 'review.approve')? Only where the profile allows it.
export function maySelfApprove(info: SessionInfo, action: string): boolean {
  return (info.profile?.allow_self_approval || []).includes(action);
}

export interface SessionApi {
  info: SessionInfo;
  signOut: (everywhere?: boolean) => Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

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
