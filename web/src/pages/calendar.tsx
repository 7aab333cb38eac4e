// The audit calendar (TR-6): a month of everything due — reviews, campaigns, deadlines,
// retrospective reviews, agreement and certificate expiries (a list at phone width), each linking
// to its page; and the iCal subscription links (calendar tokens).
import { useRef, useState } from 'preact/hooks';
import { del, get, listAll, post, type ApiResponse, type ListPage } from '../api';
import type { Review } from './review-kinds';
import { Table } from '../components/table';
import { Link, setQuery, useLocation } from '../router';
import { readsLedger, useSession } from '../session';
import { Alert, DateText, Empty, Form, Loading, Page, Section, TextField, humanDates, useForm, useLoad } from '../ui';
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

type CalendarItem = ApiResponse<'/api/v1/calendar'>['items'][number];

type Entry = CalendarItem & { done?: boolean };

// The audit calendar, and the reviews approved in the same weeks (shown done: the calendar
// itself lists only what is still due).
async function itemsBetween(from: string, to: string, signal: AbortSignal): Promise<Entry[]> {
  const [cal, done] = await Promise.all([
    get<ApiResponse<'/api/v1/calendar'>>('/api/v1/calendar', { from, to }, signal),
    listAll<Review>('/api/v1/reviews', { due_after: from, due_before: to, status: 'approved' }, signal).catch(
      () => [] as Review[],
    ),
  ]);
  const approved: Entry[] = done
    .filter((r) => r.status === 'approved')
    .map((r) => ({
      uid: `${r.id}@accord`,
      kind: 'review',
      title: r.title,
      at: r.due_at,
      date: r.due_at.slice(0, 10),
      all_day: true,
      link: `/app/reviews/${r.id}`,
      status: r.status,
      party_id: null,
      detail: '',
      done: true,
    }));
  return [...cal.items, ...approved];
}

// Dates that pass without being met: expiries and scheduled reviews are dates, not tasks.
const TASKS = new Set(['review', 'entitlement_review', 'finding', 'change_request', 'scan_due']);
function isOverdue(item: Entry, now: number) {
  return !item.done && TASKS.has(item.kind) && new Date(item.at).getTime() < now;
}

// The portal path of an item's page ("/app/reviews/rev_…" → "/reviews/rev_…").
function pagePath(link: string) {
  return link.startsWith('/app/') ? link.slice(4) : link;
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
  const items = useLoad((signal) => itemsBetween(ymd(gridStart), ymd(gridEnd), signal), [ymd(gridStart)]);
  const todayKey = ymd(new Date());
  const now = Date.now();
  const go = (dy: number, dm: number) => {
    const d = utc(y + dy, m + dm, 1);
    setQuery({ month: monthKey(d.getUTCFullYear(), d.getUTCMonth()) });
  };
  const label = `${MONTHS[m]} ${y}`;
  const byDay = new Map<string, Entry[]>();
  for (const r of items.data || []) {
    const k = r.date;
    if (!byDay.has(k)) byDay.set(k, []);
    byDay.get(k)!.push(r);
  }
  const inMonth = (items.data || []).filter((r) => r.date.slice(0, 7) === monthKey(y, m));
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
      <Loading state={items} label="the calendar">
        {() => (
          <>
            <p class="cal-summary" role="status">
              {inMonth.length === 0
                ? `Nothing is due in ${label}.`
                : `${inMonth.length} date${inMonth.length === 1 ? '' : 's'} in ${label}${overdueCount ? `, ${overdueCount} overdue` : ''}.`}
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
                          href={pagePath(r.link)}
                          class={`ev ev-${r.kind}${late ? ' overdue' : ''}${r.done ? ' done' : ''}`}
                          data-kind={r.kind}
                        >
                          {late && <strong>Overdue: </strong>}
                          {r.done && <span>✓ </span>}
                          {humanDates(r.title)}
                          {r.done && <span class="sr-only"> (approved)</span>}
                          {!r.all_day && <span class="muted"> ({r.at.slice(11, 16)} UTC)</span>}
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
        An iCal subscription shows this calendar in your calendar app: open and scheduled reviews, findings, entitlement
        reviews, vendor changes, emergency changes awaiting review, and agreement and certificate expiries, with a
        reminder a week before each (a month before an expiry). The address is a secret: whoever has it sees the titles
        and dates, without signing in. Delete it when you no longer use it.
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
    <Page
      title="Calendar"
      subtitle="Everything due: reviews, deadlines, retrospective reviews and expiries (UTC). Missed dates are marked “Overdue”."
    >
      <Month />
      {readsLedger(user.role) && <Feeds />}
    </Page>
  );
}
