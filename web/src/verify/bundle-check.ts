// The evidence bundle's checks in the browser (docs/ledger.md, "The evidence bundle"): the
// same steps as `accord evidence verify`, in the same order, naming the first file that fails.
// Pure functions over the unzipped files, so Node runs them too.
import { fromBase64, hashLeaf, toBase64, toHex, verifyConsistency, verifyInclusion } from '../lib/merkle';
import { checkCosignature, checkNote } from '../pages/ledger-note';

export const FORMAT = 'accord-evidence/1';

export interface BundleFacts {
  origin: string;
  checkpointSize: number;
  checkpointRoot: string;
  exportedAt: string;
  events: { index: number; type: string; subject: string; recordedAt: string; effectiveAt?: string }[];
  documents: { sha256: string; filename: string; recordedAt: string; effectiveAt?: string }[];
  files: number;
  sinceSize?: number;
}

export type BundleResult = { ok: true; facts: BundleFacts } | { ok: false; file: string; problem: string };

class Broken extends Error {
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.problem = problem;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function pad(index: number): string {
  return String(index).padStart(12, '0');
}
export const eventPath = (i: number) => `events/${pad(i)}.json`;
export const proofPath = (i: number) => `proofs/${pad(i)}.json`;
export const documentPath = (sha: string) => `documents/${sha}`;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

type Json = Record<string, unknown>;

function parseObject(file: string, bytes: Uint8Array): Json {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new Broken(file, 'is not a JSON object');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Broken(file, 'is not a JSON object');
  return v as Json;
}

function str(file: string, o: Json, key: string, optional = false): string {
  const v = o[key];
  if (v === undefined && optional) return '';
  if (typeof v !== 'string') throw new Broken(file, `"${key}" is not a string`);
  return v;
}
function num(file: string, o: Json, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Broken(file, `"${key}" is not a count`);
  return v;
}
function arr(file: string, o: Json, key: string, optional = false): unknown[] {
  const v = o[key];
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) throw new Broken(file, `"${key}" is not a list`);
  return v;
}
function obj(file: string, v: unknown, what: string): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Broken(file, `${what} is not an object`);
  return v as Json;
}

// The signed note's text when a signature by one of `keys` verifies.
async function openNote(file: string, note: string, keys: string[], what: string): Promise<string> {
  const r = await checkNote(note, keys);
  if (r.state !== 'verified') throw new Broken(file, `${what} (${r.detail})`);
  return note.slice(0, note.indexOf('\n\n') + 1);
}

interface Checkpoint {
  origin: string;
  size: number;
  root: string;
}

function parseCheckpoint(file: string, text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || !/^(0|[1-9][0-9]*)$/.test(lines[1]) || lines[0] === '') {
    throw new Broken(file, 'not a checkpoint');
  }
  let root: Uint8Array;
  try {
    root = fromBase64(lines[2]);
  } catch {
    throw new Broken(file, 'not a checkpoint: the root is not base64');
  }
  if (root.length !== 32) throw new Broken(file, 'not a checkpoint: the root is not a hash');
  return { origin: lines[0], size: Number(lines[1]), root: lines[2] };
}

async function checkpointNote(
  file: string,
  note: string,
  logKeys: string[],
  witnessKeys: string[],
): Promise<Checkpoint> {
  const text = await openNote(file, note, logKeys, 'its signature does not verify with the given key');
  // Every named witness must have cosigned this very note (c2sp.org/tlog-cosignature).
  for (const w of witnessKeys) {
    const r = await checkCosignature(note, w);
    if (!r.ok) throw new Broken(file, `the witness "${w.split('+')[0]}" did not cosign it (${r.detail})`);
  }
  return parseCheckpoint(file, text);
}

interface Facts {
  type: string;
  subject: string;
  kind: string;
  time: string;
  parties: string[];
  documentSha: string;
}

function eventFacts(e: Json): Facts {
  const s = (o: unknown, k: string) =>
    o && typeof o === 'object' && typeof (o as Json)[k] === 'string' ? ((o as Json)[k] as string) : '';
  const subject = e.subject as Json | undefined;
  const payload = e.payload as Json | undefined;
  const state = payload && typeof payload === 'object' ? (payload.state as Json | undefined) : undefined;
  const kind = s(subject, 'kind');
  const f: Facts = {
    type: s(e, 'type'),
    time: s(e, 'time'),
    kind,
    subject: subject && typeof subject === 'object' ? `${kind}/${s(subject, 'id')}` : '',
    parties: [],
    documentSha: '',
  };
  if (kind === 'party') f.parties.push(s(subject, 'id'));
  if (s(payload, 'party_id')) f.parties.push(s(payload, 'party_id'));
  if (s(state, 'party_id')) f.parties.push(s(state, 'party_id'));
  if (f.type === 'document.uploaded') f.documentSha = s(state, 'sha256');
  return f;
}

function matches(f: Facts, from: string, until: string, parties: string[], kinds: string[]): boolean {
  if (from && f.time < from) return false;
  if (until && f.time >= until) return false;
  if (kinds.length && !kinds.includes(f.kind)) return false;
  if (parties.length && !f.parties.some((p) => parties.includes(p))) return false;
  return true;
}

// `files`: every entry of the zip by name. `logKeys`: the verifier keys the auditor trusts.
export async function checkBundle(
  files: Map<string, Uint8Array>,
  logKeys: string[],
  witnessKeys: string[] = [],
  onProgress?: (done: number, total: number) => void,
): Promise<BundleResult> {
  try {
    return { ok: true, facts: await check(files, logKeys, witnessKeys, onProgress) };
  } catch (e) {
    if (e instanceof Broken) return { ok: false, file: e.file, problem: e.problem };
    throw e;
  }
}

async function check(
  files: Map<string, Uint8Array>,
  logKeys: string[],
  witnessKeys: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<BundleFacts> {
  const text = (p: string) => decoder.decode(files.get(p));
  // 1. The manifest, signed by the log's key.
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new Broken('manifest.json', 'missing: this is not an evidence bundle');
  if (!files.has('manifest.sig')) throw new Broken('manifest.sig', 'missing');
  const statement = await openNote(
    'manifest.sig',
    text('manifest.sig'),
    logKeys,
    'not signed by the given key: a bundle of another log, or altered',
  );
  const manifest = parseObject('manifest.json', manifestBytes);
  const M = 'manifest.json';
  const origin = str(M, manifest, 'origin');
  const exportedAt = str(M, manifest, 'exported_at');
  const format = str(M, manifest, 'format');
  if (statement !== `${FORMAT} manifest\n${origin}\nsha256 ${await sha256Hex(manifestBytes)}\n`) {
    throw new Broken(M, 'changed after it was signed (manifest.sig names another SHA-256)');
  }
  if (format !== FORMAT) throw new Broken(M, `format "${format}" is not ${FORMAT}`);

  // 2. Every file, as the manifest lists it; nothing added, nothing missing.
  const listed = new Set<string>();
  for (const v of arr(M, manifest, 'files')) {
    const f = obj(M, v, 'a file entry');
    const path = str(M, f, 'path');
    const bytes = files.get(path);
    if (!bytes) throw new Broken(path, 'missing (the manifest lists it)');
    if (bytes.length !== num(M, f, 'size')) throw new Broken(path, "its size differs from the manifest's");
    if ((await sha256Hex(bytes)) !== str(M, f, 'sha256'))
      throw new Broken(path, "its SHA-256 differs from the manifest's");
    listed.add(path);
  }
  for (const path of files.keys()) {
    if (path !== M && path !== 'manifest.sig' && !listed.has(path)) {
      throw new Broken(path, 'not listed in the manifest (added to the bundle)');
    }
  }

  // 3. The checkpoint the proofs lead to.
  if (!files.has('checkpoint.note')) throw new Broken('checkpoint.note', 'missing');
  const cp = await checkpointNote('checkpoint.note', text('checkpoint.note'), logKeys, witnessKeys);
  const mcp = obj(M, manifest.checkpoint, '"checkpoint"');
  if (cp.origin !== origin) {
    throw new Broken('checkpoint.note', `is of the log "${cp.origin}", the manifest's is "${origin}"`);
  }
  if (cp.size !== num(M, mcp, 'size') || cp.root !== str(M, mcp, 'root')) {
    throw new Broken('checkpoint.note', 'is not the checkpoint the manifest names');
  }

  // 4. Events, their proofs and their documents.
  const sel = obj(M, manifest.selection, '"selection"');
  const from = str(M, sel, 'from', true);
  const until = str(M, sel, 'until', true);
  const parties = arr(M, sel, 'parties', true) as string[];
  const kinds = arr(M, sel, 'kinds', true) as string[];
  const accounted = new Set<string>();
  const docOfEvent = new Map<number, string>();
  const events: BundleFacts['events'] = [];
  const items = arr(M, manifest, 'events');
  let done = 0;
  for (const v of items) {
    const item = obj(M, v, 'an event entry');
    const index = num(M, item, 'index');
    const ep = eventPath(index);
    const pp = proofPath(index);
    const leaf = files.get(ep);
    if (!leaf) throw new Broken(ep, 'missing (the manifest lists it)');
    const proofBytes = files.get(pp);
    if (!proofBytes) throw new Broken(pp, 'missing (the manifest lists it)');
    accounted.add(ep);
    accounted.add(pp);
    const proof = parseObject(pp, proofBytes);
    if (num(pp, proof, 'index') !== index) throw new Broken(pp, 'proves another entry');
    const treeSize = num(pp, proof, 'tree_size');
    if (treeSize !== cp.size) throw new Broken(pp, `is for tree size ${treeSize}, the checkpoint's is ${cp.size}`);
    const leafHash = await hashLeaf(leaf);
    if (toBase64(leafHash) !== str(pp, proof, 'leaf_hash')) {
      throw new Broken(ep, 'its hash is not the one its inclusion proof proves');
    }
    const verdict = await verifyInclusion(index, cp.size, leafHash, arr(pp, proof, 'path') as string[], cp.root);
    if (!verdict.ok) {
      throw new Broken(pp, `the inclusion proof does not lead to the checkpoint's root (${verdict.reason})`);
    }
    const f = eventFacts(parseObject(ep, leaf));
    if (
      str(M, item, 'type') !== f.type ||
      str(M, item, 'subject') !== f.subject ||
      str(M, item, 'recorded_at') !== f.time ||
      str(M, item, 'path') !== ep ||
      str(M, item, 'proof') !== pp
    ) {
      throw new Broken(M, `its entry for event ${index} does not describe ${ep}`);
    }
    if (!matches(f, from, until, parties, kinds)) throw new Broken(ep, 'is outside the selection the manifest states');
    if (f.documentSha) docOfEvent.set(index, f.documentSha);
    events.push({
      index,
      type: f.type,
      subject: f.subject,
      recordedAt: f.time,
      effectiveAt: str(M, item, 'effective_at', true) || undefined,
    });
    if (onProgress && ++done % 500 === 0) onProgress(done, items.length);
  }
  const shas = new Set<string>();
  for (const [index, sha] of [...docOfEvent.entries()].sort((a, b) => a[0] - b[0])) {
    const path = documentPath(sha);
    const bytes = files.get(path);
    if (!bytes) throw new Broken(path, `missing (event ${index} references it)`);
    if ((await sha256Hex(bytes)) !== sha)
      throw new Broken(path, 'its content does not have the SHA-256 it is named by');
    accounted.add(path);
    shas.add(sha);
  }
  const documents: BundleFacts['documents'] = [];
  for (const v of arr(M, manifest, 'documents')) {
    const d = obj(M, v, 'a document entry');
    const index = num(M, d, 'event_index');
    const sha = str(M, d, 'sha256');
    if (docOfEvent.get(index) !== sha) {
      throw new Broken(M, `its document ${sha} is not the one event ${index} uploaded`);
    }
    documents.push({
      sha256: sha,
      filename: str(M, d, 'filename', true),
      recordedAt: str(M, d, 'recorded_at', true),
      effectiveAt: str(M, d, 'effective_at', true) || undefined,
    });
  }
  for (const path of [...files.keys()].sort()) {
    const evidence =
      path.startsWith('events/') ||
      path.startsWith('documents/') ||
      (path.startsWith('proofs/') && path !== 'proofs/consistency.json');
    if (evidence && !accounted.has(path)) throw new Broken(path, "is not one of the manifest's events or documents");
  }

  // 5. The consistency proof from an earlier bundle's checkpoint.
  const prev = manifest.previous_checkpoint;
  const hasPrevNote = files.has('previous/checkpoint.note');
  const hasConsistency = files.has('proofs/consistency.json');
  if ((prev !== undefined) !== hasPrevNote || hasPrevNote !== hasConsistency) {
    throw new Broken(
      hasPrevNote ? 'proofs/consistency.json' : 'previous/checkpoint.note',
      'the earlier checkpoint, its proof and the manifest do not agree on whether there is one',
    );
  }
  let sinceSize: number | undefined;
  if (hasPrevNote) {
    const P = 'previous/checkpoint.note';
    const C = 'proofs/consistency.json';
    const pcp = await checkpointNote(P, text(P), logKeys, []);
    if (pcp.origin !== cp.origin) throw new Broken(P, 'is of another log');
    const p = obj(M, prev, '"previous_checkpoint"');
    if (num(M, p, 'size') !== pcp.size || str(M, p, 'root') !== pcp.root) {
      throw new Broken(M, 'its previous_checkpoint is not previous/checkpoint.note');
    }
    const proof = parseObject(C, files.get(C)!);
    if (
      num(C, proof, 'from_size') !== pcp.size ||
      num(C, proof, 'to_size') !== cp.size ||
      str(C, proof, 'from_root') !== pcp.root ||
      str(C, proof, 'to_root') !== cp.root
    ) {
      throw new Broken(C, 'is not between the two checkpoints');
    }
    const verdict = await verifyConsistency(pcp.size, cp.size, arr(C, proof, 'path') as string[], pcp.root, cp.root);
    if (!verdict.ok) {
      throw new Broken(C, `the log was not only appended to since the earlier checkpoint (${verdict.reason})`);
    }
    sinceSize = pcp.size;
  }
  return {
    origin,
    checkpointSize: cp.size,
    checkpointRoot: cp.root,
    exportedAt,
    events,
    documents,
    files: files.size,
    sinceSize,
  };
}
