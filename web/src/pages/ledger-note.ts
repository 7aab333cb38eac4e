// The checkpoint is a C2SP signed note (docs/ledger.md): the text, a blank line, then
// "— <key name> <base64(4-byte key hash ‖ 64-byte Ed25519 signature)>" lines. The verifier
// keys are "<name>+<8 hex key id>+<base64(0x01 ‖ 32-byte public key)>" (GET /ledger/keys).
// The browser checks the signature itself with WebCrypto Ed25519 where it has it.
import { fromBase64, toHex } from '../lib/merkle';

export interface NoteCheck {
  // 'verified' | 'bad' (a signature by a known key that fails) | 'unknown-key' | 'unsupported' | 'malformed'
  state: 'verified' | 'bad' | 'unknown-key' | 'unsupported' | 'malformed';
  keyName?: string;
  keyId?: string;
  detail: string;
}

interface ParsedKey {
  name: string;
  id: string; // 8 hex
  pub: Uint8Array; // 32 bytes
}

export function parseVerifierKey(vkey: string): ParsedKey | null {
  // The base64 key may itself contain '+': split at the first two only.
  const a = vkey.indexOf('+');
  const b = a < 0 ? -1 : vkey.indexOf('+', a + 1);
  if (a < 0 || b < 0) return null;
  const name = vkey.slice(0, a);
  const id = vkey.slice(a + 1, b);
  const b64 = vkey.slice(b + 1);
  let raw: Uint8Array;
  try {
    raw = fromBase64(b64);
  } catch {
    return null;
  }
  if (raw.length !== 33 || raw[0] !== 1 || !/^[0-9a-f]{8}$/.test(id)) return null;
  return { name, id, pub: raw.slice(1) };
}

export async function checkNote(note: string, verifierKeys: string[]): Promise<NoteCheck> {
  const split = note.indexOf('\n\n');
  if (split < 0) return { state: 'malformed', detail: 'the note has no signature block' };
  const text = note.slice(0, split + 1);
  const sigLines = note
    .slice(split + 2)
    .split('\n')
    .filter((l) => l.startsWith('— '));
  if (!sigLines.length) return { state: 'malformed', detail: 'the note has no signature line' };
  const keys = verifierKeys.map(parseVerifierKey).filter((k): k is ParsedKey => !!k);
  const message = new TextEncoder().encode(text);
  let sawKnown = false;
  for (const line of sigLines) {
    const [, name, b64] = line.split(' ');
    let sig: Uint8Array;
    try {
      sig = fromBase64(b64 || '');
    } catch {
      continue;
    }
    if (sig.length !== 68) continue;
    const id = toHex(sig.slice(0, 4));
    const key = keys.find((k) => k.name === name && k.id === id);
    if (!key) continue;
    sawKnown = true;
    let ok: boolean;
    try {
      const k = await crypto.subtle.importKey('raw', key.pub as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      ok = await crypto.subtle.verify({ name: 'Ed25519' }, k, sig.slice(4) as BufferSource, message as BufferSource);
    } catch {
      return {
        state: 'unsupported',
        keyName: name,
        keyId: id,
        detail:
          'this browser cannot check Ed25519 signatures; run `accord ledger verify` or any C2SP signed-note verifier',
      };
    }
    if (ok) return { state: 'verified', keyName: name, keyId: id, detail: `signed by key ${id}` };
    return {
      state: 'bad',
      keyName: name,
      keyId: id,
      detail: `the signature by key ${id} does not match the note text`,
    };
  }
  return sawKnown
    ? { state: 'bad', detail: 'no signature matches' }
    : { state: 'unknown-key', detail: 'no signature is by a key recorded in the ledger' };
}

// A witness's cosignature (C2SP tlog-cosignature, cosignature/v1) on the same note: a line
// "— <witness name> base64(4-byte key id ‖ 8-byte big-endian time ‖ 64-byte Ed25519 signature)"
// over "cosignature/v1\ntime <seconds>\n" + the note text. The witness key is
// "<name>+<8 hex key id>+base64(0x04 ‖ 32-byte public key)" (`accord witness --print-key`).
export async function checkCosignature(note: string, witnessKey: string): Promise<{ ok: boolean; detail: string }> {
  const a = witnessKey.indexOf('+');
  const b = a < 0 ? -1 : witnessKey.indexOf('+', a + 1);
  let raw: Uint8Array | null = null;
  try {
    raw = a < 0 || b < 0 ? null : fromBase64(witnessKey.slice(b + 1));
  } catch {
    raw = null;
  }
  const name = a < 0 ? '' : witnessKey.slice(0, a);
  const id = b < 0 ? '' : witnessKey.slice(a + 1, b);
  if (!raw || raw.length !== 33 || raw[0] !== 4 || !/^[0-9a-f]{8}$/.test(id)) {
    return { ok: false, detail: 'not a witness key (name+id+key)' };
  }
  const split = note.indexOf('\n\n');
  if (split < 0) return { ok: false, detail: 'the note has no signature block' };
  const text = note.slice(0, split + 1);
  const lines = note
    .slice(split + 2)
    .split('\n')
    .filter((l) => l.startsWith(`— ${name} `));
  for (const line of lines) {
    let sig: Uint8Array;
    try {
      sig = fromBase64(line.slice(`— ${name} `.length));
    } catch {
      continue;
    }
    if (sig.length !== 76 || toHex(sig.slice(0, 4)) !== id) continue;
    let time = 0n;
    for (const byte of sig.slice(4, 12)) time = (time << 8n) | BigInt(byte);
    const message = new TextEncoder().encode(`cosignature/v1\ntime ${time}\n${text}`);
    try {
      const k = await crypto.subtle.importKey('raw', raw.slice(1) as BufferSource, { name: 'Ed25519' }, false, [
        'verify',
      ]);
      const ok = await crypto.subtle.verify(
        { name: 'Ed25519' },
        k,
        sig.slice(12) as BufferSource,
        message as BufferSource,
      );
      return ok
        ? { ok: true, detail: `cosigned by ${name}` }
        : { ok: false, detail: `the cosignature by ${name} does not match the note` };
    } catch {
      return { ok: false, detail: 'this browser cannot check Ed25519 signatures' };
    }
  }
  return { ok: false, detail: `no cosignature by ${name}` };
}
