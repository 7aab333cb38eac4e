// The party's timeline, read from the ledger: every event about it, newest first, each linked
// to its entry (and so its proof) on the ledger page for those who read the ledger.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, type ApiResponse, type ListPage } from '../../api';
import { eventWords } from '../../event-words';
import { Link } from '../../router';
import { readsLedger, ROLE_NAMES, type Role } from '../../session';
import { Alert, DateText, Empty, Section, humanize, useLoad } from '../../ui';
import { label, type Party } from './common';

type TimelineEvent = ApiResponse<'/api/v1/parties/{id}/timeline'>['items'][number];

const describeEvent = eventWords;

export function Timeline(props: { party: Party; role: Role; rev: number }) {
  const ledger = readsLedger(props.role);
  const path = `/api/v1/parties/${props.party.id}/timeline`;
  const first = useLoad(
    (signal) => get<ListPage<TimelineEvent>>(path, { limit: 20 }, signal),
    [props.party.id, props.rev],
  );
  const [older, setOlder] = useState<TimelineEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setOlder([]);
    setCursor(first.data?.next_cursor ?? null);
  }, [first.data]);

  if (first.error) {
    const missing =
      first.error instanceof ApiError &&
      (first.error.status === 404 || first.error.status === 403 || first.error.status === 405);
    return (
      <Section title="Timeline" id="sec-timeline">
        {missing ? (
          <p class="muted">The timeline of this party's events is not available on this server yet.</p>
        ) : (
          <Alert kind="error">{(first.error as Error).message}</Alert>
        )}
      </Section>
    );
  }
  const items = [...(first.data?.items || []), ...older];
  return (
    <Section title="Timeline" id="sec-timeline">
      {!first.data ? (
        <p class="muted" role="status">
          Loading the timeline…
        </p>
      ) : items.length === 0 ? (
        <Empty>No events yet.</Empty>
      ) : (
        <>
          <p class="muted small">Every change to this party is an event in the verifiable ledger, newest first.</p>
          <ol class="timeline">
            {items.map((e) => (
              <li key={e.index}>
                <div class="tl-what">
                  {describeEvent(e.type)}
                  {ledger && (
                    <>
                      {' · '}
                      <Link
                        href={`/ledger?index=${e.index}`}
                        aria-label={`Ledger entry ${e.index}: ${describeEvent(e.type)}`}
                      >
                        entry #{e.index}
                      </Link>
                    </>
                  )}
                </div>
                <div class="tl-meta">
                  {e.subject?.kind && (
                    <span>
                      {label(e.subject.kind)}{' '}
                      {e.subject.name && e.subject.kind !== 'party' ? (
                        <strong>{humanize(e.subject.name)}</strong>
                      ) : null}{' '}
                      <code>{e.subject.id}</code>
                    </span>
                  )}
                  {' · '}
                  {e.actor?.role
                    ? ROLE_NAMES[e.actor.role as Role] || humanize(e.actor.role)
                    : e.actor?.id
                      ? e.actor.id
                      : 'system'}
                  {' · '}
                  <DateText value={e.at} time />
                </div>
              </li>
            ))}
          </ol>
          {moreError && <Alert kind="error">{moreError}</Alert>}
          {cursor && (
            <button
              type="button"
              class="btn btn-small"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setMoreError('');
                try {
                  const page = await get<ListPage<TimelineEvent>>(path, { limit: 20, cursor });
                  setOlder((o) => [...o, ...page.items]);
                  setCursor(page.next_cursor);
                } catch (e) {
                  setMoreError((e as Error).message);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {busy ? 'Loading…' : 'Show older events'}
            </button>
          )}
        </>
      )}
    </Section>
  );
}
