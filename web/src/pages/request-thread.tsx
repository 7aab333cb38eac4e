// What a review asked its party and what the party's contact answered — shown on the review
// page (officers) and on the party page (the contact answers there; readers see it).
import { get } from '../api';
import { Badge, DateText } from '../ui';
import type { Actor, PartyRequest, PartyResponse } from './review-kinds';
import './requests.css';

// id -> filename of every document the answers attach (metadata only; a document that
// cannot be read keeps its id as its name).
export async function documentNames(responses: PartyResponse[], signal?: AbortSignal): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const ids = new Set(responses.flatMap((r) => r.documents || []));
  await Promise.all(
    [...ids].map((id) =>
      get<{ id: string; filename: string }>(`/api/v1/documents/${encodeURIComponent(id)}`, undefined, signal).then(
        (d) => (out[id] = d.filename || id),
        () => (out[id] = id),
      ),
    ),
  );
  return out;
}

type Entry = { kind: 'request'; item: PartyRequest } | { kind: 'response'; item: PartyResponse };

// Questions and answers in the order they happened.
export function Thread(props: {
  requests?: PartyRequest[] | null;
  responses?: PartyResponse[] | null;
  who: (a: Actor) => string;
  docNames: Record<string, string>;
  askedLabel?: string;
  answeredLabel?: string;
}) {
  const entries: Entry[] = [
    ...(props.requests || []).map((item) => ({ kind: 'request' as const, item })),
    ...(props.responses || []).map((item) => ({ kind: 'response' as const, item })),
  ].sort((a, b) => a.item.at.localeCompare(b.item.at));
  if (!entries.length) return null;
  return (
    <ol class="qa-thread">
      {entries.map((e) => (
        <li class={e.kind === 'request' ? 'qa-q' : 'qa-a'}>
          <div class="qa-meta">
            <strong>{e.kind === 'request' ? props.askedLabel || 'Asked' : props.answeredLabel || 'Answered'}</strong> by{' '}
            {props.who(e.item.by)} on <DateText value={e.item.at} time />
          </div>
          <p class="qa-message">{e.item.message}</p>
          {e.kind === 'response' && (e.item.documents || []).length > 0 && (
            <ul class="qa-docs" aria-label="Attached documents">
              {(e.item.documents || []).map((id) => {
                const name = props.docNames[id] || id;
                return (
                  <li>
                    <a href={`/api/v1/documents/${encodeURIComponent(id)}/content`} download={name}>
                      {name}
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export function AwaitingBadge(props: { awaiting?: boolean | null; label: string }) {
  return props.awaiting ? <Badge value="awaiting" tone="warn" label={props.label} /> : null;
}
