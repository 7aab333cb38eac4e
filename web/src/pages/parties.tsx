// The third-party registry as the vendor inventory: search, filters, the sort and cursor pages
// kept in the URL, one request per page (fast at 100,000 parties), each party's BAA, SLA, SOC 2
// period and reviews, the list as CSV, and, for officers, "New party".
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { post, request, type ListPage } from '../api';
import { secondary, Table } from '../components/table';
import { CancelButton } from '../components/reveal';
import { FilterSelect } from '../components/filter-select';
import { Link, navigate, setQuery, useLocation } from '../router';
import { isOfficer, useSession } from '../session';
import {
  Alert,
  Badge,
  CheckboxField,
  DateText,
  Empty,
  Form,
  Page,
  Section,
  SelectField,
  TextField,
  useForm,
  useLoad,
} from '../ui';
import {
  ACCESS_LEVELS,
  bodyOf,
  CheckGroup,
  CRITICALITIES,
  DATA_CATEGORIES,
  label,
  PARTY_KINDS,
  PARTY_STATUSES,
  RiskBadge,
  type Party,
} from './party/common';
import {
  AGREEMENT_STATES,
  AgreementCell,
  apiQuery,
  downloadCsv,
  filtersFrom,
  isFiltered,
  REVIEW_DUE,
  RISK_TIERS,
  SOC2_AGE,
  sortColumn,
  type Filters,
} from './party/inventory';
import './party/party.css';

export const PAGE_SIZE = 50;

// ---- the first page, fast ----
// The list request starts while the page renders (not after the first paint, as useLoad's
// effect would), and on a full load of /app/parties it starts when this module loads, in
// parallel with the session check, instead of after it. One request per page either way.

function listQuery(f: Filters) {
  return { ...apiQuery(f), cursor: f.cursor, limit: PAGE_SIZE };
}

// quiet401 for the prefetch only: it may run before the session is known, and the app's own
// session check decides whether the person is signed in.
function fetchList(f: Filters, signal: AbortSignal, quiet401 = false) {
  return request<ListPage<Party>>('GET', '/api/v1/parties', undefined, { query: listQuery(f), signal, quiet401 });
}

interface Started {
  key: string;
  at: number;
  ctl: AbortController;
  promise: Promise<ListPage<Party>>;
}

function start(key: string, f: Filters, quiet401 = false): Started {
  const ctl = new AbortController();
  const promise = fetchList(f, ctl.signal, quiet401);
  promise.catch(() => {}); // handled by whoever attaches
  return { key, at: Date.now(), ctl, promise };
}

const keyOf = (f: Filters) => JSON.stringify(listQuery(f));

let prefetched: Started | null = null;
if (typeof window !== 'undefined' && /^\/app\/parties\/?$/.test(window.location.pathname)) {
  const f = filtersFrom(new URLSearchParams(window.location.search));
  prefetched = start(keyOf(f), f, true);
}

function takePrefetched(key: string): Started | null {
  const p = prefetched;
  prefetched = null;
  if (p && p.key === key && Date.now() - p.at < 10000) return p;
  p?.ctl.abort();
  return null;
}

// Starts the request for these filters during render; useLoad attaches to it (and aborts it
// when the filters change or the page goes away).
function useEarlyList(f: Filters) {
  const key = keyOf(f);
  const started = useMemo(() => takePrefetched(key) || start(key, f), [key]);
  return useLoad<ListPage<Party>>(
    (signal) => {
      signal.addEventListener('abort', () => started.ctl.abort());
      if (started.ctl.signal.aborted) return fetchList(f, signal); // a reload: ask again
      return started.promise.catch((e) => {
        // A failed prefetch (say, before the session was ready) is retried once, normally.
        if (signal.aborted) throw e;
        return fetchList(f, signal);
      });
    },
    [key, started],
  );
}

export function Parties() {
  const { user } = useSession().info;
  const loc = useLocation();
  const filters = filtersFrom(loc.query);
  const { q, sort } = filters;
  const pageNo = Math.max(1, Number(loc.query.get('page') || '1') || 1);
  const [creating, setCreating] = useState(loc.query.get('new') === '1');
  const [exporting, setExporting] = useState<'idle' | 'busy' | string>('idle');

  // The search box: typed text shows at once, the URL (and the request) follows 250 ms later.
  const [text, setText] = useState(q);
  const typed = useRef(q);
  useEffect(() => {
    // Back/forward or a link changed q: show it in the box.
    if (q !== typed.current) {
      typed.current = q;
      setText(q);
    }
  }, [q]);
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => {
      typed.current = text.trim() === '' ? '' : text;
      setQuery({ q: text.trim() === '' ? undefined : text, cursor: undefined, page: undefined });
    }, 250);
    return () => clearTimeout(t);
  }, [text]);

  const list = useEarlyList(filters);

  // The performance budget: first page visible < 300 ms after navigation (perf-parties.mjs).
  // The mark: the first page's rows are in the DOM; the first row also carries an
  // `elementtiming` attribute, so the Element Timing API reports when it was painted.
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (!marked.current && list.data) {
      marked.current = true;
      try {
        performance.mark('parties-first-page');
      } catch {
        /* no Performance API: nothing to measure */
      }
    }
  }, [list.data]);

  // Any filter or order change starts again from the first page.
  const set = (params: Record<string, string | undefined>) =>
    setQuery({ ...params, cursor: undefined, page: undefined });
  const onSort = (next: string | undefined) => set({ sort: next });
  const filtered = isFiltered(filters);
  const filter = (
    id: string,
    key: keyof Filters,
    labelText: string,
    any: string,
    options: { value: string; label: string }[] | string[],
  ) => (
    <FilterSelect
      id={id}
      label={labelText}
      value={filters[key]}
      any={any}
      options={options}
      onChange={(v) => set({ [key]: v || undefined })}
    />
  );
  return (
    <Page
      title="Parties"
      subtitle="Customers, partners, subcontractors and contracted developers, with their agreements, SOC 2 reports and reviews"
      actions={
        isOfficer(user.role) && !creating ? (
          <button type="button" class="btn btn-primary" onClick={() => setCreating(true)}>
            New party
          </button>
        ) : undefined
      }
    >
      {creating && <NewParty onCancel={() => setCreating(false)} />}
      <form
        class="filters"
        role="search"
        aria-label="Parties"
        onSubmit={(e) => {
          e.preventDefault();
          typed.current = text;
          set({ q: text.trim() === '' ? undefined : text });
        }}
      >
        <div class="field party-search">
          <label for="parties-q">Search by name</label>
          <input
            id="parties-q"
            type="search"
            value={text}
            autoComplete="off"
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
        </div>
        {filter('parties-kind', 'kind', 'Kind', 'Any kind', PARTY_KINDS)}
        {filter('parties-status', 'status', 'Status', 'Any status', PARTY_STATUSES)}
        {filter('parties-risk', 'risk_tier', 'Risk tier', 'Any risk tier', RISK_TIERS)}
        {filter('parties-baa', 'baa', 'BAA', 'Any BAA state', AGREEMENT_STATES)}
        {filter('parties-sla', 'sla', 'SLA', 'Any SLA state', AGREEMENT_STATES)}
        {filter('parties-review', 'review', 'Next review', 'Any time', REVIEW_DUE)}
        {filter('parties-soc2', 'soc2', 'SOC 2 report', 'Any', SOC2_AGE)}
        {filtered && (
          <button
            type="button"
            class="btn"
            onClick={() => {
              typed.current = '';
              setText('');
              set({
                q: undefined,
                kind: undefined,
                status: undefined,
                risk_tier: undefined,
                baa: undefined,
                sla: undefined,
                review: undefined,
                soc2: undefined,
              });
            }}
          >
            Clear filters
          </button>
        )}
      </form>

      {list.error ? (
        <Alert kind="error">{(list.error as Error).message}</Alert>
      ) : list.data === undefined ? (
        <p class="muted" role="status">
          Loading parties…
        </p>
      ) : (
        <div
          class={list.loading ? 'parties-list is-loading' : 'parties-list'}
          aria-busy={list.loading ? 'true' : 'false'}
        >
          <div class="party-count-row">
            <p class="muted party-count" role="status">
              {list.loading
                ? 'Loading…'
                : list.data.items.length === 0
                  ? ''
                  : `Page ${pageNo} · ${list.data.items.length} ${list.data.items.length === 1 ? 'party' : 'parties'} shown, ${PAGE_SIZE} per page${filtered ? ' · filtered' : ''}`}
            </p>
            {list.data.items.length > 0 && (
              <button
                type="button"
                class="btn"
                disabled={exporting === 'busy'}
                onClick={() => {
                  setExporting('busy');
                  downloadCsv(filters).then(
                    () => setExporting('idle'),
                    (e: Error) => setExporting(e.message),
                  );
                }}
              >
                {exporting === 'busy' ? 'Preparing the file…' : 'Download as CSV'}
              </button>
            )}
          </div>
          {exporting !== 'idle' && exporting !== 'busy' && <Alert kind="error">{exporting}</Alert>}
          {list.data.items.length === 0 ? (
            <Empty>{filtered ? 'No party matches these filters.' : 'The registry is empty.'}</Empty>
          ) : (
            <Table
              class="parties-table"
              caption={<>Parties, page {pageNo}</>}
              captionClass="visually-hidden"
              columns={[
                sortColumn('Name', 'name', sort, onSort),
                secondary('Kind'),
                'Status',
                sortColumn('Risk tier', 'risk_tier', sort, onSort),
                sortColumn('BAA', 'baa_expires_at', sort, onSort),
                sortColumn('SLA', 'sla_expires_at', sort, onSort),
                sortColumn('SOC 2 period end', 'soc2_period_end', sort, onSort, true),
                sortColumn('Last review', 'last_review_at', sort, onSort, true),
                sortColumn('Next review', 'next_review_at', sort, onSort),
              ]}
            >
              {list.data.items.map((p, i) => (
                <tr key={p.id}>
                  <td>
                    <Link
                      href={`/parties/${encodeURIComponent(p.id)}`}
                      {...(i === 0 ? { elementtiming: 'parties-first-row' } : {})}
                    >
                      {p.name}
                    </Link>
                    {p.legal_name && p.legal_name !== p.name && <div class="muted small">{p.legal_name}</div>}
                    <div class="muted small show-narrow">{label(p.kind)}</div>
                  </td>
                  <td class="hide-narrow">{label(p.kind)}</td>
                  <td>
                    <Badge value={p.status || 'prospect'} />
                  </td>
                  <td>
                    <RiskBadge tier={p.risk_tier} />
                  </td>
                  <td>
                    <AgreementCell a={p.inventory?.baa} />
                  </td>
                  <td>
                    <AgreementCell a={p.inventory?.sla} />
                  </td>
                  <td class="hide-narrow">
                    <DateText value={p.inventory?.soc2_period_end} />
                  </td>
                  <td class="hide-narrow">
                    <DateText value={p.inventory?.last_review_at} />
                  </td>
                  <td>
                    <DateText value={p.inventory?.next_review_at} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <nav class="pager" aria-label="Pages of parties">
            <button
              type="button"
              class="btn"
              disabled={!filters.cursor || list.loading}
              onClick={() => setQuery({ cursor: undefined, page: undefined })}
            >
              First page
            </button>
            <button
              type="button"
              class="btn"
              disabled={!list.data.next_cursor || list.loading}
              onClick={() => setQuery({ cursor: list.data!.next_cursor || undefined, page: String(pageNo + 1) })}
            >
              Next page
            </button>
            <span class="muted">{PAGE_SIZE} per page</span>
          </nav>
        </div>
      )}
    </Page>
  );
}

const NEW_PARTY = {
  name: '',
  kind: '',
  legal_name: '',
  status: 'prospect',
  criticality: '',
  access_level: '',
  data_categories: '',
  owner: '',
  website: '',
  location: '',
  region: '',
  purpose: '',
  infrastructure_partner: 'false',
  public_subprocessor: 'false',
};

function NewParty(props: { onCancel: () => void }) {
  const form = useForm(NEW_PARTY);
  const submit = () =>
    form
      .submit((v) => {
        const body = bodyOf(v, { bools: ['infrastructure_partner', 'public_subprocessor'], skip: ['data_categories'] });
        const cats = v.data_categories.split(',').filter(Boolean);
        if (cats.length) body.data_categories = cats;
        return post<Party>('/api/v1/parties', body);
      })
      .then((p) => p && navigate(`/parties/${encodeURIComponent(p.id)}`));
  return (
    <Section title="New party" id="new-party">
      <Form
        form={form}
        onSubmit={submit}
        submitLabel="Create party"
        label="New party"
        class="form form-wide"
        secondary={<CancelButton onClick={props.onCancel} />}
      >
        <div class="form-grid">
          <TextField form={form} name="name" label="Name" required hint="Unique in the registry" />
          <SelectField
            form={form}
            name="kind"
            label="Kind"
            required
            placeholder="Choose a kind"
            options={PARTY_KINDS.map((k) => ({ value: k, label: label(k) }))}
          />
          <TextField form={form} name="legal_name" label="Legal name" />
          <SelectField form={form} name="status" label="Status" options={PARTY_STATUSES} />
          <SelectField
            form={form}
            name="criticality"
            label="Criticality"
            placeholder="Not set"
            options={CRITICALITIES}
          />
          <SelectField
            form={form}
            name="access_level"
            label="Access to our systems"
            placeholder="Not set"
            options={ACCESS_LEVELS}
          />
          <TextField form={form} name="owner" label="Owner" hint="Who in our organisation owns the relationship" />
          <TextField form={form} name="website" label="Website" type="url" placeholder="https://" />
          <TextField form={form} name="location" label="Location" />
          <TextField form={form} name="region" label="Region" />
        </div>
        <CheckGroup
          form={form}
          name="data_categories"
          legend="Data categories it handles"
          options={DATA_CATEGORIES}
          hint="With the access level and criticality these set the risk tier (HITRUST 05.i)."
        />
        <TextField
          form={form}
          name="purpose"
          label="Purpose"
          multiline
          rows={2}
          hint="What it does for us, as published"
        />
        <div class="check-row">
          <CheckboxField
            form={form}
            name="infrastructure_partner"
            label="Infrastructure partner (hosts or runs our infrastructure)"
          />
          <CheckboxField form={form} name="public_subprocessor" label="Listed on the public subprocessor page" />
        </div>
      </Form>
    </Section>
  );
}
