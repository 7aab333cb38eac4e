// Which of the portal's screens a role may open: the same lines as the navigation, so an
// address typed or followed from elsewhere answers "not available" rather than a broken page.
// The API refuses the data either way; this is for the person.
import { isOfficer, isWorkforce, readsLedger, type Role } from './roles';

const CONTACT_SCREENS = [/^\/$/, /^\/parties\/[^/]+$/, /^\/account$/, /^\/secure-messages(\/[^/]+)?$/];
// Incidents (TR-8): a contact opens those its organisation is involved in.
CONTACT_SCREENS.push(/^\/incidents(\/[^/]+)?$/);

export function mayOpen(role: Role, path: string): boolean {
  const p = path.replace(/\/+$/, '') || '/';
  if (role === 'third_party_contact') return CONTACT_SCREENS.some((r) => r.test(p));
  if (p === '/dashboard' || p.startsWith('/ledger')) return readsLedger(role);
  if (p.startsWith('/accounts') || p.startsWith('/entitlement-reviews')) return readsLedger(role);
  if (p.startsWith('/compliance')) return readsLedger(role);
  if (p.startsWith('/access')) return isWorkforce(role) || role === 'auditor';
  if (p.startsWith('/deliveries')) return isOfficer(role);
  return true;
}
