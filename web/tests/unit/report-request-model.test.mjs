// src/pages/report-request-model.ts and finding-model.ts: a request's party link and downloads
// left, and a finding's history, in plain words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadsLeft, partyText, requestStatus } from '../../src/pages/report-request-model.ts';
import { sourceLabel, statusLabel, steps } from '../../src/pages/finding-model.ts';

test('a name-only match is a suggestion until someone confirms it', () => {
  const r = { party_id: 'pty_1', party_name: 'Bayview Pediatrics', status: 'received', link: { how: 'name' } };
  assert.equal(partyText(r), 'Suggested: Bayview Pediatrics');
  assert.equal(partyText({ ...r, link: { how: 'staff' }, status: 'nda_sent' }), 'Bayview Pediatrics');
  assert.equal(partyText({ status: 'received', link: null }), 'Not linked yet');
  assert.equal(requestStatus('in_progress').label, 'Waiting for a decision');
});

test('downloads left count the last link only', () => {
  assert.equal(downloadsLeft(null), null);
  const d = {
    link_id: 'lnk_2',
    max_downloads: 3,
    downloads: [
      { at: '2026-12-01T10:00:00Z', link_id: 'lnk_1' },
      { at: '2026-12-02T10:00:00Z', link_id: 'lnk_2' },
    ],
  };
  assert.equal(downloadsLeft(d), 2);
  assert.equal(downloadsLeft({ ...d, max_downloads: 1, downloads: [...d.downloads, d.downloads[1]] }), 0);
});

test("a finding's history and labels read as words", () => {
  const f = {
    history: [
      { action: 'opened', status: 'open', at: '2026-12-01T10:00:00Z', by: { id: 'system', role: 'system' } },
      {
        action: 'risk_acceptance_requested',
        status: 'acceptance_requested',
        at: '2026-12-02T10:00:00Z',
        by: { id: 'usr_1', role: 'security_officer', name: 'Sam' },
        comment: 'Retired soon',
      },
      {
        action: 'risk_acceptance_expired',
        status: 'open',
        at: '2027-03-02T10:00:00Z',
        by: { id: 'system', role: 'system' },
      },
    ],
  };
  const s = steps(f);
  assert.deepEqual(
    s.map((x) => x.what),
    ['Opened by the schedule', 'Asked to accept the risk', 'Risk acceptance ended: open again'],
  );
  assert.equal(s[1].by, 'Sam (Security Officer)');
  assert.equal(s[2].by, undefined);
  assert.equal(statusLabel('acceptance_requested'), 'Risk acceptance to approve');
  assert.equal(sourceLabel('soc2_report'), 'A SOC 2 report');
  assert.equal(sourceLabel(undefined), 'A person');
});
