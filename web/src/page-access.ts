// Which of the portal's screens a role may open: the same lines as the navigation, so an
// address typed or followed from elsewhere answers "not available" rather than a broken page.
// The API refuses the data either way; this is for the person.
import { isOfficer, isWorkforce, readsLedger, type Role } from './roles';

const CONTACT_SCREENS = [
  /^\/$/,
  /^\/parties\/[^/]+$/,
  /^\/account$/,
  /^\/secure-messages(\/[^/]+)?$/,
  /^\/questionnaires(\/[^/]+)?$/, // a vendor contact answers its own
  /^\/customer-questionnaires(\/[^/]+)?$/, // issue 28, part 5: its own shared questionnaires
  /^\/incidents(\/[^/]+)?$/, // incidents its organisation is involved in
  /^\/my-work$/, // issue 28, item 2: the questionnaire sections assigned to it
];

export function mayOpen(role: Role, path: string): boolean {
  const p = path.replace(/\/+$/, '') || '/';
  if (role === 'third_party_contact') return CONTACT_SCREENS.some((r) => r.test(p));
  if (p === '/dashboard' || p.startsWith('/ledger')) return readsLedger(role);
  if (p.startsWith('/accounts') || p.startsWith('/entitlement-reviews')) return readsLedger(role);
  if (p.startsWith('/compliance')) return readsLedger(role);
  if (p.startsWith('/access')) return isWorkforce(role) || role === 'auditor';
  if (p.startsWith('/deliveries')) return isOfficer(role);
  if (p.startsWith('/account-requests')) return isOfficer(role); // issue 28, item 2
  if (p.startsWith('/answer-library')) return isWorkforce(role) || role === 'auditor';
  return true;
}
