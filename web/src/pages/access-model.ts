// What the access page reads (parties, contacts, systems, grants) and the pure helpers of its
// request form: the form's flat values ("lines[0].system_id") to the request body, and the
// server's field names in words.
import { humanize } from '../format';
import type { Values } from '../ui';
import type { components } from '../generated/openapi';

type Schemas = components['schemas'];

export type Party = Schemas['Party'];
export type Contact = Schemas['Contact'];
export type System = Schemas['System'];
export type Actor = Schemas['Actor'];
// A grant carries the gate's whole decision (GateDecision) and, once denied or revoked, the
// reason and who.
export type Grant = Schemas['Grant'];

export function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return d.toISOString().slice(0, 10);
}

export const INITIAL: Values = {
  party_id: '',
  contact_id: '',
  start_at: today(),
  end_at: today(30),
  purpose: '',
  'lines[0].system_id': '',
  'lines[0].permission': 'read',
  'lines[0].justification': '',
};

export function lineCount(v: Values) {
  let n = 0;
  for (const k of Object.keys(v)) {
    const m = k.match(/^lines\[(\d+)\]\./);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

// The request body from the form's flat values: empty fields left out, so the server says
// what is missing.
export function requestBody(v: Values) {
  const body: Record<string, unknown> = {};
  for (const k of ['party_id', 'contact_id', 'start_at', 'end_at', 'purpose']) if (v[k]) body[k] = v[k];
  const lines = [];
  for (let i = 0; i < lineCount(v); i++) {
    const line: Record<string, unknown> = {};
    for (const f of ['system_id', 'permission', 'justification']) {
      const x = v[`lines[${i}].${f}`];
      if (x) line[f] = x;
    }
    // One endpoint per line here; none: any endpoint the system declares (TP-5).
    const endpoint = v[`lines[${i}].endpoint`];
    if (endpoint) line.endpoints = [endpoint];
    lines.push(line);
  }
  body.lines = lines;
  return body;
}

export function fieldLabel(field: string): string {
  const names: Record<string, string> = {
    party_id: 'the party',
    contact_id: 'the contact',
    start_at: 'the start date',
    end_at: 'the end date',
    purpose: 'the purpose',
    lines: 'at least one system',
    system_id: 'system',
    permission: 'permission',
    justification: 'justification',
    endpoints: 'how the party connects',
  };
  const m = field.match(/^lines\[(\d+)\]\.(\w+)/);
  if (m) return `line ${Number(m[1]) + 1}: ${names[m[2]] || humanize(m[2])}`;
  return names[field] || humanize(field);
}
