// src/pages/ledger-note.ts: the checkpoint's C2SP signed note checked in the browser, on a
// real note from `accord serve --demo` whose verifier key's base64 contains '+'.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNote, parseVerifierKey } from '../../src/pages/ledger-note.ts';

const origin = 'accord/org_01m95cjhm8k7zma3ny5f99cj8a';
const note =
  `${origin}\n206\nemwqb38FNywFzeOcLdOG6OAZ4ECrP84KJ/g/hFka5bQ=\n\n` +
  `— ${origin} bgikrwFG36fQf8arCCb6gBsPKwN8qbgBled6rDnYYvwWv6pTOhDJisVwCbPcAUXpHjtJRi3grSu8R/lGH9lU0cC7Agc=\n`;
const key = `${origin}+6e08a4af+AQcPjSf2SLdx8iFnsatgh1toxe3xad+69cL1iihX9vcC`;

test('the verifier key: name, key id and the 32-byte Ed25519 key', () => {
  const k = parseVerifierKey(key);
  assert.equal(k.name, origin);
  assert.equal(k.id, '6e08a4af');
  assert.equal(k.pub.length, 32);
  assert.equal(parseVerifierKey(`${origin}+6e08a4af`), null, 'no key part');
  assert.equal(parseVerifierKey(`${origin}+XYZ+AQcPjSf2SLdx8iFnsatgh1toxe3xad+69cL1iihX9vcC`), null, 'a bad key id');
  assert.equal(
    parseVerifierKey(`${origin}+6e08a4af+AgcPjSf2SLdx8iFnsatgh1toxe3xad+69cL1iihX9vcC`),
    null,
    'not Ed25519 (0x01)',
  );
});

test('a real signed note verifies with its key', async () => {
  const r = await checkNote(note, [key]);
  assert.deepEqual(r, { state: 'verified', keyName: origin, keyId: '6e08a4af', detail: 'signed by key 6e08a4af' });
});

test('a changed note does not verify', async () => {
  const r = await checkNote(note.replace('\n206\n', '\n207\n'), [key]);
  assert.equal(r.state, 'bad');
  assert.equal(r.detail, 'the signature by key 6e08a4af does not match the note text');
});

test('a signature by a key the ledger does not know is reported as such', async () => {
  assert.equal((await checkNote(note, [])).state, 'unknown-key');
});

test('a note without a signature block is malformed', async () => {
  assert.deepEqual(await checkNote(`${origin}\n206\nroot\n`, [key]), {
    state: 'malformed',
    detail: 'the note has no signature block',
  });
  assert.equal((await checkNote(`${origin}\n206\nroot\n\nno dash here\n`, [key])).state, 'malformed');
});
