// The dashboard (SO, PO, auditor): first what is wrong now (dashboard-red-flags.tsx), then
// what is due and overdue, agreements about to expire, open findings, grants about to end,
// and how reviews and findings went over time. The counts come
// from GET /api/v1/dashboard; the lists from the reviews and findings routes. Blocks whose
// data the server does not report (an older server) are hidden with a short note.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, type ListPage } from '../api';
import { Table } from '../components/table';
import { Link } from '../router';
import { Alert, Badge, DateText, Empty, Loading, Page, Section, formatDate, useLoad } from '../ui';
import type { ChartSpec } from './dashboard-charts';
import {
  CLOSED_REVIEW,
  DAY,
  daysLeftText,
  monthLabel,
  quarterLabel,
  type DashboardData,
  type Finding,
  type Loaded,
  type Review,
} from './dashboard-model';
import { Agreements, ByKind, DueReviews, Findings, PartyLink, Unavailable } from './dashboard-sections';
import { RedFlagsPanel } from './dashboard-red-flags';
import { BreachDeadlines } from './breach-deadlines';
import './dashboard.css';

async function all<T>(
  path: string,
  query: Record<string, string | number | boolean>,
  signal: AbortSignal,
): Promise<T[]> {
  const page = await get<ListPage<T>>(path, { limit: 500, ...query }, signal);
  return page.items;
}

async function load(signal: AbortSignal): Promise<Loaded> {
  const now = Date.now();
  const dueBefore = new Date(now + 30 * DAY).toISOString();
  const [dash, overdue, due, findings] = await Promise.all([
    get<DashboardData>('/api/v1/dashboard', undefined, signal),
    all<Review>('/api/v1/reviews', { overdue: true }, signal),
    all<Review>('/api/v1/reviews', { due_before: dueBefore }, signal),
    all<Finding>('/api/v1/findings', { status: 'open' }, signal),
  ]);

  const overdueIds = new Set(overdue.map((r) => r.id));
  const byDue = (a: Review, b: Review) => (a.due_at || '').localeCompare(b.due_at || '');
  return {
    dash,
    overdue: overdue.filter((r) => !CLOSED_REVIEW.has(r.status)).sort(byDue),
    due: due.filter((r) => !CLOSED_REVIEW.has(r.status) && !r.overdue && !overdueIds.has(r.id)).sort(byDue),
    findings: findings.filter((f) => f.status === 'open'),
  };
}

export function Dashboard() {
  const state = useLoad(load, []);
  return (
    <Page
      title="Dashboard"
      subtitle={
        state.data?.dash.at ? (
          <>Figures as of {formatDate(state.data.dash.at, true)} UTC</>
        ) : (
          'Reviews, agreements, findings and access at a glance'
        )
      }
      actions={
        <button type="button" class="btn" onClick={state.reload} disabled={state.loading}>
          {state.loading && state.data ? 'Refreshing…' : 'Refresh'}
        </button>
      }
    >
      <RedFlagsPanel />
      <BreachDeadlines />
      <Loading state={state} label="the dashboard">
        {(d) => <DashboardBody d={d} />}
      </Loading>
    </Page>
  );
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
  const { dash } = props.d;
  const t = dash.reviews.totals;
  const f = dash.findings;
  const agreements = Array.isArray(dash.agreements_expiring) ? dash.agreements_expiring : null;
  const grants = Array.isArray(dash.grants_ending) ? dash.grants_ending : null;
  return (
    <>
      <ul class="dash-stats" aria-label="Key figures">
        <Stat
          num={t.overdue}
          label="Overdue reviews"
          tone={t.overdue > 0 ? 'bad' : 'ok'}
          href="#sec-reviews-due-and-overdue"
        />
        <Stat
          num={t.due_next_30_days}
          label="Reviews due in 30 days"
          tone={t.due_next_30_days > 0 ? 'warn' : ''}
          href="#sec-reviews-due-and-overdue"
        />
        <Stat num={t.open} label="Open reviews" href="#sec-reviews-due-and-overdue" />
        <Stat
          num={f.open}
          label="Open findings"
          tone={
            f.overdue > 0 || f.open_by_severity.critical + f.open_by_severity.high > 0
              ? 'bad'
              : f.open > 0
                ? 'warn'
                : 'ok'
          }
          note={f.overdue > 0 ? `${f.overdue} overdue` : undefined}
          href="#sec-open-findings"
        />
        {agreements && (
          <Stat
            num={agreements.length}
            label="Agreements expiring in 90 days"
            tone={agreements.some((a) => a.days_left <= 30) ? 'bad' : agreements.length ? 'warn' : 'ok'}
            note={
              agreements.length ? `${agreements.filter((a) => a.days_left <= 30).length} within 30 days` : undefined
            }
            href="#sec-agreements-expiring"
          />
        )}
        {grants && (
          <Stat
            num={grants.length}
            label="Grants ending in 30 days"
            tone={grants.length ? 'warn' : ''}
            href="#sec-access-grants-ending-soon"
          />
        )}
        <Stat
          num={t.done_on_time}
          label="Reviews done on time"
          tone="ok"
          note={t.done_late ? `${t.done_late} done late` : undefined}
        />
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
            <Table
              caption="Approved grants ending within 30 days, soonest first"
              captionClass="visually-hidden"
              columns={['Party', 'Ends', 'Left']}
            >
              {grants.map((g) => (
                <tr>
                  <td>
                    <PartyLink id={g.party_id} name={g.party_name} />
                  </td>
                  <td>
                    <DateText value={g.end_at} time />
                  </td>
                  <td>
                    <Badge
                      value={g.days_left <= 7 ? 'due' : 'pending'}
                      tone={g.days_left <= 7 ? 'bad' : 'warn'}
                      label={daysLeftText(g.days_left)}
                    />
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <p class="section-foot">
            <Link href="/access">All access grants</Link>
          </p>
        </Section>
      </div>

      <Agreements items={agreements} />

      <div class="grid-2 dash-pair">
        <Charts d={props.d} />
      </div>

      <ByKind byKind={dash.reviews.by_kind} />
    </>
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
        {mod ? (
          <mod.Chart spec={spec} summary={summary} caption={caption} />
        ) : (
          <p class="muted chart-wait">Loading the chart…</p>
        )}
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
