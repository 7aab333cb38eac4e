// The dashboard (SO, PO, auditor): what is due and overdue, agreements about to expire, open
// findings, grants about to end, and how reviews and findings went over time. The counts come
// from GET /api/v1/dashboard; the lists from the reviews and findings routes. Blocks whose
// data the server does not report (an older server) are hidden with a short note.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, type ListPage } from '../api';
import { Link } from '../router';
import { Alert, Badge, DateText, Empty, Loading, Page, Section, daysUntil, formatDate, humanize, useLoad } from '../ui';
import type { ChartSpec } from './dashboard-charts';
import './dashboard.css';

interface Counts {
  open: number;
  due_next_30_days: number;
  overdue: number;
  done_on_time: number;
  done_late: number;
}

interface AgreementExpiring {
  id: string;
  party_id: string;
  party_name?: string;
  type: string;
  status: string;
  expires_at: string;
  days_left: number;
}

interface GrantEnding {
  id: string;
  party_id: string;
  party_name?: string;
  end_at: string;
  days_left: number;
}

interface QuarterRow {
  quarter: string;
  on_time: number;
  late: number;
}

interface MonthRow {
  month: string;
  opened: number;
  closed: number;
}

interface DashboardData {
  at?: string;
  reviews: { totals: Counts; by_kind: Record<string, Counts> };
  findings: {
    open: number;
    open_by_severity: { critical: number; high: number; medium: number; low: number };
    overdue: number;
  };
  agreements_expiring?: AgreementExpiring[];
  grants_ending?: GrantEnding[];
  reviews_by_quarter?: QuarterRow[];
  findings_by_month?: MonthRow[];
}

interface Review {
  id: string;
  title: string;
  review_kind: string;
  status: string;
  due_at: string | null;
  overdue: boolean;
  party_id: string | null;
  assignee: { id: string; name?: string; email?: string } | null;
}

interface Finding {
  id: string;
  title: string;
  severity: string;
  status: string;
  due_at: string | null;
  overdue: boolean;
  party_id: string | null;
}

interface Party {
  id: string;
  name: string;
}

const DAY = 86400000;
const CLOSED_REVIEW = new Set(['approved', 'cancelled']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthLabel(m: string): string {
  const [y, mm] = m.split('-');
  return `${MONTHS[Number(mm) - 1] || mm} ${y.slice(2)}`;
}
function quarterLabel(q: string): string {
  return q.replace(/^(\d{4})Q(\d)$/, 'Q$2 $1');
}

function kindLabel(k: string): string {
  return humanize(k).replace(/\bsla\b/gi, 'SLA');
}

function dueText(s: string | null | undefined): string {
  const d = daysUntil(s);
  if (d === null) return '';
  if (d < 0) return d === -1 ? '1 day late' : `${-d} days late`;
  if (d === 0) return 'due today';
  return d === 1 ? 'in 1 day' : `in ${d} days`;
}

function daysLeftText(d: number): string {
  if (d < 0) return 'ended';
  if (d === 0) return 'today';
  return d === 1 ? '1 day' : `${d} days`;
}

async function all<T>(path: string, query: Record<string, string | number | boolean>, signal: AbortSignal): Promise<T[]> {
  const page = await get<ListPage<T>>(path, { limit: 500, ...query }, signal);
  return page.items;
}

// ---- the page ----

interface Loaded {
  dash: DashboardData;
  overdue: Review[];
  due: Review[];
  findings: Finding[];
  parties: Map<string, string>;
}

async function load(signal: AbortSignal): Promise<Loaded> {
  const now = Date.now();
  const dueBefore = new Date(now + 30 * DAY).toISOString();
  const [dash, overdue, due, findings, parties] = await Promise.all([
    get<DashboardData>('/api/v1/dashboard', undefined, signal),
    all<Review>('/api/v1/reviews', { overdue: true }, signal),
    all<Review>('/api/v1/reviews', { due_before: dueBefore }, signal),
    all<Finding>('/api/v1/findings', { status: 'open' }, signal),
    all<Party>('/api/v1/parties', {}, signal).catch(() => [] as Party[]),
  ]);
  const names = new Map(parties.map((p) => [p.id, p.name]));

  const overdueIds = new Set(overdue.map((r) => r.id));
  const byDue = (a: Review, b: Review) => (a.due_at || '').localeCompare(b.due_at || '');
  return {
    dash,
    overdue: overdue.filter((r) => !CLOSED_REVIEW.has(r.status)).sort(byDue),
    due: due.filter((r) => !CLOSED_REVIEW.has(r.status) && !r.overdue && !overdueIds.has(r.id)).sort(byDue),
    findings: findings.filter((f) => f.status === 'open'),
    parties: names,
  };
}

export function Dashboard() {
  const state = useLoad(load, []);
  return (
    <Page
      title="Dashboard"
      subtitle={state.data?.dash.at ? <>Figures as of {formatDate(state.data.dash.at, true)} UTC</> : 'Reviews, agreements, findings and access at a glance'}
      actions={
        <button type="button" class="btn" onClick={state.reload} disabled={state.loading}>
          {state.loading && state.data ? 'Refreshing…' : 'Refresh'}
        </button>
      }
    >
      <Loading state={state} label="the dashboard">
        {(d) => <DashboardBody d={d} />}
      </Loading>
    </Page>
  );
}

function PartyLink(props: { id: string | null | undefined; name?: string; names: Map<string, string> }) {
  if (!props.id) return <span class="muted">Organisation-wide</span>;
  return <Link href={`/parties/${props.id}`}>{props.name || props.names.get(props.id) || props.id}</Link>;
}

function Stat(props: { num: number | string; label: string; tone?: string; href?: string; note?: ComponentChildren }) {
  const body = (
    <>
      <span class="num">{props.num}</span>
      <span class="label">{props.label}</span>
      {props.note && <span class="stat-note">{props.note}</span>}
    </>
  );
  return (
    <li class={`stat ${props.tone || ''}`}>
      {props.href ? (
        <a href={props.href} class="stat-link">
          {body}
        </a>
      ) : (
        body
      )}
    </li>
  );
}

function DashboardBody(props: { d: Loaded }) {
  const { dash, parties } = props.d;
  const t = dash.reviews.totals;
  const f = dash.findings;
  const agreements = Array.isArray(dash.agreements_expiring) ? dash.agreements_expiring : null;
  const grants = Array.isArray(dash.grants_ending) ? dash.grants_ending : null;
  return (
    <>
      <ul class="dash-stats" aria-label="Key figures">
        <Stat num={t.overdue} label="Overdue reviews" tone={t.overdue > 0 ? 'bad' : 'ok'} href="#sec-reviews-due-and-overdue" />
        <Stat num={t.due_next_30_days} label="Reviews due in 30 days" tone={t.due_next_30_days > 0 ? 'warn' : ''} href="#sec-reviews-due-and-overdue" />
        <Stat num={t.open} label="Open reviews" href="#sec-reviews-due-and-overdue" />
        <Stat
          num={f.open}
          label="Open findings"
          tone={f.overdue > 0 || f.open_by_severity.critical + f.open_by_severity.high > 0 ? 'bad' : f.open > 0 ? 'warn' : 'ok'}
          note={f.overdue > 0 ? `${f.overdue} overdue` : undefined}
          href="#sec-open-findings"
        />
        {agreements && (
          <Stat
            num={agreements.length}
            label="Agreements expiring in 90 days"
            tone={agreements.some((a) => a.days_left <= 30) ? 'bad' : agreements.length ? 'warn' : 'ok'}
            note={agreements.length ? `${agreements.filter((a) => a.days_left <= 30).length} within 30 days` : undefined}
            href="#sec-agreements-expiring"
          />
        )}
        {grants && (
          <Stat num={grants.length} label="Grants ending in 30 days" tone={grants.length ? 'warn' : ''} href="#sec-access-grants-ending-soon" />
        )}
        <Stat num={t.done_on_time} label="Reviews done on time" tone="ok" note={t.done_late ? `${t.done_late} done late` : undefined} />
      </ul>

      <DueReviews d={props.d} />

      <div class="grid-2 dash-pair">
        <Findings d={props.d} />
        <Section title="Access grants ending soon">
          {!grants ? (
            <Unavailable what="Grants ending soon" />
          ) : grants.length === 0 ? (
            <Empty>No approved grant ends in the next 30 days.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Approved grants ending within 30 days, soonest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">Ends</th>
                    <th scope="col">Left</th>
                  </tr>
                </thead>
                <tbody>
                  {grants.map((g) => (
                    <tr>
                      <td>
                        <PartyLink id={g.party_id} name={g.party_name} names={parties} />
                      </td>
                      <td>
                        <DateText value={g.end_at} time />
                      </td>
                      <td>
                        <Badge value={g.days_left <= 7 ? 'due' : 'pending'} tone={g.days_left <= 7 ? 'bad' : 'warn'} label={daysLeftText(g.days_left)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p class="section-foot">
            <Link href="/access">All access grants</Link>
          </p>
        </Section>
      </div>

      <Agreements items={agreements} names={parties} />

      <div class="grid-2 dash-pair">
        <Charts d={props.d} />
      </div>

      <ByKind byKind={dash.reviews.by_kind} />
    </>
  );
}

function Unavailable(props: { what: string }) {
  return (
    <p class="empty dash-unavailable">
      {props.what} will appear here once the server reports them (this server's dashboard does not include them yet).
    </p>
  );
}

function ReviewTable(props: { items: Review[]; names: Map<string, string>; caption: string; late?: boolean }) {
  return (
    <div class="table-wrap">
      <table class="dash-reviews">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Review</th>
            <th scope="col">Party</th>
            <th scope="col" class="hide-narrow">
              Kind
            </th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col" class="hide-narrow">
              Assignee
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr>
              <td>
                <Link href={`/reviews/${r.id}`}>{r.title}</Link>
              </td>
              <td>
                <PartyLink id={r.party_id} names={props.names} />
              </td>
              <td class="hide-narrow">{kindLabel(r.review_kind)}</td>
              <td>
                <Badge value={r.status} />
              </td>
              <td>
                <DateText value={r.due_at} />
                <span class={`due-rel ${props.late ? 'late' : ''}`}>{dueText(r.due_at)}</span>
              </td>
              <td class="hide-narrow">{r.assignee ? r.assignee.name || r.assignee.email : <span class="muted">Unassigned</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DueReviews(props: { d: Loaded }) {
  const { overdue, due, parties } = props.d;
  return (
    <Section title="Reviews due and overdue" actions={<Link href="/reviews">All reviews</Link>}>
      {overdue.length ? (
        <ReviewTable items={overdue} names={parties} caption={`Overdue (${overdue.length})`} late />
      ) : (
        <p class="dash-ok">
          <Badge value="ok" tone="ok" label="✓ None overdue" /> No open review is past its due date.
        </p>
      )}
      {due.length ? (
        <ReviewTable items={due} names={parties} caption={`Due in the next 30 days (${due.length})`} />
      ) : (
        <Empty>No open review is due in the next 30 days.</Empty>
      )}
    </Section>
  );
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

function Findings(props: { d: Loaded }) {
  const { dash, findings, parties } = props.d;
  const f = dash.findings;
  const max = Math.max(1, ...SEVERITIES.map((s) => f.open_by_severity[s] || 0));
  return (
    <Section title="Open findings">
      <table class="sev-table">
        <caption class="visually-hidden">Open findings by severity</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Open</th>
            <th scope="col" class="sev-bar-col">
              <span class="visually-hidden">Share</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((s) => {
            const n = f.open_by_severity[s] || 0;
            return (
              <tr>
                <th scope="row">
                  <Badge value={s} />
                </th>
                <td class="num-cell">{n}</td>
                <td class="sev-bar-col" aria-hidden="true">
                  {n > 0 && <span class={`sev-bar sev-${s}`} style={{ width: `${(n / max) * 100}%` }} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="sev-total">
        {f.open} open{f.overdue > 0 ? <strong class="late"> · {f.overdue} past the remediation deadline</strong> : ' · none past its remediation deadline'}
      </p>
      {findings.length > 0 && (
        <ul class="finding-list">
          {findings.slice(0, 8).map((x) => (
            <li>
              <Badge value={x.severity} /> <span class="finding-title">{x.title}</span>
              <span class="muted finding-meta">
                {' '}
                <PartyLink id={x.party_id} names={parties} /> · fix by <DateText value={x.due_at} />
                {x.overdue && <strong class="late"> (overdue)</strong>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Agreements(props: { items: AgreementExpiring[] | null; names: Map<string, string> }) {
  const [win, setWin] = useState<30 | 60 | 90>(90);
  const items = props.items;
  const count = (w: number) => (items || []).filter((a) => a.days_left <= w).length;
  const shown = (items || []).filter((a) => a.days_left <= win);
  return (
    <Section
      title="Agreements expiring"
      actions={
        items && items.length > 0 ? (
          <div class="seg" role="group" aria-label="Expiring within">
            {([30, 60, 90] as const).map((w) => (
              <button type="button" class="btn btn-small" aria-pressed={win === w} onClick={() => setWin(w)}>
                {w} days ({count(w)})
              </button>
            ))}
          </div>
        ) : undefined
      }
    >
      {!items ? (
        <Unavailable what="Executed agreements expiring in the next 30, 60 and 90 days" />
      ) : items.length === 0 ? (
        <Empty>No executed agreement expires in the next 90 days.</Empty>
      ) : shown.length === 0 ? (
        <Empty>No executed agreement expires in the next {win} days.</Empty>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Executed agreements expiring within {win} days, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Agreement</th>
                <th scope="col">Expires</th>
                <th scope="col">Left</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr>
                  <td>
                    <PartyLink id={a.party_id} name={a.party_name} names={props.names} />
                  </td>
                  <td>{a.type.length <= 4 ? a.type.toUpperCase() : humanize(a.type)}</td>
                  <td>
                    <DateText value={a.expires_at} />
                  </td>
                  <td>
                    <Badge
                      value={a.days_left <= 30 ? 'due' : 'pending'}
                      tone={a.days_left <= 30 ? 'bad' : a.days_left <= 60 ? 'warn' : 'info'}
                      label={daysLeftText(a.days_left)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

// ---- charts (uPlot arrives with a dynamic import) ----

type ChartsModule = typeof import('./dashboard-charts');

function Charts(props: { d: Loaded }) {
  const [mod, setMod] = useState<ChartsModule | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => {
    import('./dashboard-charts').then(setMod, (e) => setErr((e as Error).message));
  }, []);
  const quarters = Array.isArray(props.d.dash.reviews_by_quarter) ? props.d.dash.reviews_by_quarter : null;
  const months = Array.isArray(props.d.dash.findings_by_month) ? props.d.dash.findings_by_month : null;

  const reviewSpec = useMemo<ChartSpec | null>(
    () =>
      quarters && {
        kind: 'bars',
        xTitle: 'Quarter',
        labels: quarters.map((r) => quarterLabel(r.quarter)),
        series: [
          { label: 'On time', values: quarters.map((r) => r.on_time), color: '#116534', pattern: 'solid' },
          { label: 'Late', values: quarters.map((r) => r.late), color: '#a11a1a', pattern: 'hatched' },
        ],
      },
    [quarters],
  );
  const findingSpec = useMemo<ChartSpec | null>(
    () =>
      months && {
        kind: 'lines',
        xTitle: 'Month',
        labels: months.map((r) => monthLabel(r.month)),
        series: [
          { label: 'Opened', values: months.map((r) => r.opened), color: '#a11a1a', pattern: 'solid' },
          { label: 'Closed', values: months.map((r) => r.closed), color: '#1d4ed8', pattern: 'dashed' },
        ],
      },
    [months],
  );

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const body = (spec: ChartSpec | null, summary: string, caption: string, what: string) => {
    if (!spec) return <Unavailable what={what} />;
    if (err) return <Alert kind="error">The chart could not be loaded: {err}</Alert>;
    return (
      <>
        {mod ? <mod.Chart spec={spec} summary={summary} caption={caption} /> : <p class="muted chart-wait">Loading the chart…</p>}
      </>
    );
  };

  const q = quarters || [];
  const m = months || [];
  return (
    <>
      <Section title="Reviews completed per quarter">
        {body(
          reviewSpec,
          `Bar chart of reviews completed per quarter, ${q[0] ? quarterLabel(q[0].quarter) : ''} to ${q.length ? quarterLabel(q[q.length - 1].quarter) : ''}: ${sum(q.map((r) => r.on_time))} on time and ${sum(q.map((r) => r.late))} late in total.`,
          'Reviews per quarter',
          'Reviews completed on time and late per quarter',
        )}
      </Section>
      <Section title="Findings opened and closed per month">
        {body(
          findingSpec,
          `Line chart of findings per month, ${m[0] ? monthLabel(m[0].month) : ''} to ${m.length ? monthLabel(m[m.length - 1].month) : ''}: ${sum(m.map((r) => r.opened))} opened and ${sum(m.map((r) => r.closed))} closed in total.`,
          'Findings per month',
          'Findings opened and closed per month',
        )}
      </Section>
    </>
  );
}

function ByKind(props: { byKind: Record<string, Counts> }) {
  const kinds = Object.keys(props.byKind || {});
  if (!kinds.length) return null;
  return (
    <Section title="Reviews by kind">
      <div class="table-wrap" tabIndex={0} role="group" aria-label="Reviews by kind (scrolls sideways on small screens)">
        <table class="by-kind">
          <caption class="visually-hidden">Reviews per kind: open, due, overdue and completed</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Open</th>
              <th scope="col">Due in 30 days</th>
              <th scope="col">Overdue</th>
              <th scope="col">Done on time</th>
              <th scope="col">Done late</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => {
              const c = props.byKind[k];
              return (
                <tr>
                  <th scope="row">{kindLabel(k)}</th>
                  <td>{c.open}</td>
                  <td>{c.due_next_30_days}</td>
                  <td class={c.overdue ? 'late' : ''}>{c.overdue}</td>
                  <td>{c.done_on_time}</td>
                  <td class={c.done_late ? 'late' : ''}>{c.done_late}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
