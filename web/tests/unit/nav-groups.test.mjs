// src/nav-groups.ts: each role is offered the same screens as before the navigation had menus,
// menus with nothing for a role are left out, and the page you are on marks its link and menu.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupActive, isGroup, linkActive, navFor } from '../../src/nav-groups.ts';

const flat = (role) => navFor(role).flatMap((i) => (isGroup(i) ? i.links : [i]).map((l) => `${l.label} ${l.href}`));
const sorted = (a) => [...a].sort();

// The flat list each role had before the menus.
const OFFICER = [
  'My work /',
  'Dashboard /dashboard',
  'Parties /parties',
  'Access /access',
  'Reviews /reviews',
  'Findings /findings',
  'Requests /report-requests',
  'Questionnaires /questionnaires',
  'Changes /changes',
  'Calendar /calendar',
  'Scans /scans',
  'Commitments /commitments',
  'Status /status',
  'Ledger /ledger',
  'Accounts /accounts',
  'Secure messages /secure-messages',
  'Compliance /compliance',
  'Customer questionnaires /customer-questionnaires',
  'Incidents /incidents',
];

test('each role keeps the screens it had', () => {
  assert.deepEqual(
    sorted(flat('security_officer')),
    sorted([
      ...OFFICER,
      'Single sign-on /settings/sso',
      'Deliveries /deliveries',
      'Account requests /account-requests', // issue 28, item 2
    ]),
  );
  assert.deepEqual(
    sorted(flat('privacy_officer')),
    sorted([...OFFICER, 'Deliveries /deliveries', 'Account requests /account-requests']),
  );
  const notStaff = ['Dashboard /dashboard', 'Ledger /ledger', 'Accounts /accounts', 'Compliance /compliance'];
  assert.deepEqual(sorted(flat('staff')), sorted(OFFICER.filter((l) => !notStaff.includes(l))));
  assert.deepEqual(
    sorted(flat('auditor')),
    sorted(OFFICER.filter((l) => l !== 'My work /').map((l) => (l === 'Dashboard /dashboard' ? 'Dashboard /' : l))),
  );
  assert.deepEqual(flat('third_party_contact'), [
    'My organisation /',
    'My work /my-work', // issue 28, item 2: the questionnaire sections assigned to the contact
    'Secure messages /secure-messages',
    'Questionnaires to answer /questionnaires',
    'Answered questionnaires /customer-questionnaires',
    'Incidents /incidents',
  ]);
});

test('menus: none for a contact, none left empty', () => {
  assert.equal(navFor('third_party_contact').filter(isGroup).length, 0);
  const menus = (role) => navFor(role).filter(isGroup);
  assert.deepEqual(
    menus('security_officer').map((g) => g.label),
    ['Third parties', 'Operations', 'Assurance', 'Administration'],
  );
  assert.ok(!menus('staff').some((g) => g.label === 'Administration'), 'staff have nothing to administer');
  for (const role of ['security_officer', 'privacy_officer', 'staff', 'auditor']) {
    for (const g of menus(role)) assert.ok(g.links.length > 0, `${role}: ${g.label}`);
  }
});

test('the page you are on marks its link and its menu', () => {
  const admin = navFor('security_officer').find((i) => isGroup(i) && i.label === 'Administration');
  const accounts = admin.links.find((l) => l.label === 'Accounts');
  assert.ok(linkActive(accounts, '/accounts/usr_1'));
  assert.ok(linkActive(accounts, '/entitlement-reviews/erv_1'), 'entitlement reviews are reached from Accounts');
  assert.ok(!linkActive(accounts, '/accountsx'));
  assert.ok(groupActive(admin, '/settings/sso'));
  assert.ok(!groupActive(admin, '/parties'));
  assert.ok(linkActive({ href: '/', label: 'My work' }, '/'));
  assert.ok(!linkActive({ href: '/', label: 'My work' }, '/parties'));
});
