// src/pages/access-model.ts: the access request form's flat values to the request body the
// gate evaluates, and the server's field names in words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLabel, INITIAL, lineCount, requestBody } from '../../src/pages/access-model.ts';

test('the empty form asks for one line, read permission, thirty days from today', () => {
  assert.equal(lineCount(INITIAL), 1);
  const body = requestBody(INITIAL);
  assert.deepEqual(Object.keys(body), ['start_at', 'end_at', 'lines']);
  assert.deepEqual(body.lines, [{ permission: 'read' }]);
  const days = (Date.parse(body.end_at) - Date.parse(body.start_at)) / 86400000;
  assert.equal(days, 30);
});

test('lines are numbered from the field names, empty fields left out', () => {
  const v = {
    party_id: 'pty_1',
    contact_id: 'con_1',
    start_at: '2026-03-01',
    end_at: '2026-04-01',
    purpose: '',
    'lines[0].system_id': 'sys_a',
    'lines[0].permission': 'read',
    'lines[0].justification': '',
    'lines[2].system_id': 'sys_c',
    'lines[2].permission': 'admin',
    'lines[2].justification': 'on call',
  };
  assert.equal(lineCount(v), 3);
  assert.deepEqual(requestBody(v), {
    party_id: 'pty_1',
    contact_id: 'con_1',
    start_at: '2026-03-01',
    end_at: '2026-04-01',
    lines: [
      { system_id: 'sys_a', permission: 'read' },
      {},
      { system_id: 'sys_c', permission: 'admin', justification: 'on call' },
    ],
  });
});

test('field names in words', () => {
  assert.equal(fieldLabel('party_id'), 'the party');
  assert.equal(fieldLabel('lines'), 'at least one system');
  assert.equal(fieldLabel('lines[1].system_id'), 'line 2: system');
  assert.equal(fieldLabel('lines[0].valid_until'), 'line 1: Valid until');
  assert.equal(fieldLabel('approver_role'), 'Approver role');
});
