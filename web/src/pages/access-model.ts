// What the access page reads (parties, contacts, systems, grants) and the pure helpers of its
// request form: the form's flat values ("lines[0].system_id") to the request body, and the
// server's field names in words.
import { humanize } from '../format';
import type { Values } from '../ui';
import type { Decision } from './access-gate';

// TODO(schema): docs/openapi.json has only {"type": "object"} for parties, contacts, systems and grants.
export interface Party {
  id: string;
  name: string;
  kind: string;
  status: string;
}
export interface Contact {
  id: string;
  name: string;
  email?: string;
  role?: string;
  primary?: boolean;
}
export interface System {
  id: string;
  name: string;
  environment: string;
  contains_ephi: boolean;
}
export interface Actor {
  id: string;
  role: string;
}
export interface GrantLine {
  system_id: string;
  system_name?: string;
  permission: string;
  justification?: string;
  environment?: string;
  contains_ephi?: boolean;
}
export interface Grant {
  id: string;
  party_id: string;
  contact_id: string;
  start_at: string;
  end_at: string;
  purpose?: string;
  lines: GrantLine[];
  status: string;
  effective_status?: string;
  decision: Decision;
  decision_outcome?: string;
  decided_by?: string;
  requested_by?: Actor;
  approved_by?: Actor;
  approval_comment?: string;
  created_at: string;
  [k: string]: unknown;
}

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
    const line: Record<string, string> = {};
    for (const f of ['system_id', 'permission', 'justification']) {
      const x = v[`lines[${i}].${f}`];
      if (x) line[f] = x;
    }
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
  };
  const m = field.match(/^lines\[(\d+)\]\.(\w+)$/);
  if (m) return `line ${Number(m[1]) + 1}: ${names[m[2]] || humanize(m[2])}`;
  return names[field] || humanize(field);
}
