// The party list as the vendor inventory: its filters as the URL keeps them, the API query
// they become, the sortable column headers, the agreement cells and the CSV download of the
// list as shown.
import type { ComponentChildren } from 'preact';
import { withQuery } from '../../api';
import type { Column } from '../../components/table';
import { saveCsv } from '../../lib/save-file';
import { Badge, DateText } from '../../ui';
import type { Party } from './model';

// The URL's filter keys (and the sort), in the order the API gets them.
export const FILTER_KEYS = ['q', 'kind', 'status', 'risk_tier', 'baa', 'sla', 'review', 'soc2', 'sort'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string> & { cursor: string };

export function filtersFrom(query: URLSearchParams): Filters {
  const f = { cursor: query.get('cursor') || '' } as Filters;
  for (const k of FILTER_KEYS) f[k] = query.get(k) || '';
  return f;
}

export const AGREEMENT_STATES = [
  { value: 'in_force', label: 'In force' },
  { value: 'expired', label: 'Expired' },
  { value: 'terminated', label: 'Terminated' },
  { value: 'unsigned', label: 'Not signed yet' },
  { value: 'none', label: 'None' },
];
export const RISK_TIERS = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];
export const REVIEW_DUE = [
  { value: 'overdue', label: 'Overdue' },
  { value: '30', label: 'Due within 30 days' },
  { value: '90', label: 'Due within 90 days' },
];
export const SOC2_AGE = [{ value: 'old', label: 'Period ended over a year ago' }];

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);

// The filters as the API's query: relative choices ("due within 30 days") become dates.
export function apiQuery(f: Filters): Record<string, string> {
  const review = f.review === 'overdue' ? isoDay(0) : /^\d+$/.test(f.review) ? isoDay(Number(f.review)) : '';
  return {
    q: f.q.trim(),
    kind: f.kind,
    status: f.status,
    risk_tier: f.risk_tier,
    baa: f.baa,
    sla: f.sla,
    next_review_before: review,
    soc2_period_end_before: f.soc2 === 'old' ? isoDay(-365) : '',
    sort: f.sort,
  };
}

export const isFiltered = (f: Filters) => FILTER_KEYS.some((k) => k !== 'sort' && f[k] !== '');

// A sortable column: a button in the header that cycles ascending → descending, and
// aria-sort on the header cell.
export function sortColumn(
  label: string,
  key: string,
  sort: string,
  onSort: (next: string | undefined) => void,
  hideNarrow = false,
): Column {
  const dir = sort === key ? 'ascending' : sort === '-' + key ? 'descending' : 'none';
  const next = dir === 'ascending' ? '-' + key : dir === 'descending' ? undefined : key;
  const what = dir === 'ascending' ? 'descending' : dir === 'descending' ? 'unsorted' : 'ascending';
  return {
    label: (
      <button type="button" class="sort-button" onClick={() => onSort(next)} title={`Sort ${what}`}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    ),
    sort: dir,
    hideNarrow,
  };
}

type Inventory = NonNullable<Party['inventory']>;
type AgreementState = Inventory['baa'];

const STATE_LABEL: Record<string, string> = Object.fromEntries(AGREEMENT_STATES.map((s) => [s.value, s.label]));
const STATE_TONE: Record<string, string> = {
  in_force: 'ok',
  expired: 'bad',
  terminated: 'bad',
  unsigned: 'warn',
  none: 'muted',
};

// A BAA or SLA: its state, and when it ends or ended.
export function AgreementCell(props: { a: AgreementState | undefined }): ComponentChildren {
  const a = props.a;
  if (!a) return <span class="muted">—</span>;
  return (
    <>
      <Badge value={a.state} tone={STATE_TONE[a.state]} label={STATE_LABEL[a.state] || a.state} />
      {a.expires_at && (
        <div class="muted small">
          {a.state === 'in_force' ? 'until ' : 'ended '}
          <DateText value={a.expires_at} />
        </div>
      )}
    </>
  );
}

// The list as shown (filters and order; every page, not only this one) as a CSV file.
export function downloadCsv(f: Filters): Promise<void> {
  return saveCsv(withQuery('/api/v1/parties', apiQuery(f)), `parties-${isoDay(0)}.csv`, 'list');
}
