// src/pages/review-kinds.ts: the kinds the portal offers and the sections each must document
// (docs/reviews.md), and who may be assigned a review.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  KINDS,
  OPENABLE_KINDS,
  PARTY_KINDS,
  SECTIONS,
  kindLabel,
  mayBeAssigned,
} from '../../src/pages/review-kinds.ts';

test('every kind has a label and at least one section to document', () => {
  assert.deepEqual(KINDS, [
    'partner_list_review',
    'party_review',
    'sla_review',
    'activity_review',
    'sla_report',
    'change_review',
    'risk_assessment',
  ]);
  for (const k of KINDS) {
    assert.notEqual(kindLabel(k), k, `${k} has a label`);
    assert.ok(SECTIONS[k]?.length > 0, `${k} has sections`);
  }
  assert.equal(kindLabel('unknown_kind'), 'unknown_kind');
});

test('the sections of a party review and a risk assessment', () => {
  assert.deepEqual(
    SECTIONS.party_review.map((s) => [s.name, s.type]),
    [
      ['sla_performance', 'text'],
      ['security_performance', 'text'],
      ['compliance_performance', 'text'],
      ['contacts_confirmed', 'confirm'],
    ],
  );
  assert.deepEqual(
    SECTIONS.risk_assessment.map((s) => s.name),
    ['summary', 'risk_level'],
  );
});

test('change reviews and risk assessments are opened by change notices, not by hand', () => {
  assert.ok(!OPENABLE_KINDS.includes('change_review'));
  assert.ok(!OPENABLE_KINDS.includes('risk_assessment'));
  assert.equal(OPENABLE_KINDS.length, KINDS.length - 2);
});

test('organisation-wide kinds have no party', () => {
  assert.equal(PARTY_KINDS.has('partner_list_review'), false);
  assert.equal(PARTY_KINDS.has('sla_report'), false);
  assert.equal(PARTY_KINDS.has('party_review'), true);
});

test('only active officers may be assigned a review', () => {
  assert.equal(mayBeAssigned({ id: 'u1', role: 'security_officer' }), true);
  assert.equal(mayBeAssigned({ id: 'u2', role: 'privacy_officer', status: 'active' }), true);
  assert.equal(mayBeAssigned({ id: 'u3', role: 'privacy_officer', status: 'deactivated' }), false);
  assert.equal(mayBeAssigned({ id: 'u4', role: 'staff' }), false);
  assert.equal(mayBeAssigned({ id: 'u5' }), false);
});
