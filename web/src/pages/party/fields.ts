// The party's enums and their labels, and form values → JSON bodies: pure, unit-tested.
import { humanize } from '../../format';

export const PARTY_KINDS = ['customer', 'partner', 'subcontractor', 'contracted_developer'];
export const PARTY_STATUSES = ['prospect', 'onboarding', 'active', 'offboarded'];
export const CRITICALITIES = ['low', 'medium', 'high'];
export const ACCESS_LEVELS = ['none', 'non_production', 'production'];
export const DATA_CATEGORIES: [string, string][] = [
  ['ephi', 'ePHI'],
  ['pii', 'PII'],
  ['financial', 'Financial'],
  ['credentials', 'Credentials'],
  ['confidential', 'Confidential'],
  ['public', 'Public'],
];

const ACRONYMS: Record<string, string> = {
  baa: 'BAA',
  sla: 'SLA',
  nda: 'NDA',
  msa: 'MSA',
  dpa: 'DPA',
  dev_contract: 'Development contract',
  ephi: 'ePHI',
  pii: 'PII',
  type1: 'Type I',
  type2: 'Type II',
  soc2_report: 'SOC 2 report',
};

export function label(s: string | undefined | null): string {
  if (!s) return '';
  return ACRONYMS[s] || humanize(s);
}

export function categoryList(c?: string[] | null): string {
  return (c || []).map(label).join(', ');
}

// Form values → a JSON body: empty strings are left out, "true"/"false" become booleans for
// the named fields, dates stay YYYY-MM-DD (the server accepts them).
export function bodyOf(values: Record<string, string>, opts: { bools?: string[]; skip?: string[] } = {}) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (opts.skip?.includes(k) || k.includes('.')) continue;
    if (opts.bools?.includes(k)) out[k] = v === 'true';
    else if (v !== '') out[k] = v;
  }
  return out;
}
