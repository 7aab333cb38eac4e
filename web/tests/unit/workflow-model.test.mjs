// src/pages/workflow-model.ts and review-history.ts: the buttons follow the object's
// allowed_actions, people are named by name (or their role in words), and a review's history
// from the server reads as steps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { steps } from '../../src/pages/review-history.ts';
import { allows, roleName, who } from '../../src/pages/workflow-model.ts';

test('an action is allowed only when the server lists it', () => {
  assert.equal(allows({ allowed_actions: ['assign', 'request_info'] }, 'assign'), true);
  assert.equal(allows({ allowed_actions: ['assign'] }, 'approve'), false);
  assert.equal(allows({ allowed_actions: [] }, 'assign'), false);
  assert.equal(allows({}, 'assign'), false, 'an older server that sends none offers nothing');
  assert.equal(allows(null, 'assign'), false);
});

test('a person reads as their name, else their role in words', () => {
  assert.equal(who({ id: 'usr_1', role: 'privacy_officer', name: 'Priya Shah' }), 'Priya Shah (Privacy Officer)');
  assert.equal(who({ id: 'usr_2', role: 'staff', email: 'staff@luma.example' }), 'staff@luma.example (Staff)');
  assert.equal(who({ id: 'usr_3', role: 'auditor' }), 'Auditor');
  assert.equal(who({ id: 'system', role: 'system' }), 'the scheduler');
  assert.equal(who(null), 'someone');
  assert.equal(roleName('third_party_contact'), 'Third-party contact');
  assert.equal(roleName('custom_role'), 'custom_role');
});

const sam = { id: 'usr_so', role: 'security_officer', name: 'Sam Rivera' };
const priya = { id: 'usr_po', role: 'privacy_officer', name: 'Priya Shah' };
const at = (m) => `2026-03-01T10:${String(m).padStart(2, '0')}:00Z`;

test("a review's history from the server reads as steps with who took them", () => {
  const review = {
    assignee: priya,
    on_time: true,
    history: [
      { action: 'opened', status: 'open', at: at(0), by: sam },
      { action: 'assigned', status: 'assigned', at: at(1), by: sam, comment: 'Yours' },
      { action: 'info_requested', status: 'assigned', at: at(2), by: sam, comment: 'Send the pen test' },
      { action: 'party_responded', status: 'assigned', at: at(3), by: { id: 'usr_c', role: 'third_party_contact' } },
      { action: 'documented', status: 'documented', at: at(4), by: priya },
      { action: 'rejected', status: 'assigned', at: at(5), by: sam, comment: 'Add the follow-up' },
      { action: 'documented', status: 'documented', at: at(6), by: priya },
      { action: 'approved', status: 'approved', at: at(7), by: sam, comment: 'Thorough' },
    ],
  };
  const s = steps(review);
  assert.deepEqual(
    s.map((x) => x.what),
    [
      'Opened',
      'Assigned to Priya Shah (Privacy Officer)',
      'Asked the party',
      'The party answered',
      'Documented',
      'Rejected: back to be documented again',
      'Documented',
      'Approved',
    ],
  );
  assert.equal(s[0].by, 'Sam Rivera (Security Officer)');
  assert.equal(s[3].by, 'Third-party contact', 'no name: the role in words');
  assert.equal(s[5].comment, 'Add the follow-up');
  assert.equal(s[5].tone, 'bad');
  assert.equal(s[7].tone, 'ok');
  assert.equal(s[7].at, at(7));
});

test('only the latest assignment names the present assignee; the schedule acts unnamed', () => {
  const review = {
    assignee: sam,
    on_time: false,
    history: [
      { action: 'opened', status: 'assigned', at: at(0), by: { id: 'system', role: 'system' } },
      { action: 'assigned', status: 'assigned', at: at(1), by: sam },
      { action: 'overdue', status: 'assigned', at: at(2), by: { id: 'system', role: 'system' } },
      { action: 'approved', status: 'approved', at: at(3), by: sam },
    ],
  };
  const s = steps(review);
  assert.deepEqual(
    s.map((x) => x.what),
    [
      'Opened by the schedule',
      'Assigned',
      'Assigned to Sam Rivera (Security Officer)',
      'Marked overdue',
      'Approved (late)',
    ],
  );
  assert.equal(s[0].by, undefined);
  assert.equal(s[3].by, undefined);
  assert.deepEqual(steps({ assignee: null }), [], 'no history: no steps');
});
