// The party page's pure parts: labels and form bodies (fields.ts), the BAA / SLA checklist
// (agreement-clauses.ts) and uploads (upload.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clauseBody, clauseValues } from '../../src/pages/party/agreement-clauses.ts';
import { bodyOf, categoryList, label } from '../../src/pages/party/fields.ts';
import { checkFile, contentTypeOf, formatSize } from '../../src/pages/party/upload.ts';

test('labels: acronyms as written, the rest humanized', () => {
  assert.equal(label('baa'), 'BAA');
  assert.equal(label('dev_contract'), 'Development contract');
  assert.equal(label('contracted_developer'), 'Contracted developer');
  assert.equal(label(undefined), '');
  assert.equal(categoryList(['ephi', 'pii', 'financial']), 'ePHI, PII, Financial');
  assert.equal(categoryList(undefined), '');
});

test('bodyOf: empty fields left out, booleans where named, dotted fields skipped', () => {
  const v = {
    name: 'Nimbus',
    legal_name: '',
    primary: 'false',
    handles_ephi: 'true',
    'baa.safeguards': 'true',
    cats: 'x',
  };
  assert.deepEqual(bodyOf(v, { bools: ['primary', 'handles_ephi'], skip: ['cats'] }), {
    name: 'Nimbus',
    primary: false,
    handles_ephi: true,
  });
});

test('the BAA checklist as form values and back', () => {
  const blank = clauseValues(null);
  assert.equal(blank['baa.safeguards'], 'false');
  assert.equal(blank['baa.responsibilities'], '');
  assert.equal(blank['sla.liability'], 'false');
  const a = { id: 'agr_1', type: 'baa', baa: { safeguards: true, responsibilities: 'We encrypt.', note: 'kept' } };
  const v = clauseValues(a);
  assert.equal(v['baa.safeguards'], 'true');
  assert.equal(v['baa.incident_reporting'], 'false');
  assert.equal(v['baa.responsibilities'], 'We encrypt.');
  v['baa.incident_reporting'] = 'true';
  v['baa.responsibilities'] = '  ';
  assert.deepEqual(clauseBody('baa', v, a), {
    baa: { safeguards: true, subcontractor_flow_down: false, incident_reporting: true, note: 'kept' },
  });
  assert.deepEqual(clauseBody('sla', clauseValues(null)), {
    sla: { liability: false, service_definitions: false, security_controls: false, service_management: false },
  });
  assert.equal(clauseBody('nda', v), undefined);
});

test('uploads: the content type from the name when the browser gives none, the size limit', () => {
  assert.equal(contentTypeOf(new File(['x'], 'Report.PDF')), 'application/pdf');
  assert.equal(contentTypeOf(new File(['x'], 'scan.jpeg')), 'image/jpeg');
  assert.equal(contentTypeOf(new File(['x'], 'data.bin')), 'application/octet-stream');
  assert.equal(contentTypeOf(new File(['x'], 'a.txt', { type: 'text/markdown' })), 'text/markdown');
  assert.equal(formatSize(512), '512 B');
  assert.equal(formatSize(2048), '2.0 KB');
  assert.equal(formatSize(5 * 1024 * 1024), '5.0 MB');
  assert.equal(formatSize(undefined), '—');
  assert.throws(
    () => checkFile(null, 'file'),
    (e) => e.details[0].field === 'file' && e.status === 422,
  );
  assert.doesNotThrow(() => checkFile(null, 'file', false));
  const big = { size: 25 * 1024 * 1024 + 1 };
  assert.throws(
    () => checkFile(big, 'file'),
    (e) => e.details[0].reason === 'is larger than 25 MiB',
  );
});
