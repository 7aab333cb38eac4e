// An event's body in words a person reads: the comment, what changed, and the recorded
// object's fields as "Label: value" lines (dates as dates, roles and keys in words, yes/no),
// never raw JSON as the main text. Pure (no DOM), unit-tested; the raw JSON stays behind a
// disclosure on the page. The names of actors, subjects
// and parties come from the server.
import { formatDate, humanize } from '../format';
import { ROLE_NAMES, type Role } from '../roles';

export interface BodyLine {
  label: string;
  text: string;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

// Bookkeeping every object carries, and bulky machine text: not for the summary.
const SKIP = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'profile_source',
  'profile_sha256',
  'previous_sha256',
  'verifier_key',
  'history',
  'decision',
  'sha256',
  'secret',
]);

const LABELS: Record<string, string> = {
  changed: 'What changed',
  comment: 'Comment',
  text: 'Note',
  risk_tier: 'Risk tier',
  due_at: 'Due',
  expires_at: 'Expires',
  effective_at: 'In force from',
  contains_ephi: 'Holds ePHI',
  handles_ephi: 'Handles ePHI',
  data_categories: 'Data',
  mfa_enrolled: 'Two-step sign-in set up',
};

// Values whose letters matter.
const VALUE_WORDS: Record<string, string> = {
  ephi: 'ePHI',
  phi: 'PHI',
  pii: 'PII',
  baa: 'BAA',
  sla: 'SLA',
  nda: 'NDA',
  dpa: 'DPA',
  totp: 'TOTP',
};

const MAX_LINES = 12;
const MAX_TEXT = 200;

function label(key: string): string {
  return LABELS[key] ?? humanize(key.replace(/_at$/, '').replace(/_id$/, ''));
}

function isTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/.test(s);
}

function words(key: string, v: Json): string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number') return v.toLocaleString('en-GB');
  if (typeof v === 'string') {
    if (VALUE_WORDS[v]) return VALUE_WORDS[v];
    if (isTime(v)) return formatDate(v, v.length > 10);
    if (key === 'role' && v in ROLE_NAMES) return ROLE_NAMES[v as Role];
    // A key-like value (lower snake case, no spaces): in words.
    if (/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(v) && !/^[a-z]{3}_[0-9a-z]{20,}$/.test(v)) return humanize(v);
    return v.length > MAX_TEXT ? v.slice(0, MAX_TEXT - 1) + '…' : v;
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => (typeof x === 'object' && x !== null ? null : words('', x))).filter(Boolean);
    if (!parts.length) return v.length ? `${v.length} ${v.length === 1 ? 'item' : 'items'}` : null;
    return parts.join(', ');
  }
  // An actor or a person: their name; anything else nested is left to the raw JSON.
  const name = v.name ?? v.email;
  return typeof name === 'string' ? name : null;
}

function linesOf(obj: Record<string, Json>, out: BodyLine[], skip: Set<string>) {
  for (const [key, value] of Object.entries(obj)) {
    if (out.length >= MAX_LINES) return;
    if (SKIP.has(key) || skip.has(key)) continue;
    // Ids of other objects: the page names the party and the subject itself.
    if (/_id$/.test(key)) continue;
    const text = words(key, value);
    if (text !== null) out.push({ label: label(key), text });
  }
}

// The readable lines of an event's payload, at most twelve.
export function eventBody(payload: unknown): BodyLine[] {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return [];
  const p = payload as Record<string, Json>;
  const out: BodyLine[] = [];
  if (typeof p.comment === 'string' && p.comment) out.push({ label: 'Comment', text: p.comment });
  if (Array.isArray(p.changed) && p.changed.length) {
    out.push({ label: 'What changed', text: p.changed.map((c) => humanize(String(c))).join(', ') });
  }
  const skip = new Set(['comment', 'changed', 'state']);
  linesOf(p, out, skip);
  if (p.state && typeof p.state === 'object' && !Array.isArray(p.state)) {
    linesOf(p.state, out, new Set());
  }
  return out;
}
