// RFC 6962 / RFC 9162 Merkle tree proofs, verified in the browser with WebCrypto SHA-256, so
// an auditor does not have to trust the server's own "verified". Pure functions (no DOM, no
// imports): the same file runs in Node (tests/merkle.test.mjs) against the transparency-dev
// vectors. Hashes travel as base64, as in docs/ledger.md and the vectors.
//
//   leaf hash  SHA-256(0x00 ‖ leaf bytes)
//   node hash  SHA-256(0x01 ‖ left ‖ right)

export const HASH_SIZE = 32;

// ---- base64 ----

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return btoa(s);
}

export function toHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += b[i].toString(16).padStart(2, '0');
  return s;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

function safeBase64(s: string): Uint8Array | null {
  try {
    return fromBase64(s);
  } catch {
    return null;
  }
}

// ---- hashing ----

async function sha256(parts: Uint8Array[]): Promise<Uint8Array> {
  let n = 0;
  for (const p of parts) n += p.length;
  const buf = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    buf.set(p, o);
    o += p.length;
  }
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', buf));
}

const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);

export function hashLeaf(leaf: Uint8Array): Promise<Uint8Array> {
  return sha256([LEAF_PREFIX, leaf]);
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256([NODE_PREFIX, left, right]);
}

export function hashEmpty(): Promise<Uint8Array> {
  return sha256([]);
}

// The root of the tree over `leaves` (RFC 6962 section 2.1, MTH): for tests and small trees.
export async function rootOfLeaves(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 0) return hashEmpty();
  if (leaves.length === 1) return hashLeaf(leaves[0]);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return hashChildren(await rootOfLeaves(leaves.slice(0, k)), await rootOfLeaves(leaves.slice(k)));
}

// ---- inclusion (RFC 9162 section 2.1.3.2) ----

export interface Verdict {
  ok: boolean;
  // Why it failed, in words; empty when ok.
  reason: string;
  // The root the proof leads to (when it could be computed), base64.
  computedRoot?: string;
}

function fail(reason: string, computed?: Uint8Array): Verdict {
  return { ok: false, reason, computedRoot: computed ? toBase64(computed) : undefined };
}

function decodeHashes(list: string[] | null | undefined): Uint8Array[] | string {
  const out: Uint8Array[] = [];
  for (const [i, h] of (list || []).entries()) {
    let b: Uint8Array;
    try {
      b = fromBase64(h);
    } catch {
      return `proof[${i}] is not base64`;
    }
    if (b.length !== HASH_SIZE) return `proof[${i}] is ${b.length} bytes, not ${HASH_SIZE}`;
    out.push(b);
  }
  return out;
}

function decodeHash(h: string | Uint8Array, what: string): Uint8Array | string {
  let b: Uint8Array;
  if (typeof h === 'string') {
    try {
      b = fromBase64(h);
    } catch {
      return `the ${what} is not base64`;
    }
  } else b = h;
  if (b.length !== HASH_SIZE) return `the ${what} is ${b.length} bytes, not ${HASH_SIZE}`;
  return b;
}

// Verifies that the leaf with hash `leafHash` sits at `index` in the tree of `size` leaves
// whose root is `root`, following RFC 9162 section 2.1.3.2 step by step.
export async function verifyInclusion(
  index: number | bigint,
  size: number | bigint,
  leafHash: string | Uint8Array,
  proof: string[] | null | undefined,
  root: string | Uint8Array,
): Promise<Verdict> {
  const leafIndex = BigInt(index);
  const treeSize = BigInt(size);
  if (leafIndex < 0n || treeSize < 0n) return fail('negative index or size');
  // 1. leaf_index must be below tree_size.
  if (leafIndex >= treeSize) return fail(`index ${leafIndex} is not below the tree size ${treeSize}`);
  const leaf = decodeHash(leafHash, 'leaf hash');
  if (typeof leaf === 'string') return fail(leaf);
  const want = decodeHash(root, 'root hash');
  if (typeof want === 'string') return fail(want);
  const path = decodeHashes(proof);
  if (typeof path === 'string') return fail(path);
  // 2. fn = leaf_index, sn = tree_size - 1.
  let fn = leafIndex;
  let sn = treeSize - 1n;
  // 3. r = hash.
  let r = leaf;
  // 4. for each p in inclusion_path:
  for (const p of path) {
    // a. if sn is 0, stop and fail.
    if (sn === 0n) return fail('the proof is longer than the path to the root');
    // b. if LSB(fn) is set, or fn equals sn:
    if ((fn & 1n) === 1n || fn === sn) {
      r = await hashChildren(p, r);
      // until LSB(fn) is set or fn is 0: shift fn and sn right.
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await hashChildren(r, p);
    }
    // c. shift fn and sn right by one.
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5. sn must be 0 and r must equal the root.
  if (sn !== 0n) return fail('the proof is shorter than the path to the root', r);
  if (!equalBytes(r, want)) return fail('the computed root differs from the expected root', r);
  return { ok: true, reason: '', computedRoot: toBase64(r) };
}

// ---- consistency (RFC 9162 section 2.1.4.2) ----

function bitLength(x: bigint): number {
  let n = 0;
  while (x > 0n) {
    x >>= 1n;
    n++;
  }
  return n;
}

function popCount(x: bigint): number {
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

function trailingZeros(x: bigint): number {
  if (x === 0n) return 64;
  let n = 0;
  while ((x & 1n) === 0n) {
    x >>= 1n;
    n++;
  }
  return n;
}

// Verifies that the tree of `size1` leaves with root `root1` is a prefix of the tree of
// `size2` leaves with root `root2` (the history was only appended to).
export async function verifyConsistency(
  size1: number | bigint,
  size2: number | bigint,
  proof: string[] | null | undefined,
  root1: string | Uint8Array,
  root2: string | Uint8Array,
): Promise<Verdict> {
  const m = BigInt(size1);
  const n = BigInt(size2);
  const path = decodeHashes(proof);
  if (typeof path === 'string') return fail(path);
  if (n < m) return fail(`size2 ${n} is below size1 ${m}`);
  // Consistency with the empty tree proves nothing (RFC 9162 2.1.4.1: 0 < first).
  if (m === 0n) return fail('a consistency check from the empty tree proves nothing');
  if (m === n) {
    // Same tree: no proof, the same root.
    if (path.length > 0) return fail('equal sizes need an empty proof');
    const a = typeof root1 === 'string' ? safeBase64(root1) : root1;
    const b = typeof root2 === 'string' ? safeBase64(root2) : root2;
    if (!a || !b) return fail('a root is not base64');
    return equalBytes(a, b)
      ? { ok: true, reason: '', computedRoot: toBase64(b) }
      : fail('equal sizes but different roots');
  }
  if (path.length === 0) return fail('the proof is empty');
  const r1 = decodeHash(root1, 'first root');
  if (typeof r1 === 'string') return fail(r1);
  const r2 = decodeHash(root2, 'second root');
  if (typeof r2 === 'string') return fail(r2);

  // The proof is a suffix of the inclusion proof of leaf size1-1 in the tree of size2,
  // starting at the level of the largest complete subtree size1 ends with.
  let inner = bitLength((m - 1n) ^ (n - 1n));
  const border = popCount((m - 1n) >> BigInt(inner));
  const shift = trailingZeros(m);
  inner -= shift;
  let seed = path[0];
  let start = 1;
  if (m === 1n << BigInt(shift)) {
    seed = r1;
    start = 0;
  }
  if (path.length !== start + inner + border) {
    return fail(`the proof has ${path.length} hashes, ${start + inner + border} expected`);
  }
  const rest = path.slice(start);
  const mask = (m - 1n) >> BigInt(shift);

  let h1 = seed;
  let h2 = seed;
  for (let i = 0; i < inner; i++) {
    const bit = (mask >> BigInt(i)) & 1n;
    if (bit === 1n) {
      h1 = await hashChildren(rest[i], h1);
      h2 = await hashChildren(rest[i], h2);
    } else {
      h2 = await hashChildren(h2, rest[i]);
    }
  }
  for (let i = inner; i < rest.length; i++) {
    h1 = await hashChildren(rest[i], h1);
    h2 = await hashChildren(rest[i], h2);
  }
  if (!equalBytes(h1, r1)) return fail('the proof does not lead to the first root', h1);
  if (!equalBytes(h2, r2)) return fail('the proof does not lead to the second root', h2);
  return { ok: true, reason: '', computedRoot: toBase64(h2) };
}
