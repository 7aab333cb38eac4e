// The dashboard's lists: reviews due and overdue, open findings by severity, agreements
// expiring within 30 / 60 / 90 days and reviews per kind.
import { useState } from 'preact/hooks';
import { secondary, Table } from '../components/table';
import { Link } from '../router';
import { Badge, DateText, Empty, Section, humanize } from '../ui';
import {
  daysLeftText,
  dueText,
  type AgreementExpiring,
  type Counts,
  type Loaded,
  type Review,
} from './dashboard-model';
import { KindLabel } from './review-kind-label';

// Every item the dashboard lists names its party (party_name): no lookup of the parties.
export function PartyLink(props: { id: string | null | undefined; name?: string | null }) {
  if (!props.id) return <span class="muted">Organisation-wide</span>;
  return <Link href={`/parties/${props.id}`}>{props.name || props.id}</Link>;
}

export function Unavailable(props: { what: string }) {
  return (
    <p class="empty dash-unavailable">
      {props.what} will appear here once the server reports them (this server's dashboard does not include them yet).
    </p>
  );
}

function ReviewTable(props: { items: Review[]; caption: string; late?: boolean }) {
  return (
    <Table
      class="dash-reviews"
      caption={props.caption}
      columns={['Review', 'Party', secondary('Kind'), 'Status', 'Due', secondary('Assignee')]}
    >
      {props.items.map((r) => (
        <tr>
          <td>
            <Link href={`/reviews/${r.id}`}>{r.title}</Link>
          </td>
          <td>
            <PartyLink id={r.party_id} name={r.party_name} />
          </td>
          <td class="hide-narrow">
            <KindLabel kind={r.review_kind} />
          </td>
          <td>
            <Badge value={r.status} />
          </td>
          <td>
            <DateText value={r.due_at} />
            <span class={`due-rel ${props.late ? 'late' : ''}`}>{dueText(r.due_at)}</span>
          </td>
          <td class="hide-narrow">
            {r.assignee ? r.assignee.name || r.assignee.email : <span class="muted">Unassigned</span>}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function DueReviews(props: { d: Loaded }) {
  const { overdue, due } = props.d;
  return (
    <Section title="Reviews due and overdue" actions={<Link href="/reviews">All reviews</Link>}>
      {overdue.length ? (
        <ReviewTable items={overdue} caption={`Overdue (${overdue.length})`} late />
      ) : (
        <p class="dash-ok">
          <Badge value="ok" tone="ok" label="✓ None overdue" /> No open review is past its due date.
        </p>
      )}
      {due.length ? (
        <ReviewTable items={due} caption={`Due in the next 30 days (${due.length})`} />
      ) : (
        <Empty>No open review is due in the next 30 days.</Empty>
      )}
    </Section>
  );
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

export function Findings(props: { d: Loaded }) {
  const { dash, findings } = props.d;
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
        {f.open} open
        {f.overdue > 0 ? (
          <strong class="late"> · {f.overdue} past the remediation deadline</strong>
        ) : (
          ' · none past its remediation deadline'
        )}
      </p>
      {findings.length > 0 && (
        <ul class="finding-list">
          {findings.slice(0, 8).map((x) => (
            <li>
              <Badge value={x.severity} /> <span class="finding-title">{x.title}</span>
              <span class="muted finding-meta">
                {' '}
                <PartyLink id={x.party_id} name={x.party_name} /> · fix by <DateText value={x.due_at} />
                {x.overdue && <strong class="late"> (overdue)</strong>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function Agreements(props: { items: AgreementExpiring[] | null }) {
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
        <Table
          caption={<>Executed agreements expiring within {win} days, soonest first</>}
          captionClass="visually-hidden"
          columns={['Party', 'Agreement', 'Expires', 'Left']}
        >
          {shown.map((a) => (
            <tr>
              <td>
                <PartyLink id={a.party_id} name={a.party_name} />
              </td>
              <td>{(a.type || '').length <= 4 ? (a.type || '').toUpperCase() : humanize(a.type)}</td>
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
        </Table>
      )}
    </Section>
  );
}

export function ByKind(props: { byKind: Record<string, Counts> }) {
  const kinds = Object.keys(props.byKind || {});
  if (!kinds.length) return null;
  return (
    <Section title="Reviews by kind">
      <div
        class="table-wrap"
        tabIndex={0}
        role="group"
        aria-label="Reviews by kind (scrolls sideways on small screens)"
      >
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
                  <th scope="row">
                    <KindLabel kind={k} />
                  </th>
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
