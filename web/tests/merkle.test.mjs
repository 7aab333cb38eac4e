// src/lib/merkle.ts (the portal's in-browser proof verification) against the RFC 6962
// vectors of transparency-dev/merkle in tests/testdata/merkle: every inclusion and
// consistency case (wantErr cases must be rejected), the reference tree's roots, and the
// checkpoint note signature check of src/pages/ledger-note.ts on a real signed note.
// No server, no browser: node >= 20 has WebCrypto.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const vectors = resolve(process.env.MERKLE_VECTORS || join(here, '../../tests/testdata/merkle'));

const started = Date.now();
async function load(entry) {
  const out = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  return import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
}
const m = await load('../src/lib/merkle.ts');
const notes = await load('../src/pages/ledger-note.ts');

let failures = 0;
let checked = 0;
function check(cond, what) {
  checked++;
  if (!cond) {
    failures++;
    console.error('FAIL: ' + what);
  }
}

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

for (const f of files(join(vectors, 'testdata/inclusion'))) {
  const v = JSON.parse(readFileSync(f, 'utf8'));
  const r = await m.verifyInclusion(v.leafIdx, v.treeSize, v.leafHash, v.proof, v.root);
  check(
    r.ok === !v.wantErr,
    `inclusion ${f.slice(vectors.length + 1)}: ok=${r.ok} (${r.reason}), wantErr=${v.wantErr}`,
  );
}

for (const f of files(join(vectors, 'testdata/consistency'))) {
  const v = JSON.parse(readFileSync(f, 'utf8'));
  const r = await m.verifyConsistency(v.size1, v.size2, v.proof, v.root1, v.root2);
  check(
    r.ok === !v.wantErr,
    `consistency ${f.slice(vectors.length + 1)}: ok=${r.ok} (${r.reason}), wantErr=${v.wantErr}`,
  );
}

// The reference tree: leaf hashes and the root of every prefix, computed from the inputs.
const tree = JSON.parse(readFileSync(join(vectors, 'reference-tree.json'), 'utf8'));
const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));
const leaves = tree.leaf_inputs.map(hex);
for (let i = 0; i < leaves.length; i++) {
  check(m.toHex(await m.hashLeaf(leaves[i])) === tree.leaf_hashes[i], `reference leaf hash ${i}`);
}
for (let n = 0; n <= leaves.length; n++) {
  check(m.toHex(await m.rootOfLeaves(leaves.slice(0, n))) === tree.root_hashes[n], `reference root of size ${n}`);
}

// A tampered leaf (one byte flipped) no longer verifies against a real proof.
{
  const v = JSON.parse(readFileSync(join(vectors, 'testdata/inclusion/2/happy-path.json'), 'utf8'));
  const leaf = Uint8Array.from(leaves[v.leafIdx]);
  check(m.toBase64(await m.hashLeaf(leaf)) === v.leafHash, 'the happy path leaf is the reference leaf');
  check(
    (await m.verifyInclusion(v.leafIdx, v.treeSize, await m.hashLeaf(leaf), v.proof, v.root)).ok,
    'the real leaf verifies',
  );
  leaf[0] ^= 1;
  const bad = await m.verifyInclusion(v.leafIdx, v.treeSize, await m.hashLeaf(leaf), v.proof, v.root);
  check(!bad.ok && bad.computedRoot && bad.computedRoot !== v.root, 'a flipped byte does not verify');
}

// The checkpoint's signed note (a real one from `accord serve --demo`): Ed25519 over the note
// text with a verifier key whose base64 contains '+'; a changed size must not verify.
{
  const note =
    'accord/org_01m95cjhm8k7zma3ny5f99cj8a\n206\nemwqb38FNywFzeOcLdOG6OAZ4ECrP84KJ/g/hFka5bQ=\n\n' +
    '— accord/org_01m95cjhm8k7zma3ny5f99cj8a bgikrwFG36fQf8arCCb6gBsPKwN8qbgBled6rDnYYvwWv6pTOhDJisVwCbPcAUXpHjtJRi3grSu8R/lGH9lU0cC7Agc=\n';
  const keys = ['accord/org_01m95cjhm8k7zma3ny5f99cj8a+6e08a4af+AQcPjSf2SLdx8iFnsatgh1toxe3xad+69cL1iihX9vcC'];
  check((await notes.checkNote(note, keys)).state === 'verified', 'the signed note verifies');
  check(
    (await notes.checkNote(note.replace('\n206\n', '\n207\n'), keys)).state === 'bad',
    'a changed note does not verify',
  );
  check((await notes.checkNote(note, [])).state === 'unknown-key', 'an unknown key is reported');
}

if (failures) {
  console.error(`FAILED: merkle vectors: ${failures} of ${checked} checks failed`);
  process.exitCode = 1;
} else {
  console.log(`ok: merkle vectors (${checked} checks, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
