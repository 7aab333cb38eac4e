// src/lib/merkle.ts (the ledger page's in-browser proof verification) against the RFC 6962
// vectors of transparency-dev/merkle in tests/testdata/merkle: every inclusion and
// consistency case (wantErr cases must be rejected), the reference tree's roots, and a
// tampered leaf.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as m from '../../src/lib/merkle.ts';

const vectors = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tests/testdata/merkle');
const json = (p) => JSON.parse(readFileSync(p, 'utf8'));
const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

test('every inclusion vector: verified exactly when it should be', async () => {
  const cases = files(join(vectors, 'testdata/inclusion'));
  assert.ok(cases.length > 20, `found ${cases.length} inclusion vectors`);
  for (const f of cases) {
    const v = json(f);
    const r = await m.verifyInclusion(v.leafIdx, v.treeSize, v.leafHash, v.proof, v.root);
    assert.equal(r.ok, !v.wantErr, `${f.slice(vectors.length + 1)}: ${r.reason}`);
    if (!r.ok) assert.notEqual(r.reason, '', 'a failure says why');
  }
});

test('every consistency vector: verified exactly when it should be', async () => {
  const cases = files(join(vectors, 'testdata/consistency'));
  assert.ok(cases.length > 20, `found ${cases.length} consistency vectors`);
  for (const f of cases) {
    const v = json(f);
    const r = await m.verifyConsistency(v.size1, v.size2, v.proof, v.root1, v.root2);
    assert.equal(r.ok, !v.wantErr, `${f.slice(vectors.length + 1)}: ${r.reason}`);
  }
});

test('the reference tree: every leaf hash and the root of every prefix', async () => {
  const tree = json(join(vectors, 'reference-tree.json'));
  const leaves = tree.leaf_inputs.map(hex);
  for (let i = 0; i < leaves.length; i++) {
    assert.equal(m.toHex(await m.hashLeaf(leaves[i])), tree.leaf_hashes[i], `leaf ${i}`);
  }
  for (let n = 0; n <= leaves.length; n++) {
    assert.equal(m.toHex(await m.rootOfLeaves(leaves.slice(0, n))), tree.root_hashes[n], `root of size ${n}`);
  }
});

test('a leaf with one byte flipped does not verify against its real proof', async () => {
  const tree = json(join(vectors, 'reference-tree.json'));
  const v = json(join(vectors, 'testdata/inclusion/2/happy-path.json'));
  const leaf = hex(tree.leaf_inputs[v.leafIdx]);
  assert.equal(m.toBase64(await m.hashLeaf(leaf)), v.leafHash);
  const good = await m.verifyInclusion(v.leafIdx, v.treeSize, await m.hashLeaf(leaf), v.proof, v.root);
  assert.deepEqual(good, { ok: true, reason: '', computedRoot: v.root });
  leaf[0] ^= 1;
  const bad = await m.verifyInclusion(v.leafIdx, v.treeSize, await m.hashLeaf(leaf), v.proof, v.root);
  assert.equal(bad.ok, false);
  assert.equal(bad.reason, 'the computed root differs from the expected root');
  assert.ok(bad.computedRoot && bad.computedRoot !== v.root);
});

test('malformed input is refused with a reason, not an exception', async () => {
  const v = json(join(vectors, 'testdata/inclusion/2/happy-path.json'));
  assert.match(
    (await m.verifyInclusion(v.treeSize, v.treeSize, v.leafHash, v.proof, v.root)).reason,
    /not below the tree size/,
  );
  assert.match(
    (await m.verifyInclusion(v.leafIdx, v.treeSize, 'not base64!', v.proof, v.root)).reason,
    /leaf hash is not base64/,
  );
  assert.match(
    (await m.verifyInclusion(v.leafIdx, v.treeSize, v.leafHash, ['AAAA'], v.root)).reason,
    /proof\[0\] is 3 bytes/,
  );
});

test('base64 and hex round trips', () => {
  const bytes = Uint8Array.from([0, 1, 127, 128, 255]);
  assert.equal(m.toBase64(bytes), 'AAF/gP8=');
  assert.deepEqual(m.fromBase64('AAF/gP8='), bytes);
  assert.equal(m.toHex(bytes), '00017f80ff');
  assert.equal(m.equalBytes(bytes, Uint8Array.from(bytes)), true);
  assert.equal(m.equalBytes(bytes, bytes.slice(1)), false);
});
