// The review calendar: a month of reviews by due date (a list at phone width) and the iCal
// subscription links (calendar tokens).
import { useRef, useState } from 'preact/hooks';
import { del, get, listAll, post, type ApiResponse, type ListPage } from '../api';
import { Table } from '../components/table';
import { Link, setQuery, useLocation } from '../router';
import { readsLedger, useSession } from '../session';
import { Alert, DateText, Empty, Form, Loading, Page, Section, TextField, humanDates, useForm, useLoad } from '../ui';
import type { Review } from './review-kinds';
import './calendar.css';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DOW = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function ymd(d: Date) {
  return d.toISOString().slice(0, 10);
}
function utc(y: number, m: number, d: number) {
  return new Date(Date.UTC(y, m, d));
}

function parseMonth(s: string | null): { y: number; m: number } {
  const now = new Date();
  const match = s && s.match(/^(\d{4})-(\d{2})$/);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { y: Number(match[1]), m: Number(match[2]) - 1 };
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() };
}
const monthKey = (y: number, m: number) => `${y}-${String(m + 1).padStart(2, '0')}`;

function reviewsBetween(after: string, before: string, signal: AbortSignal): Promise<Review[]> {
  return listAll<Review>('/api/v1/reviews', { due_after: after, due_before: before }, signal);
}

const OPEN = new Set(['open', 'assigned', 'documented']);
function isOverdue(r: Review, now: number) {
  return r.overdue || (OPEN.has(r.status) && new Date(r.due_at).getTime() < now);
}

function Month() {
  const loc = useLocation();
  const { y, m } = parseMonth(loc.query.get('month'));
  const first = utc(y, m, 1);
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const gridStart = utc(y, m, 1 - lead);
  const daysInMonth = utc(y, m + 1, 0).getUTCDate();
  const weeks = Math.ceil((lead + daysInMonth) / 7);
  const gridEnd = utc(y, m, 1 - lead + weeks * 7); // exclusive
  const reviews = useLoad((signal) => reviewsBetween(ymd(gridStart), ymd(gridEnd), signal), [ymd(gridStart)]);
  const todayKey = ymd(new Date());
  const now = Date.now();
  const go = (dy: number, dm: number) => {
    const d = utc(y + dy, m + dm, 1);
    setQuery({ month: monthKey(d.getUTCFullYear(), d.getUTCMonth()) });
  };
  const label = `${MONTHS[m]} ${y}`;
  const byDay = new Map<string, Review[]>();
  for (const r of reviews.data || []) {
    const k = r.due_at.slice(0, 10);
    if (!byDay.has(k)) byDay.set(k, []);
    byDay.get(k)!.push(r);
  }
  const inMonth = (reviews.data || []).filter((r) => r.due_at.slice(0, 7) === monthKey(y, m));
  const overdueCount = inMonth.filter((r) => isOverdue(r, now)).length;
  const days = Array.from({ length: weeks * 7 }, (_, i) =>
    utc(gridStart.getUTCFullYear(), gridStart.getUTCMonth(), gridStart.getUTCDate() + i),
  );
  return (
    <section class="card" aria-labelledby="cal-month">
      <div class="card-head cal-head">
        <h2 id="cal-month" aria-live="polite">
          {label}
        </h2>
        <div class="cal-nav" role="group" aria-label="Change month">
          <button type="button" class="btn" onClick={() => go(0, -1)}>
            <span aria-hidden="true">← </span>Previous month
          </button>
          <button type="button" class="btn" onClick={() => setQuery({ month: undefined })}>
            Today
          </button>
          <button type="button" class="btn" onClick={() => go(0, 1)}>
            Next month<span aria-hidden="true"> →</span>
          </button>
        </div>
      </div>
      <Loading state={reviews} label="reviews">
        {() => (
          <>
            <p class="cal-summary" role="status">
              {inMonth.length === 0
                ? `No review is due in ${label}.`
                : `${inMonth.length} review${inMonth.length === 1 ? '' : 's'} due in ${label}${overdueCount ? `, ${overdueCount} overdue` : ''}.`}
            </p>
            <div class="cal">
              {DOW.map((d) => (
                <div class="dow" aria-hidden="true">
                  {d.slice(0, 3)}
                </div>
              ))}
              {days.map((d) => {
                const k = ymd(d);
                const evs = byDay.get(k) || [];
                const other = d.getUTCMonth() !== m;
                const cls = [
                  'day',
                  other ? 'other' : '',
                  k === todayKey ? 'today' : '',
                  evs.length ? 'has-ev' : 'no-ev',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <div class={cls} data-date={k}>
                    <div class="day-head">
                      <span class="dnum" aria-hidden="true">
                        {d.getUTCDate()}
                      </span>
                      <span class="dfull">
                        {DOW[(d.getUTCDay() + 6) % 7]} {d.getUTCDate()} {MONTHS[d.getUTCMonth()]}
                        {k === todayKey ? ' (today)' : ''}
                      </span>
                    </div>
                    {evs.map((r) => {
                      const late = isOverdue(r, now);
                      return (
                        <Link
                          href={`/reviews/${r.id}`}
                          class={`ev${late ? ' overdue' : ''}${r.status === 'approved' ? ' done' : ''}`}
                        >
                          {late && <strong>Overdue: </strong>}
                          {r.status === 'approved' && <span>✓ </span>}
                          {humanDates(r.title)}
                          {r.status === 'approved' && <span class="sr-only"> (approved)</span>}
                        </Link>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </>
        )}
      </Loading>
    </section>
  );
}

type CalToken = ApiResponse<'/api/v1/calendar-tokens'>['items'][number];

function CopyField(props: { url: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied('Copied to the clipboard.');
    } catch {
      ref.current?.select();
      setCopied('Select the address and copy it (Ctrl+C).');
    }
  }
  return (
    <div class="copy-field">
      <div class="field">
        <label for="ical-url">Subscription address</label>
        <input
          id="ical-url"
          ref={ref}
          type="text"
          readOnly
          value={props.url}
          onFocus={(e) => (e.target as HTMLInputElement).select()}
        />
      </div>
      <button type="button" class="btn" onClick={copy}>
        Copy
      </button>
      <span role="status" class="muted">
        {copied}
      </span>
    </div>
  );
}

function Feeds() {
  const tokens = useLoad(
    (signal) => get<ListPage<CalToken>>('/api/v1/calendar-tokens', { limit: 100 }, signal).then((p) => p.items),
    [],
  );
  const form = useForm({ name: '' });
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const [confirm, setConfirm] = useState('');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  async function create() {
    const t = await form.submit((v) =>
      post<ApiResponse<'/api/v1/calendar-tokens', 'post'>>('/api/v1/calendar-tokens', { name: v.name }),
    );
    if (t) {
      setCreated({ name: t.name, url: window.location.origin + t.path });
      form.reset();
      setMsg(null);
      tokens.reload();
    }
  }
  async function remove(t: CalToken) {
    try {
      await del(`/api/v1/calendar-tokens/${t.id}`);
      setMsg({ kind: 'ok', text: `“${t.name}” is deleted: calendars subscribed to it stop updating.` });
      setConfirm('');
      if (created && created.name === t.name) setCreated(null);
      tokens.reload();
    } catch (e) {
      setMsg({ kind: 'error', text: (e as Error).message });
    }
  }
  return (
    <Section title="Subscribe in your calendar app" id="ical">
      <p>
        An iCal subscription shows every open review, finding, entitlement review and change under review in your
        calendar app, with a reminder a week before each review is due. The address is a secret: whoever has it sees the
        titles and dates, without signing in. Delete it when you no longer use it.
      </p>
      {created && (
        <div class="alert alert-ok ical-created">
          <p>
            <strong>“{created.name}” is ready.</strong> Copy the address now: it is shown only once and cannot be
            displayed again (create a new one if you lose it).
          </p>
          <CopyField url={created.url} />
        </div>
      )}
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <Form
        form={form}
        onSubmit={create}
        submitLabel="Create a subscription address"
        label="Create a calendar subscription"
        class="form ical-form"
      >
        <TextField
          form={form}
          name="name"
          label="Name"
          required
          hint="Where you use it, e.g. “Work laptop calendar”."
        />
      </Form>
      <h3>Your subscription addresses</h3>
      <Loading state={tokens} label="subscriptions">
        {(items) =>
          items.length === 0 ? (
            <Empty>None yet.</Empty>
          ) : (
            <Table columns={['Name', 'Created', 'Status', { label: <span class="sr-only">Actions</span> }]}>
              {items.map((t) => (
                <tr data-token={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <DateText value={t.created_at} time />
                  </td>
                  <td>
                    {t.revoked_at ? (
                      <>
                        Deleted <DateText value={t.revoked_at} />
                      </>
                    ) : (
                      'In use'
                    )}
                  </td>
                  <td>
                    {!t.revoked_at &&
                      (confirm === t.id ? (
                        <span class="form-actions">
                          <button type="button" class="btn btn-danger btn-small" onClick={() => remove(t)}>
                            Delete “{t.name}”
                          </button>
                          <button type="button" class="btn btn-small" onClick={() => setConfirm('')}>
                            Keep it
                          </button>
                        </span>
                      ) : (
                        <button type="button" class="btn btn-small" onClick={() => setConfirm(t.id)}>
                          Delete<span class="sr-only"> “{t.name}”</span>…
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}

export function CalendarPage() {
  const { user } = useSession().info;
  return (
    <Page title="Calendar" subtitle="Reviews by due date (UTC). Overdue reviews are marked “Overdue”.">
      <Month />
      {readsLedger(user.role) && <Feeds />}
    </Page>
  );
}
