// src/verify/bundle-check.ts (verify.html's checks) on a bundle made here: two events in a
// tree of two, one document, a manifest and checkpoint signed with a fresh Ed25519 key in the
// C2SP signed-note format, then the tamperings that must be named by file.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { checkBundle } from '../../src/verify/bundle-check.ts';

const enc = new TextEncoder();
const sha = (...parts) =>
  createHash('sha256')
    .update(Buffer.concat(parts.map((p) => Buffer.from(p))))
    .digest();
const b64 = (b) => Buffer.from(b).toString('base64');

const origin = 'accord/org_unit';
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
const keyBytes = Buffer.concat([Buffer.from([1]), pub]);
const keyId = sha(enc.encode(origin + '\n'), keyBytes).subarray(0, 4);
const verifierKey = `${origin}+${keyId.toString('hex')}+${b64(keyBytes)}`;
const signNote = (text) =>
  `${text}\n— ${origin} ${b64(Buffer.concat([keyId, sign(null, Buffer.from(text), privateKey)]))}\n`;

function makeBundle() {
  const doc = enc.encode('%PDF-1.7 policy');
  const docSha = sha(doc).toString('hex');
  const leaves = [
    { type: 'org.created', time: '2026-01-01T00:00:00.000Z', subject: { kind: 'org', id: 'org_unit' }, payload: {} },
    {
      type: 'document.uploaded',
      time: '2026-01-02T00:00:00.000Z',
      subject: { kind: 'document', id: 'doc_1' },
      payload: { state: { sha256: docSha, filename: 'policy.pdf', effective_at: '2025-12-01T00:00:00.000Z' } },
    },
  ].map((e) => enc.encode(JSON.stringify(e)));
  const hashes = leaves.map((l) => sha([0], l));
  const root = sha([1], hashes[0], hashes[1]);
  const files = {
    'checkpoint.note': enc.encode(signNote(`${origin}\n2\n${b64(root)}\n`)),
    'events/000000000000.json': leaves[0],
    'events/000000000001.json': leaves[1],
    'proofs/000000000000.json': enc.encode(
      JSON.stringify({ index: 0, tree_size: 2, leaf_hash: b64(hashes[0]), path: [b64(hashes[1])] }),
    ),
    'proofs/000000000001.json': enc.encode(
      JSON.stringify({ index: 1, tree_size: 2, leaf_hash: b64(hashes[1]), path: [b64(hashes[0])] }),
    ),
    [`documents/${docSha}`]: doc,
  };
  return { files, docSha };
}

function seal(files, docSha) {
  const events = [0, 1].map((i) => {
    const e = JSON.parse(new TextDecoder().decode(files[`events/00000000000${i}.json`]));
    return {
      index: i,
      path: `events/00000000000${i}.json`,
      proof: `proofs/00000000000${i}.json`,
      type: e.type,
      subject: `${e.subject.kind}/${e.subject.id}`,
      recorded_at: e.time,
    };
  });
  const manifest = {
    format: 'accord-evidence/1',
    origin,
    exported_at: '2026-01-03T00:00:00.000Z',
    selection: {},
    checkpoint: { size: 2, root: new TextDecoder().decode(files['checkpoint.note']).split('\n')[2] },
    events,
    documents: [{ sha256: docSha, path: `documents/${docSha}`, event_index: 1, filename: 'policy.pdf' }],
    files: Object.entries(files).map(([path, b]) => ({ path, sha256: sha(b).toString('hex'), size: b.length })),
  };
  const text = enc.encode(JSON.stringify(manifest));
  const out = new Map(Object.entries(files));
  out.set('manifest.json', text);
  out.set(
    'manifest.sig',
    enc.encode(signNote(`accord-evidence/1 manifest\n${origin}\nsha256 ${sha(text).toString('hex')}\n`)),
  );
  return out;
}

test('a sound bundle verifies, with both times of the document', async () => {
  const { files, docSha } = makeBundle();
  const r = await checkBundle(seal(files, docSha), [verifierKey]);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.facts.events.length, 2);
  assert.equal(r.facts.documents[0].filename, 'policy.pdf');
});

test('each tampering names its file', async () => {
  const cases = [
    ['events/000000000001.json', (f) => (f['events/000000000001.json'][5] ^= 1)],
    ['proofs/000000000000.json', (f) => (f['proofs/000000000000.json'][20] ^= 1)],
    ['checkpoint.note', (f) => (f['checkpoint.note'][3] ^= 1)],
  ];
  for (const [file, change] of cases) {
    const { files, docSha } = makeBundle();
    const bundle = seal(files, docSha);
    const copy = Object.fromEntries([...bundle].map(([k, v]) => [k, new Uint8Array(v)]));
    change(copy);
    const r = await checkBundle(new Map(Object.entries(copy)), [verifierKey]);
    assert.equal(r.ok, false);
    assert.equal(r.file, file, r.problem);
  }
  // Changed before sealing (a forger with the key): the proofs still catch it.
  const { files, docSha } = makeBundle();
  files['events/000000000000.json'] = enc.encode(
    '{"type":"org.created","time":"2026-01-01T00:00:00.000Z","subject":{"kind":"org","id":"org_evil"},"payload":{}}',
  );
  const r = await checkBundle(seal(files, docSha), [verifierKey]);
  assert.equal(r.ok, false);
  assert.equal(r.file, 'events/000000000000.json', r.problem);
  const doc = makeBundle();
  doc.files[`documents/${doc.docSha}`] = enc.encode('another');
  const d = await checkBundle(seal(doc.files, doc.docSha), [verifierKey]);
  assert.equal(d.file, `documents/${doc.docSha}`, d.problem);
});

test('a missing or an added file, and another key', async () => {
  const { files, docSha } = makeBundle();
  const bundle = seal(files, docSha);
  const removed = new Map(bundle);
  removed.delete('proofs/000000000001.json');
  assert.equal((await checkBundle(removed, [verifierKey])).file, 'proofs/000000000001.json');
  const added = new Map(bundle);
  added.set('events/000000000007.json', enc.encode('{}'));
  assert.equal((await checkBundle(added, [verifierKey])).file, 'events/000000000007.json');
  const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const otherKey = `${origin}+${keyId.toString('hex')}+${b64(Buffer.concat([Buffer.from([1]), other]))}`;
  assert.equal((await checkBundle(bundle, [otherKey])).file, 'manifest.sig');
});

test('with an earlier checkpoint: the consistency proof is checked', async () => {
  const { files, docSha } = makeBundle();
  const leaf0 = files['events/000000000000.json'];
  const leaf1 = files['events/000000000001.json'];
  const h0 = sha([0], leaf0);
  const h1 = sha([0], leaf1);
  const root = sha([1], h0, h1);
  files['previous/checkpoint.note'] = enc.encode(signNote(`${origin}\n1\n${b64(h0)}\n`));
  const proof = (path) =>
    enc.encode(JSON.stringify({ from_size: 1, from_root: b64(h0), to_size: 2, to_root: b64(root), path }));
  files['proofs/consistency.json'] = proof([b64(h1)]);
  const withPrevious = (f) => {
    const bundle = seal(f, docSha);
    const manifest = JSON.parse(new TextDecoder().decode(bundle.get('manifest.json')));
    manifest.previous_checkpoint = { size: 1, root: b64(h0) };
    const text = enc.encode(JSON.stringify(manifest));
    bundle.set('manifest.json', text);
    bundle.set(
      'manifest.sig',
      enc.encode(signNote(`accord-evidence/1 manifest\n${origin}\nsha256 ${sha(text).toString('hex')}\n`)),
    );
    return bundle;
  };
  const ok = await checkBundle(withPrevious(files), [verifierKey]);
  assert.equal(ok.ok, true, JSON.stringify(ok));
  assert.equal(ok.facts.sinceSize, 1);
  files['proofs/consistency.json'] = proof([b64(h0)]);
  const bad = await checkBundle(withPrevious(files), [verifierKey]);
  assert.equal(bad.file, 'proofs/consistency.json', bad.problem);
});

test('a witness key requires the witness cosignature on the checkpoint', async () => {
  const name = 'witness.example/w1';
  const w = generateKeyPairSync('ed25519');
  const wKeyBytes = Buffer.concat([
    Buffer.from([4]),
    w.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32),
  ]);
  const wId = sha(enc.encode(name + '\n'), wKeyBytes).subarray(0, 4);
  const witnessKey = `${name}+${wId.toString('hex')}+${b64(wKeyBytes)}`;
  const cosign = (text, key) => {
    const time = Buffer.alloc(8);
    time.writeBigUInt64BE(1796083200n);
    const sig = sign(null, Buffer.from(`cosignature/v1\ntime 1796083200\n${text}`), key);
    return `— ${name} ${b64(Buffer.concat([wId, time, sig]))}\n`;
  };
  const withLine = (line) => {
    const { files, docSha } = makeBundle();
    const note = new TextDecoder().decode(files['checkpoint.note']);
    files['checkpoint.note'] = enc.encode(note + (line ? line(note.slice(0, note.indexOf('\n\n') + 1)) : ''));
    return seal(files, docSha);
  };
  const cosigned = await checkBundle(
    withLine((t) => cosign(t, w.privateKey)),
    [verifierKey],
    [witnessKey],
  );
  assert.equal(cosigned.ok, true, JSON.stringify(cosigned));
  const missing = await checkBundle(withLine(null), [verifierKey], [witnessKey]);
  assert.equal(missing.file, 'checkpoint.note', missing.problem);
  assert.match(missing.problem, /witness\.example\/w1/);
  const impostor = generateKeyPairSync('ed25519').privateKey;
  const forged = await checkBundle(
    withLine((t) => cosign(t, impostor)),
    [verifierKey],
    [witnessKey],
  );
  assert.equal(forged.file, 'checkpoint.note', forged.problem);
});
