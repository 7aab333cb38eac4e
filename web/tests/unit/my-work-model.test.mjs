// src/pages/my-work-model.ts and src/pages/party/renewal.ts: how My work and the red flags word
// their dates and counts, and where a renewal's dates start.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  busyGroups,
  countBadge,
  dueOf,
  fixLabel,
  isReadKind,
  plural,
  remainder,
} from '../../src/pages/my-work-model.ts';
import { renewalDates } from '../../src/pages/party/renewal.ts';

const now = Date.parse('2026-11-18T07:00:00Z');
const inDays = (n) => new Date(now + n * 86400000 + 3600000).toISOString();

test('due dates in words, a change notice by its plan', () => {
  assert.deepEqual(dueOf({ kind: 'review_to_document', due_at: inDays(5) }, now), {
    text: 'Due in 5 days',
    tone: 'warn',
  });
  assert.deepEqual(dueOf({ kind: 'finding', due_at: inDays(30) }, now), { text: 'Due in 30 days', tone: 'muted' });
  assert.deepEqual(dueOf({ kind: 'finding', due_at: inDays(0) }, now), { text: 'Due today', tone: 'warn' });
  assert.deepEqual(dueOf({ kind: 'finding', due_at: inDays(-2) }, now), { text: 'Overdue by 2 days', tone: 'bad' });
  assert.deepEqual(dueOf({ kind: 'finding', due_at: inDays(-1) }, now), { text: 'Overdue by 1 day', tone: 'bad' });
  assert.equal(dueOf({ kind: 'change_notice', due_at: inDays(21) }, now).text, 'Planned in 21 days');
  assert.equal(dueOf({ kind: 'finding', due_at: null }, now), null);
});

test('groups, counts and news', () => {
  const groups = [
    { kind: 'a', count: 0, items: [] },
    { kind: 'b', count: 3, items: [1, 2] },
  ];
  assert.deepEqual(
    busyGroups(groups).map((g) => g.kind),
    ['b'],
  );
  assert.equal(remainder(groups[1]), 1);
  assert.equal(remainder(groups[0]), 0);
  assert.equal(plural(1, 'item'), '1 item');
  assert.equal(plural(2, 'item'), '2 items');
  assert.equal(countBadge(7), '7');
  assert.equal(countBadge(120), '99+');
  assert.ok(isReadKind('vendor_answer') && isReadKind('change_notice'));
  assert.ok(!isReadKind('finding'));
});

test('each red flag says what fixes it', () => {
  assert.equal(fixLabel({ kind: 'agreement_missing', agreement_id: 'agr_1' }), 'Renew or replace it');
  assert.equal(fixLabel({ kind: 'agreement_missing', agreement_id: null }), 'Add the agreement');
  assert.equal(fixLabel({ kind: 'soc2_missing', agreement_id: null }), 'Record a SOC 2 review');
  assert.equal(fixLabel({ kind: 'review_overdue', agreement_id: null }), 'Finish the review');
});

test('a renewal starts where the old agreement ends and lasts as long', () => {
  assert.deepEqual(
    renewalDates({ effective_at: '2025-12-01T00:00:00.000Z', expires_at: '2026-12-01T00:00:00.000Z' }, now),
    { effective_at: '2026-12-01', expires_at: '2027-12-01' },
  );
  // Expired already: from today, as long as before.
  assert.deepEqual(renewalDates({ effective_at: '2024-10-01', expires_at: '2026-10-01' }, now), {
    effective_at: '2026-11-18',
    expires_at: '2028-11-17',
  });
  assert.deepEqual(renewalDates({}, now), { effective_at: '2026-11-18', expires_at: '2027-11-18' });
});
