// src/page-access.ts: which screens a role may open, so a contact following an officer's
// address gets "not available" instead of a broken page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayOpen } from '../../src/page-access.ts';

test("a party's contact opens its own pages only", () => {
  for (const path of ['/', '/parties/pty_123', '/parties/pty_123/']) {
    assert.equal(mayOpen('third_party_contact', path), true, path);
  }
  for (const path of ['/dashboard', '/parties', '/access', '/reviews', '/reviews/rev_1', '/calendar', '/ledger']) {
    assert.equal(mayOpen('third_party_contact', path), false, path);
  }
});

test('the ledger and the dashboard are for ledger readers; access for the workforce and auditors', () => {
  assert.equal(mayOpen('staff', '/ledger'), false);
  assert.equal(mayOpen('staff', '/dashboard'), false);
  assert.equal(mayOpen('staff', '/access'), true);
  assert.equal(mayOpen('auditor', '/ledger'), true);
  assert.equal(mayOpen('auditor', '/access'), true);
  for (const path of ['/', '/dashboard', '/parties', '/access', '/reviews', '/calendar', '/ledger']) {
    assert.equal(mayOpen('security_officer', path), true, path);
  }
});

test('accounts and entitlement reviews are for ledger readers; everyone opens their own account', () => {
  for (const path of ['/accounts', '/accounts/usr_1', '/entitlement-reviews', '/entitlement-reviews/erv_1']) {
    assert.equal(mayOpen('security_officer', path), true, path);
    assert.equal(mayOpen('auditor', path), true, path);
    assert.equal(mayOpen('staff', path), false, path);
    assert.equal(mayOpen('third_party_contact', path), false, path);
  }
  for (const role of ['security_officer', 'staff', 'auditor', 'third_party_contact']) {
    assert.equal(mayOpen(role, '/account'), true, role);
  }
});

test("a party's contact opens the incidents its organisation is involved in (TR-8)", () => {
  for (const path of ['/incidents', '/incidents/inc_1']) {
    assert.equal(mayOpen('third_party_contact', path), true, path);
  }
  assert.equal(mayOpen('third_party_contact', '/incidents/inc_1/more'), false);
});
