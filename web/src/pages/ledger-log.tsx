// The ledger as an audit log: every event newest first, by name (who did it, what it was about,
// which party), filtered by kind of event, person, party and dates — the filters live in the
// address, so a filtered log can be shared — and the same list as a CSV file. Each row links to
// the event's check (its proof verified in the browser).
import { useState } from 'preact/hooks';
import { get, listAll, withQuery, type ApiResponse } from '../api';
import { FilterSelect } from '../components/filter-select';
import { PartyPicker, type PickableParty } from '../components/party-picker';
import { eventWords, kindWords } from '../event-words';
import { saveCsv } from '../lib/save-file';
import { ROLE_NAMES, type Role } from '../roles';
import { Link, setQuery, useLocation } from '../router';
import { Alert, DateText, Empty, Loading, Section, humanize, useLoad } from '../ui';
import { eventBody } from './ledger-body';

type Entries = ApiResponse<'/api/v1/ledger/entries'>;
export type LedgerEntry = Entries['items'][number];
type Facets = ApiResponse<'/api/v1/ledger/facets'>;

const PAGE = 20;
const FILTERS = ['type', 'actor', 'party', 'since', 'until'] as const;

// Who acted, in words: the account's or token's name, else what kind of actor it was.
export function actorWords(e: LedgerEntry): string {
  const a = e.event?.actor;
  if (e.actor_name) return e.actor_name;
  if (!a) return '';
  if (a.id === 'system') return 'Accord (automatic)';
  if (a.role === 'requester') return 'A visitor to the trust center';
  return ROLE_NAMES[a.role as Role] ?? humanize(a.role);
}

function roleWords(role: string | undefined): string {
  return ROLE_NAMES[role as Role] ?? humanize(role);
}

// Where a subject's page is in the portal, if it has one.
export function subjectHref(kind: string | undefined, id: string | undefined): string | null {
  if (!id) return null;
  const pages: Record<string, string> = {
    party: '/parties/',
    review: '/reviews/',
    finding: '/findings/',
    report_request: '/report-requests/',
  };
  return kind && pages[kind] ? pages[kind] + id : null;
}

export function Subject(props: { e: LedgerEntry }) {
  const s = props.e.event?.subject;
  if (!s) return null;
  const kind = kindWords(s.kind);
  const name = props.e.subject_name;
  const href = subjectHref(s.kind, s.id);
  return (
    <>
      <span class="muted">{kind}</span> {name ? href ? <Link href={href}>{name}</Link> : <span>{name}</span> : null}
      {s.id && (
        <div class="small muted id-text" title="Identifier">
          {s.id}
        </div>
      )}
    </>
  );
}

function csvDownload(query: Record<string, string | undefined>): Promise<void> {
  return saveCsv(
    withQuery('/api/v1/ledger/entries', { ...query, order: 'newest' }),
    `ledger-${new Date().toISOString().slice(0, 10)}.csv`,
    'log',
  );
}

export function LedgerLog(props: { selected: number | null }) {
  const loc = useLocation();
  const filters: Record<string, string | undefined> = {};
  for (const f of FILTERS) filters[f] = loc.query.get(f) || undefined;
  const before = loc.query.get('before') || undefined;
  const filtered = FILTERS.some((f) => filters[f]);
  const [newer, setNewer] = useState<string[]>([]);
  const [exporting, setExporting] = useState<'idle' | 'busy' | string>('idle');

  const facets = useLoad((signal) => get<Facets>('/api/v1/ledger/facets', undefined, signal), []);
  const parties = useLoad(
    (signal) => listAll<PickableParty>('/api/v1/parties', {}, signal).catch(() => [] as PickableParty[]),
    [],
  );
  // Each page remembers the address it was loaded for: until the new filters' page arrives, the
  // old rows stay on screen but are not called "filtered".
  const address = loc.query.toString();
  const entries = useLoad(
    (signal) =>
      get<Entries>(
        withQuery('/api/v1/ledger/entries', { ...filters, order: 'newest', before, limit: PAGE }),
        undefined,
        signal,
      ).then((page) => ({ ...page, address })),
    [address],
  );

  const change = (name: string, value: string) => {
    setNewer([]);
    setQuery({ [name]: value || undefined, before: undefined, index: undefined });
  };
  const types = facets.data?.types.map((t) => ({ value: t.type, label: eventWords(t.type) })) ?? [];
  types.sort((a, b) => a.label.localeCompare(b.label));
  const actors =
    facets.data?.actors.map((a) => ({
      value: a.id,
      label: a.name ?? (a.id === 'system' ? 'Accord (automatic)' : humanize(a.id)),
    })) ?? [];
  actors.sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Section title="Audit log" id="audit-log">
      <form class="filters ledger-filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="log-type"
          label="What happened"
          any="Any event"
          value={filters.type ?? ''}
          options={types}
          onChange={(v) => change('type', v)}
        />
        <FilterSelect
          id="log-actor"
          label="Who"
          any="Anyone"
          value={filters.actor ?? ''}
          options={actors}
          onChange={(v) => change('actor', v)}
        />
        <PartyPicker
          id="log-party"
          label="Party"
          parties={parties.data ?? []}
          value={filters.party ?? ''}
          empty="Any party"
          onChange={(v) => change('party', v)}
        />
        <div class="field">
          <label for="log-since">From</label>
          <input
            id="log-since"
            type="date"
            value={filters.since ?? ''}
            onChange={(e) => change('since', (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="log-until">To</label>
          <input
            id="log-until"
            type="date"
            value={filters.until ?? ''}
            onChange={(e) => change('until', (e.target as HTMLInputElement).value)}
          />
        </div>
        {filtered && (
          <div class="field filter-clear">
            <button
              type="button"
              class="btn"
              onClick={() => {
                setNewer([]);
                setQuery({
                  type: undefined,
                  actor: undefined,
                  party: undefined,
                  since: undefined,
                  until: undefined,
                  before: undefined,
                });
              }}
            >
              Clear filters
            </button>
          </div>
        )}
      </form>
      <Loading state={entries} label="the audit log">
        {(page) => (
          <>
            <div class="party-count-row">
              <p class="muted list-range" role="status">
                {entries.loading || page.address !== address
                  ? 'Updating the list…'
                  : page.items.length === 0
                    ? ''
                    : `${page.items.length} ${page.items.length === 1 ? 'event' : 'events'} shown, newest first` +
                      (filtered ? ' · filtered' : '') +
                      ` · the ledger holds ${page.size.toLocaleString('en-GB')} events`}
              </p>
              {page.items.length > 0 && (
                <button
                  type="button"
                  class="btn"
                  disabled={exporting === 'busy'}
                  onClick={() => {
                    setExporting('busy');
                    csvDownload(filters).then(
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
            {page.items.length === 0 ? (
              <Empty>
                {filtered
                  ? page.next_before !== null
                    ? 'No event matches these filters among the most recent ones: look further back.'
                    : 'No event matches these filters.'
                  : 'The ledger is empty.'}
              </Empty>
            ) : (
              <LogTable items={page.items} selected={props.selected} />
            )}
            <nav class="pager" aria-label="Audit log pages">
              <button
                type="button"
                class="btn"
                disabled={!before}
                onClick={() => {
                  const rest = newer.slice(0, -1);
                  setQuery({ before: newer[newer.length - 1] || undefined });
                  setNewer(rest);
                }}
              >
                ← Newer
              </button>
              <button
                type="button"
                class="btn"
                disabled={page.next_before === null}
                onClick={() => {
                  setNewer([...newer, before ?? '']);
                  setQuery({ before: String(page.next_before) });
                }}
              >
                Older →
              </button>
            </nav>
          </>
        )}
      </Loading>
    </Section>
  );
}

function LogTable(props: { items: LedgerEntry[]; selected: number | null }) {
  return (
    <div class="table-wrap">
      <table class="entries">
        <caption class="visually-hidden">Ledger events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">What happened</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">About</th>
            <th scope="col" class="hide-narrow">
              Party
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((e) => {
            const body = eventBody(e.event?.payload).slice(0, 2);
            const here = props.selected === e.index;
            return (
              <tr class={here ? 'selected' : ''} aria-current={here ? 'true' : undefined}>
                <td>
                  <Link
                    href={withQuery('/ledger', {
                      ...Object.fromEntries(new URLSearchParams(window.location.search)),
                      index: e.index,
                    })}
                    aria-label={`Check event #${e.index}`}
                  >
                    #{e.index}
                  </Link>
                </td>
                <td>
                  <span class="event-words">{eventWords(e.event?.type)}</span>
                  {body.length > 0 && (
                    <div class="small muted event-summary">{body.map((l) => `${l.label}: ${l.text}`).join(' · ')}</div>
                  )}
                </td>
                <td class="when">
                  <DateText value={e.event?.time} time />
                </td>
                <td>
                  {actorWords(e)}
                  {e.actor_name && <div class="small muted">{roleWords(e.event?.actor?.role)}</div>}
                </td>
                <td class="subject-cell">
                  <Subject e={e} />
                </td>
                <td class="hide-narrow">
                  {e.party ? <Link href={`/parties/${e.party.id}`}>{e.party.name ?? 'A party'}</Link> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
