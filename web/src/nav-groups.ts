// The portal's top navigation: a few links on their own and the rest in menus a Security
// Officer would recognise. Plain data, one line per screen: a new screen is one more line in
// its menu (with `show` when only some roles see it). Who may open a screen at all is
// page-access.ts; these lines only decide what the navigation offers.
import { isOfficer, isWorkforce, readsLedger, type Role } from './roles';

export interface NavLink {
  href: string;
  label: string;
  // Who sees the link; everyone when absent.
  show?: (role: Role) => boolean;
  // Other addresses that count as this screen (for marking where you are).
  alsoActive?: string[];
}

export interface NavGroup {
  label: string;
  links: NavLink[];
}

export type NavItem = NavLink | NavGroup;

export const isGroup = (item: NavItem): item is NavGroup => 'links' in item;

const workforceOrAuditor = (r: Role) => isWorkforce(r) || r === 'auditor';

const STAFF_NAV: NavItem[] = [
  { href: '/', label: 'My work', show: isWorkforce },
  { href: '/dashboard', label: 'Dashboard', show: (r) => isWorkforce(r) && readsLedger(r) },
  { href: '/', label: 'Dashboard', show: (r) => r === 'auditor' }, // the auditor starts there
  {
    label: 'Third parties',
    links: [
      { href: '/parties', label: 'Parties' },
      { href: '/access', label: 'Access', show: workforceOrAuditor },
      { href: '/reviews', label: 'Reviews' },
      { href: '/findings', label: 'Findings' },
      { href: '/report-requests', label: 'Requests' },
      { href: '/questionnaires', label: 'Questionnaires' }, // issue 28: due-diligence questionnaires
    ],
  },
  {
    label: 'Operations',
    links: [
      { href: '/changes', label: 'Changes' },
      { href: '/scans', label: 'Scans' },
      { href: '/status', label: 'Status', show: workforceOrAuditor },
      { href: '/incidents', label: 'Incidents' }, // issue 27, TR-8
      { href: '/calendar', label: 'Calendar' },
    ],
  },
  {
    label: 'Assurance',
    links: [
      { href: '/compliance', label: 'Compliance', show: readsLedger },
      { href: '/commitments', label: 'Commitments', show: workforceOrAuditor },
      { href: '/ledger', label: 'Ledger', show: readsLedger },
      { href: '/customer-questionnaires', label: 'Customer questionnaires' }, // issue 28, part 5
      { href: '/secure-messages', label: 'Secure messages' },
    ],
  },
  {
    label: 'Administration',
    links: [
      // Entitlement reviews are reached from Accounts.
      { href: '/accounts', label: 'Accounts', show: readsLedger, alsoActive: ['/entitlement-reviews'] },
      { href: '/settings/sso', label: 'Single sign-on', show: (r) => r === 'security_officer' },
      { href: '/deliveries', label: 'Deliveries', show: isOfficer }, // issue 26
      { href: '/account-requests', label: 'Account requests', show: isOfficer }, // issue 28, item 2
    ],
  },
];

// A party's contact keeps a short flat list.
const CONTACT_NAV: NavItem[] = [
  { href: '/', label: 'My organisation' },
  { href: '/my-work', label: 'My work' }, // issue 28, item 2: sections assigned to me
  { href: '/secure-messages', label: 'Secure messages' },
  { href: '/questionnaires', label: 'Questionnaires to answer' }, // issue 28
  { href: '/customer-questionnaires', label: 'Answered questionnaires' }, // issue 28, part 5
  { href: '/incidents', label: 'Incidents' }, // those its organisation is involved in
];

// The navigation a role sees: links it may not see left out, menus left empty dropped.
export function navFor(role: Role): NavItem[] {
  const items = role === 'third_party_contact' ? CONTACT_NAV : STAFF_NAV;
  const visible = (l: NavLink) => !l.show || l.show(role);
  const out: NavItem[] = [];
  for (const item of items) {
    if (!isGroup(item)) {
      if (visible(item)) out.push(item);
      continue;
    }
    const links = item.links.filter(visible);
    if (links.length > 0) out.push({ label: item.label, links });
  }
  return out;
}

// Whether the link is the screen at `path` (or one under it).
export function linkActive(link: NavLink, path: string): boolean {
  const under = (href: string) => path === href || path.startsWith(href + '/');
  if (link.href === '/') return path === '/';
  return under(link.href) || (link.alsoActive ?? []).some(under);
}

export const groupActive = (group: NavGroup, path: string) => group.links.some((l) => linkActive(l, path));
