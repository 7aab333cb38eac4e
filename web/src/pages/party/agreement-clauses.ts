// Agreement types, the moves between their statuses, and the BAA clauses and SLA sections an
// agreement must confirm before it is executed, with their form values ("baa.safeguards").
import type { Agreement, Clauses } from './model';

export const AGREEMENT_TYPES = ['baa', 'sla', 'nda', 'dev_contract', 'msa', 'dpa'];
export const AGREEMENT_NEXT: Record<string, string[]> = {
  draft: ['sent', 'executed', 'terminated'],
  sent: ['executed', 'draft', 'terminated'],
  executed: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};
export const BAA_CLAUSES: [string, string][] = [
  ['safeguards', 'Safeguards: the business associate implements safeguards for ePHI (164.314(a)(2)(i)(A))'],
  ['subcontractor_flow_down', 'Subcontractors agree to the same restrictions (164.314(a)(2)(i)(B))'],
  ['incident_reporting', 'Security incidents and breaches are reported to us (164.314(a)(2)(i)(C))'],
];
export const SLA_SECTIONS: [string, string][] = [
  ['liability', 'Liability'],
  ['service_definitions', 'Service definitions'],
  ['security_controls', 'Security controls'],
  ['service_management', 'Service management'],
];

export function clauseValues(a: Agreement | null): Record<string, string> {
  const b: Clauses = a?.baa || {};
  const s: Clauses = a?.sla || {};
  const out: Record<string, string> = {};
  for (const [k] of BAA_CLAUSES) out[`baa.${k}`] = b[k] ? 'true' : 'false';
  out['baa.responsibilities'] = a?.baa?.responsibilities || '';
  for (const [k] of SLA_SECTIONS) out[`sla.${k}`] = s[k] ? 'true' : 'false';
  return out;
}

export function clauseBody(
  type: string,
  v: Record<string, string>,
  current?: Agreement,
): { baa: Clauses } | { sla: Clauses } | undefined {
  if (type === 'baa') {
    const baa: Clauses = { ...(current?.baa || {}) };
    for (const [k] of BAA_CLAUSES) baa[k] = v[`baa.${k}`] === 'true';
    if (v['baa.responsibilities'].trim()) baa.responsibilities = v['baa.responsibilities'];
    else delete baa.responsibilities;
    return { baa };
  }
  if (type === 'sla') {
    const sla: Clauses = { ...(current?.sla || {}) };
    for (const [k] of SLA_SECTIONS) sla[k] = v[`sla.${k}`] === 'true';
    return { sla };
  }
  return undefined;
}
