// Who is signed in: the account, its role and the CSRF token for writes.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiResponse } from './api';
import type { Role } from './roles';

export { isOfficer, isWorkforce, readsLedger, ROLE_NAMES, type Role } from './roles';

// GET /api/v1/auth/session (and every sign-in step) as docs/openapi.json describes it, with
// user.role narrowed from string to the portal's Role: the server knows a fixed five
// (include/accord/domain/roles.h, mirrored in roles.ts) and the screens switch on them.
type SessionAnswer = ApiResponse<'/api/v1/auth/session'>;
export type User = Omit<SessionAnswer['user'], 'role'> & { role: Role };
export type SessionInfo = Omit<SessionAnswer, 'user'> & { user: User };

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
