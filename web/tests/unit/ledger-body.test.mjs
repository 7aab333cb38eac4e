// src/pages/ledger-body.ts: an event's body in words, on events shaped like the demo's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventBody } from '../../src/pages/ledger-body.ts';

test('a status change says what changed and the comment first, then the fields in words', () => {
  const lines = eventBody({
    comment: 'Signed by both parties',
    changed: ['status'],
    state: {
      id: 'agr_01m97nwv76s71pa5e72wm4drvj',
      party_id: 'pty_01m97nwv725eaf7gpcnyrpdxav',
      type: 'baa',
      status: 'executed',
      expires_at: '2028-01-11T07:18:38.040Z',
      renewal_notice_days: 60,
      version: 2,
    },
  });
  assert.deepEqual(lines[0], { label: 'Comment', text: 'Signed by both parties' });
  assert.deepEqual(lines[1], { label: 'What changed', text: 'Status' });
  const text = lines.map((l) => `${l.label}: ${l.text}`).join('\n');
  assert.match(text, /Type: BAA/);
  assert.match(text, /Status: Executed/);
  assert.match(text, /Expires: 11 Jan 2028/);
  assert.match(text, /Renewal notice days: 60/);
  assert.doesNotMatch(text, /pty_|agr_|Version/, 'no ids, no bookkeeping');
});

test('roles, yes/no, lists and people read as words', () => {
  const lines = eventBody({
    state: {
      name: 'Sam Rivera',
      role: 'security_officer',
      mfa_enrolled: false,
      data_categories: ['ephi', 'pii'],
      assignee: { id: 'usr_1', role: 'privacy_officer', name: 'Priya Shah' },
    },
  });
  const text = Object.fromEntries(lines.map((l) => [l.label, l.text]));
  assert.equal(text['Role'], 'Security Officer');
  assert.equal(text['Two-step sign-in set up'], 'No');
  assert.equal(text['Data'], 'ePHI, PII');
  assert.equal(text['Assignee'], 'Priya Shah');
});

test('a note, bulky machine text left out, and at most twelve lines', () => {
  assert.deepEqual(eventBody({ note_id: 'note_1', text: 'Annual review due' }), [
    { label: 'Note', text: 'Annual review due' },
  ]);
  const org = eventBody({ name: 'Luma', profile: 'luma', profile_source: 'x'.repeat(5000) });
  assert.ok(!org.some((l) => l.label === 'Profile source'));
  const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field_${i}`, 'x']));
  assert.equal(eventBody({ state: many }).length, 12);
  assert.deepEqual(eventBody(null), []);
});
