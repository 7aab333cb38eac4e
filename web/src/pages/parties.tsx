// The third-party registry: search, filters and cursor pages kept in the URL, one request per
// page (fast at 100,000 parties), and, for officers, "New party".
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { post, request, type ListPage } from '../api';
import { Missing, secondary, Table } from '../components/table';
import { CancelButton } from '../components/reveal';
import { FilterSelect } from '../components/filter-select';
import { Link, navigate, setQuery, useLocation } from '../router';
import { isOfficer, useSession } from '../session';
import {
  Alert,
  Badge,
  CheckboxField,
  Empty,
  Form,
  Page,
  Section,
  SelectField,
  TextField,
  useForm,
  useLoad,
  humanize,
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
import './party/party.css';

export const PAGE_SIZE = 50;

// ---- the first page, fast ----
// The list request starts while the page renders (not after the first paint, as useLoad's
// effect would), and on a full load of /app/parties it starts when this module loads, in
// parallel with the session check, instead of after it. One request per page either way.

type Filters = { q: string; kind: string; status: string; cursor: string };

function listQuery(f: Filters) {
  return { q: f.q.trim(), kind: f.kind, status: f.status, cursor: f.cursor, limit: PAGE_SIZE };
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

const keyOf = (f: Filters) => JSON.stringify([f.q.trim(), f.kind, f.status, f.cursor]);

let prefetched: Started | null = null;
if (typeof window !== 'undefined' && /^\/app\/parties\/?$/.test(window.location.pathname)) {
  const u = new URLSearchParams(window.location.search);
  const f = {
    q: u.get('q') || '',
    kind: u.get('kind') || '',
    status: u.get('status') || '',
    cursor: u.get('cursor') || '',
  };
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
  const q = loc.query.get('q') || '';
  const kind = loc.query.get('kind') || '';
  const status = loc.query.get('status') || '';
  const cursor = loc.query.get('cursor') || '';
  const pageNo = Math.max(1, Number(loc.query.get('page') || '1') || 1);
  const [creating, setCreating] = useState(loc.query.get('new') === '1');

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

  const list = useEarlyList({ q, kind, status, cursor });

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

  const filtered = q !== '' || kind !== '' || status !== '';
  return (
    <Page
      title="Parties"
      subtitle="Customers, partners, subcontractors and contracted developers"
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
          setQuery({ q: text.trim() === '' ? undefined : text, cursor: undefined, page: undefined });
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
        <FilterSelect
          id="parties-kind"
          label="Kind"
          value={kind}
          any="Any kind"
          options={PARTY_KINDS}
          onChange={(v) => setQuery({ kind: v, cursor: undefined, page: undefined })}
        />
        <FilterSelect
          id="parties-status"
          label="Status"
          value={status}
          any="Any status"
          options={PARTY_STATUSES}
          onChange={(v) => setQuery({ status: v, cursor: undefined, page: undefined })}
        />
        {filtered && (
          <button
            type="button"
            class="btn"
            onClick={() => {
              typed.current = '';
              setText('');
              setQuery({ q: undefined, kind: undefined, status: undefined, cursor: undefined, page: undefined });
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
          <p class="muted party-count" role="status">
            {list.loading
              ? 'Loading…'
              : list.data.items.length === 0
                ? ''
                : `Page ${pageNo} · ${list.data.items.length} ${list.data.items.length === 1 ? 'party' : 'parties'} shown, ${PAGE_SIZE} per page${filtered ? ' · filtered' : ''}`}
          </p>
          {list.data.items.length === 0 ? (
            <Empty>{filtered ? 'No party matches these filters.' : 'The registry is empty.'}</Empty>
          ) : (
            <Table
              class="parties-table"
              caption={<>Parties, page {pageNo}</>}
              captionClass="visually-hidden"
              columns={[
                'Name',
                secondary('Kind'),
                'Status',
                'Risk tier',
                secondary('Criticality'),
                secondary('Owner'),
                secondary('Location'),
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
                  <td class="hide-narrow">{p.criticality ? humanize(p.criticality) : <Missing />}</td>
                  <td class="hide-narrow">{p.owner || <Missing />}</td>
                  <td class="hide-narrow">{p.location || <Missing />}</td>
                </tr>
              ))}
            </Table>
          )}
          <nav class="pager" aria-label="Pages of parties">
            <button
              type="button"
              class="btn"
              disabled={!cursor || list.loading}
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
