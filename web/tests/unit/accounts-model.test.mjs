// src/pages/accounts-model.ts: onboarding records, account and campaign words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accountStatus,
  accountStep,
  decisionLabel,
  lineSubject,
  missingRecords,
  onboardingRecords,
  undecided,
} from '../../src/pages/accounts-model.ts';

test('missingRecords: the five records, a managed device only with all three checks', () => {
  assert.deepEqual(missingRecords({ attestations: {} }), [
    'Background check',
    'HIPAA training',
    'Security training',
    'Policy acknowledgement',
    'Managed device',
  ]);
  const att = {
    background_check: { kind: 'background_check', completed_on: '2026-01-01' },
    hipaa_training: { kind: 'hipaa_training', completed_on: '2026-01-01' },
    security_training: { kind: 'security_training', completed_on: '2026-01-01' },
    policy_acknowledgement: { kind: 'policy_acknowledgement', completed_on: '2026-01-01' },
    managed_device: { kind: 'managed_device', mdm_enrolled: true, disk_encrypted: false, endpoint_protection: true },
  };
  assert.deepEqual(missingRecords({ attestations: att }), ['Managed device']);
  att.managed_device.disk_encrypted = true;
  assert.deepEqual(missingRecords({ attestations: att }), []);
  assert.equal(onboardingRecords({ attestations: null }).length, 5);
});

test('statuses, decisions and history steps in words', () => {
  assert.equal(accountStatus('pending').label, 'Waiting for onboarding');
  assert.equal(decisionLabel(null).label, 'To decide');
  assert.equal(decisionLabel('revoked').tone, 'bad');
  const step = accountStep({
    action: 'attestation_recorded',
    status: 'pending',
    at: '2026-01-01T00:00:00Z',
    by: { id: 'usr_1', role: 'security_officer', name: 'Sam Rivera' },
  });
  assert.equal(step.what, 'Onboarding record added');
  assert.equal(step.by, 'Sam Rivera (Security Officer)');
  assert.equal(
    accountStep({ action: 'created', status: 'active', at: 'x', by: { id: 'demo', role: 'installer' } }).by,
    'the installer',
  );
});

test('lineSubject: what a campaign line is about', () => {
  assert.equal(lineSubject({ kind: 'user_role', name: 'Alex Chen', role: 'staff' }), 'Alex Chen as Staff');
  assert.equal(lineSubject({ kind: 'break_glass', name: 'Alex Chen' }), "Alex Chen's emergency access");
  assert.equal(
    lineSubject({ kind: 'grant', party_name: 'Brightcode Studio', summary: 'read on Luma platform' }),
    'Brightcode Studio: read on Luma platform',
  );
  assert.equal(undecided({ lines: [{ decision: null }, { decision: 'certified' }] }), 1);
});
