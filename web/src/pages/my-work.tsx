// My work (officers' and staff's landing page): what waits for the signed-in person, group by
// group, each item linking to the screen where it is done (GET /api/v1/my-work). Vendor
// answers and change notices are news: opening one, or "Mark as read", takes it off the list.
// The daily email of this page is switched on or off at the bottom.
import { useState } from 'preact/hooks';
import { get, patch, type ApiResponse } from '../api';
import { BASE, Link, navigate } from '../router';
import { Alert, Badge, Loading, Page, Section, formatDate, humanDates, useLoad } from '../ui';
import {
  busyGroups,
  dueOf,
  isReadKind,
  plural,
  remainder,
  type MyWork,
  type WorkGroup,
  type WorkItem,
} from './my-work-model';
import { markRead } from '../work-marks';
import { useSession } from '../session';
import './my-work.css';

type Settings = ApiResponse<'/api/v1/account/settings'>;

const ITEMS_PER_GROUP = 50;

export function MyWorkPage() {
  const work = useLoad((signal) => get<MyWork>('/api/v1/my-work', { limit: ITEMS_PER_GROUP }, signal), []);
  // A party's contact has no daily digest (its work is the sections assigned to it).
  const contact = useSession().info.user.role === 'third_party_contact';
  return (
    <Page
      title="My work"
      subtitle={work.data ? <>What waits for you, as of {formatDate(work.data.at, true)} UTC</> : 'What waits for you'}
      actions={
        <button type="button" class="btn" onClick={work.reload} disabled={work.loading}>
          {work.loading && work.data ? 'Refreshing…' : 'Refresh'}
        </button>
      }
    >
      <Loading state={work} label="your work">
        {(w) => <WorkBody work={w} reload={work.reload} />}
      </Loading>
      {!contact && <DigestSetting />}
    </Page>
  );
}

function WorkBody(props: { work: MyWork; reload: () => void }) {
  const groups = busyGroups(props.work.groups);
  const [error, setError] = useState('');
  if (groups.length === 0) {
    return (
      <Alert kind="ok">
        Nothing waits for you right now. New reviews, approvals, answers from third parties and findings you own appear
        here.
      </Alert>
    );
  }
  const read = async (items: { kind: string; id: string }[]) => {
    setError('');
    try {
      await markRead(items);
      props.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <nav aria-label="Your work by kind" class="work-summary">
        <ul>
          {groups.map((g) => (
            <li>
              <a href={`#work-${g.kind}`}>
                <span class="num">{g.count}</span> {g.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {error && <Alert kind="error">{error}</Alert>}
      {groups.map((g) => (
        <Group group={g} onRead={read} />
      ))}
    </>
  );
}

function Group(props: { group: WorkGroup; onRead: (items: { kind: string; id: string }[]) => void }) {
  const { group: g } = props;
  const news = isReadKind(g.kind);
  const more = remainder(g);
  return (
    <Section
      title={`${g.title} (${g.count})`}
      id={`work-${g.kind}`}
      actions={
        news && (
          <button
            type="button"
            class="btn btn-small"
            onClick={() => props.onRead(g.items.map((i) => ({ kind: i.kind, id: i.id })))}
          >
            Mark all as read
          </button>
        )
      }
    >
      <ul class="work-list">
        {g.items.map((item) => (
          <Item item={item} onRead={props.onRead} />
        ))}
      </ul>
      {more > 0 && <p class="section-foot muted">and {plural(more, 'more item')} not shown here.</p>}
    </Section>
  );
}

function Item(props: { item: WorkItem; onRead: (items: { kind: string; id: string }[]) => void }) {
  const { item } = props;
  const due = dueOf(item);
  const news = isReadKind(item.kind);
  const open = async (e: MouseEvent) => {
    // Opening a piece of news reads it; the page it leads to shows it.
    if (!item.href || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    try {
      await markRead([{ kind: item.kind, id: item.id }]);
    } finally {
      navigate(item.href);
    }
  };
  return (
    <li class="work-item">
      <div class="work-main">
        {item.href && news ? (
          <a href={BASE + item.href} class="work-title" onClick={open}>
            {humanDates(item.title)}
          </a>
        ) : item.href ? (
          <Link href={item.href} class="work-title">
            {humanDates(item.title)}
          </Link>
        ) : (
          <span class="work-title">{humanDates(item.title)}</span>
        )}
        {item.party_name && item.party_id && (
          <span class="work-party">
            {' '}
            · <Link href={`/parties/${item.party_id}`}>{item.party_name}</Link>
          </span>
        )}
        {item.detail && <p class="work-detail">{item.detail}</p>}
        {!item.href && <p class="work-detail muted">Its screen is not in the portal yet.</p>}
      </div>
      <div class="work-side">
        {due && <Badge value={due.tone === 'bad' ? 'overdue' : 'due'} tone={due.tone} label={due.text} />}
        {news && (
          <button
            type="button"
            class="btn btn-small"
            aria-label={`Mark as read: ${humanDates(item.title)}`}
            onClick={() => props.onRead([{ kind: item.kind, id: item.id }])}
          >
            Mark as read
          </button>
        )}
      </div>
    </li>
  );
}

function DigestSetting() {
  const settings = useLoad((signal) => get<Settings>('/api/v1/account/settings', undefined, signal), []);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // What the box shows: the choice just made, until the server has it (then its answer).
  const [choice, setChoice] = useState<boolean | null>(null);
  const change = async (on: boolean) => {
    setChoice(on);
    setBusy(true);
    setSaved('');
    setError('');
    try {
      const s = await patch<Settings>('/api/v1/account/settings', { daily_digest: on });
      setChoice(s.daily_digest);
      setSaved(s.daily_digest ? 'You will get the daily email.' : 'The daily email is off.');
    } catch (e) {
      setChoice(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Daily email" id="work-digest">
      <Loading state={settings} label="your settings">
        {(s) => (
          <div class="field field-check digest-field">
            <input
              id="daily-digest"
              type="checkbox"
              checked={choice ?? s.daily_digest}
              disabled={busy}
              aria-describedby="daily-digest-hint"
              onChange={(e) => change((e.target as HTMLInputElement).checked)}
            />
            <label for="daily-digest">Email me a summary of my work each morning</label>
            <p class="hint" id="daily-digest-hint">
              Sent at 06:00 UTC on days when something waits for you.
            </p>
          </div>
        )}
      </Loading>
      <div role="status">{saved && <p class="muted">{saved}</p>}</div>
      {error && <Alert kind="error">{error}</Alert>}
    </Section>
  );
}
