// The ledger (SO, PO, auditor): the signed checkpoint, the audit log (ledger-log.tsx: events by
// name, filtered, as CSV), for any event its inclusion proof checked here in the browser
// (WebCrypto SHA-256, RFC 9162 2.1.3.2) against the checkpoint's root — the leaf hash
// recomputed from the raw leaf bytes, never taken from the server; "Check a tampered copy" shows
// what a changed byte does — and two checkpoints compared (ledger-consistency.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, withQuery, type ApiResponse } from '../api';
import { eventWords } from '../event-words';
import { fromBase64, hashLeaf, toBase64, verifyInclusion, type Verdict } from '../lib/merkle';
import { Link, navigate, useLocation } from '../router';
import { Alert, DateText, Facts, Form, Loading, Page, Section, TextField, useForm, useLoad } from '../ui';
import { eventBody } from './ledger-body';
import { CompareCheckpoints } from './ledger-consistency';
import { LedgerLog, Subject, actorWords } from './ledger-log';
import { checkNote, type NoteCheck } from './ledger-note';
import './ledger.css';

type Checkpoint = ApiResponse<'/api/v1/ledger/checkpoint'>;
type InclusionProof = ApiResponse<'/api/v1/ledger/proofs/inclusion'>;

// An entry with its decoded event: type, time, actor, subject, payload (docs/ledger.md).
type Entry = ApiResponse<'/api/v1/ledger/entries/{index}'>;

type VerifierKeys = ApiResponse<'/api/v1/ledger/keys'>;

function parseIndex(s: string | null): number | null {
  if (s === null || !/^\d+$/.test(s.trim())) return null;
  const n = Number(s.trim());
  return Number.isSafeInteger(n) ? n : null;
}

export function LedgerPage() {
  const loc = useLocation();
  const cp = useLoad((signal) => get<Checkpoint>('/api/v1/ledger/checkpoint', undefined, signal), []);
  const rawIndex = loc.query.get('index');
  const index = parseIndex(rawIndex);
  return (
    <Page
      title="Ledger"
      subtitle="Every change is an event in an append-only Merkle tree with signed checkpoints: who did what, when, and about whom. Pick an event: your browser checks its proof itself."
      actions={
        <button type="button" class="btn" onClick={cp.reload}>
          Reload checkpoint
        </button>
      }
    >
      <p>
        <Link href="/ledger/evidence">Download an evidence bundle for an auditor</Link>
      </p>
      <Loading state={cp} label="the checkpoint">
        {(c) => (
          <>
            <div class="grid-2 ledger-top">
              <CheckpointCard c={c} />
              <PickEvent size={c.size} index={rawIndex} />
            </div>
            {rawIndex !== null && index === null && (
              <Alert kind="error">
                “{rawIndex}” is not an event index: use a whole number from 0 to {c.size - 1}.
              </Alert>
            )}
            {index !== null && index >= c.size && (
              <Alert kind="warn">
                Event #{index} is not covered by the signed checkpoint yet (it holds events #0 to #{c.size - 1}).
                Checkpoints are signed regularly: reload the checkpoint in a moment to check it.
              </Alert>
            )}
            {index !== null && index < c.size && (
              <EventCheck key={`${index}/${c.size}/${c.root_hash}`} c={c} index={index} />
            )}
            <LedgerLog selected={index} />
            <CompareCheckpoints />
          </>
        )}
      </Loading>
    </Page>
  );
}

// ---- the checkpoint ----

function CheckpointCard(props: { c: Checkpoint }) {
  const { c } = props;
  const [sig, setSig] = useState<NoteCheck | null>(null);
  useEffect(() => {
    let live = true;
    setSig(null);
    get<VerifierKeys>('/api/v1/ledger/keys')
      .then((keys) =>
        checkNote(
          c.note,
          keys.items.map((k) => k.verifier_key),
        ),
      )
      .then(
        (r) => live && setSig(r),
        (e) =>
          live &&
          setSig({ state: 'unsupported', detail: 'the verifier keys could not be read: ' + (e as Error).message }),
      );
    return () => {
      live = false;
    };
  }, [c.note]);
  return (
    <Section title="Signed checkpoint">
      <Facts
        items={[
          ['Origin', <code>{c.origin}</code>],
          ['Size', <>{c.size.toLocaleString('en-GB')} events</>],
          ['Root hash (SHA-256, base64)', <span class="hash">{c.root_hash}</span>],
        ]}
      />
      <p class="sig-check" role="status">
        {sig === null ? (
          <span class="muted">Checking the signature…</span>
        ) : sig.state === 'verified' ? (
          <>
            <span class="badge badge-ok">✓ Signature valid</span> Ed25519 {sig.detail}, a key recorded in the ledger.
          </>
        ) : sig.state === 'bad' ? (
          <>
            <span class="badge badge-bad">✗ Signature invalid</span> {sig.detail}.
          </>
        ) : (
          <>
            <span class="badge badge-muted">Signature not checked</span> {sig.detail}.
          </>
        )}
      </p>
      <details>
        <summary>The signed note (save it to check later checkpoints against it)</summary>
        <pre class="event note-text">{c.note}</pre>
      </details>
    </Section>
  );
}

// ---- choosing an event ----

function PickEvent(props: { size: number; index: string | null }) {
  const form = useForm({ index: props.index ?? '' });
  useEffect(() => {
    form.reset({ index: props.index ?? '' });
  }, [props.index]);
  const last = props.size - 1;
  return (
    <Section title="Check an event">
      <Form
        form={form}
        submitLabel="Check this event"
        label="Check an event"
        onSubmit={() =>
          form.submit(async (v) => {
            const i = parseIndex(v.index);
            if (i === null) {
              throw new ApiError(422, 'validation_failed', 'Invalid index', [
                { field: 'index', reason: `enter a whole number from 0 to ${last}` },
              ]);
            }
            if (i > last) {
              throw new ApiError(422, 'validation_failed', 'Invalid index', [
                { field: 'index', reason: `the signed checkpoint holds events #0 to #${last}` },
              ]);
            }
            const q = new URLSearchParams(window.location.search);
            q.set('index', String(i));
            navigate('/ledger?' + q.toString());
          })
        }
        secondary={
          <button
            type="button"
            class="btn"
            onClick={() => {
              const q = new URLSearchParams(window.location.search);
              q.set('index', String(last));
              navigate('/ledger?' + q.toString());
            }}
          >
            Newest event
          </button>
        }
      >
        <TextField
          form={form}
          name="index"
          label="Event index"
          inputMode="numeric"
          autocomplete="off"
          hint={<>0 is the first event, {last} the newest in the checkpoint.</>}
        />
      </Form>
    </Section>
  );
}

// ---- one event, checked ----

type Check =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | {
      phase: 'done';
      entry: Entry;
      leaf: Uint8Array;
      leafHash: string;
      proof: InclusionProof;
      verdict: Verdict;
      eventText: string;
    };

interface Tampered {
  offset: number;
  before: string;
  after: string;
  leafHash: string;
  verdict: Verdict;
}

function decodeLeaf(leaf: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(leaf);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function printable(b: number): string {
  return b >= 0x21 && b < 0x7f ? `“${String.fromCharCode(b)}”` : `0x${b.toString(16).padStart(2, '0')}`;
}

function EventCheck(props: { c: Checkpoint; index: number }) {
  const { c, index } = props;
  const [check, setCheck] = useState<Check>({ phase: 'loading' });
  const [tampered, setTampered] = useState<Tampered | null>(null);
  const [run, setRun] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const ctl = new AbortController();
    setCheck({ phase: 'loading' });
    setTampered(null);
    (async () => {
      const [entry, proof] = await Promise.all([
        get<Entry>(`/api/v1/ledger/entries/${index}`, undefined, ctl.signal),
        get<InclusionProof>(
          withQuery('/api/v1/ledger/proofs/inclusion', { index, size: c.size }),
          undefined,
          ctl.signal,
        ),
      ]);
      const leaf = fromBase64(entry.leaf);
      const leafHash = toBase64(await hashLeaf(leaf));
      const verdict = await verifyInclusion(index, c.size, leafHash, proof.proof, c.root_hash);
      return { entry, proof, leaf, leafHash, verdict, eventText: decodeLeaf(leaf) };
    })().then(
      (r) => {
        if (ctl.signal.aborted) return;
        setCheck({ phase: 'done', ...r });
      },
      (e) => {
        if (ctl.signal.aborted || (e as Error)?.name === 'AbortError') return;
        setCheck({ phase: 'error', message: (e as Error).message || String(e) });
      },
    );
    return () => ctl.abort();
  }, [index, c.size, c.root_hash, run]);

  // Bring keyboard and screen-reader users to the result when they pick another event.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (
        !document.activeElement ||
        document.activeElement === document.body ||
        document.activeElement.tagName === 'H1'
      )
        return;
    }
    heading.current?.focus();
  }, [index]);

  async function checkTampered() {
    if (check.phase !== 'done') return;
    const copy = Uint8Array.from(check.leaf);
    // Flip the lowest bit of a byte in the middle of the event (inside its JSON text).
    const offset = Math.floor(copy.length / 2);
    const before = copy[offset];
    copy[offset] ^= 0x01;
    const leafHash = toBase64(await hashLeaf(copy));
    const verdict = await verifyInclusion(index, c.size, leafHash, check.proof.proof, c.root_hash);
    setTampered({ offset, before: printable(before), after: printable(copy[offset]), leafHash, verdict });
  }

  const ev = check.phase === 'done' ? check.entry.event : undefined;
  return (
    <section class="card event-check" aria-labelledby="event-check-h">
      <div class="card-head">
        <h2 id="event-check-h" tabIndex={-1} ref={heading}>
          Event #{index}
          {ev?.type ? (
            <>
              {' '}
              · {eventWords(ev.type)} <code class="small">{ev.type}</code>
            </>
          ) : null}
        </h2>
        <div class="page-actions">
          <button type="button" class="btn" onClick={() => setRun((r) => r + 1)} disabled={check.phase === 'loading'}>
            Verify again
          </button>
          <button type="button" class="btn" onClick={checkTampered} disabled={check.phase !== 'done'}>
            Check a tampered copy
          </button>
        </div>
      </div>

      <div role="status" class="verdict-region">
        {check.phase === 'loading' && <p class="muted">Fetching event #{index} and its proof, then checking them…</p>}
        {check.phase === 'done' && (
          <div class={`verdict verdict-${check.verdict.ok ? 'ok' : 'bad'}`}>
            {check.verdict.ok ? (
              <>
                <span aria-hidden="true">✓ </span>Verified: event #{index} is included in the ledger of size {c.size}{' '}
                with root <span class="hash">{c.root_hash}</span>
              </>
            ) : (
              <>
                <span aria-hidden="true">✗ </span>Does NOT verify: event #{index} is not proven to be in the ledger of
                size {c.size} with root <span class="hash">{c.root_hash}</span> — {check.verdict.reason}.
              </>
            )}
          </div>
        )}
      </div>
      {check.phase === 'error' && (
        <Alert kind="error">
          Event #{index} could not be checked: {check.message}
        </Alert>
      )}

      <div role="status" class="verdict-region">
        {tampered && (
          <div class={`verdict verdict-${tampered.verdict.ok ? 'ok' : 'bad'} tampered`}>
            {tampered.verdict.ok ? (
              <>
                <span aria-hidden="true">⚠ </span>A tampered copy verified — this should never happen; report it.
              </>
            ) : (
              <>
                <span aria-hidden="true">✗ </span>Tampered copy does not verify: byte {tampered.offset} changed from{' '}
                {tampered.before} to {tampered.after}, so its leaf hash is <span class="hash">{tampered.leafHash}</span>{' '}
                and the proof leads to{' '}
                {tampered.verdict.computedRoot ? <span class="hash">{tampered.verdict.computedRoot}</span> : 'no root'},
                not the checkpoint's root.
              </>
            )}
          </div>
        )}
      </div>

      {check.phase === 'done' && (
        <>
          <Facts
            items={[
              ['When', ev?.time ? <DateText value={ev.time} time /> : undefined],
              [
                'Who',
                ev?.actor ? (
                  <>
                    {actorWords(check.entry)}
                    <div class="small muted id-text">{ev.actor.id}</div>
                  </>
                ) : undefined,
              ],
              ['About', ev?.subject ? <Subject e={check.entry} /> : undefined],
              ['Party', check.entry.party?.name ?? undefined],
              ['Leaf', <>{check.leaf.length.toLocaleString('en-GB')} bytes (RFC 8785 canonical JSON)</>],
            ]}
          />
          <h3>What it records</h3>
          {eventBody(ev?.payload).length ? (
            <Facts items={eventBody(ev?.payload).map((l): [string, string] => [l.label, l.text])} />
          ) : (
            <p class="muted">Nothing beyond who, what and when.</p>
          )}
          <details class="how">
            <summary>How your browser checked it</summary>
            <ol>
              <li>
                Leaf hash = SHA-256(0x00 ‖ the {check.leaf.length} leaf bytes) ={' '}
                <span class="hash">{check.leafHash}</span>
                {check.leafHash === check.entry.leaf_hash ? (
                  <span class="muted"> (the server's stored hash agrees)</span>
                ) : (
                  <strong> (the server's stored hash {check.entry.leaf_hash} differs!)</strong>
                )}
              </li>
              <li>
                The inclusion proof for index {index} in a tree of {c.size} has {check.proof.proof.length} hashes:
                <ol class="proof-list">
                  {check.proof.proof.map((h) => (
                    <li class="hash">{h}</li>
                  ))}
                </ol>
              </li>
              <li>
                Hashing up the path (node = SHA-256(0x01 ‖ left ‖ right), RFC 9162 §2.1.3.2) gives{' '}
                <span class="hash">{check.verdict.computedRoot ?? '—'}</span>
              </li>
              <li>
                The signed checkpoint's root is <span class="hash">{c.root_hash}</span>:{' '}
                {check.verdict.ok ? <strong>they are equal.</strong> : <strong>they differ.</strong>}
              </li>
            </ol>
          </details>
          <details class="raw-event">
            <summary>The event as recorded (JSON, decoded from the verified leaf bytes)</summary>
            <pre class="event" tabIndex={0} aria-label={`Event #${index} as JSON`}>
              {check.eventText}
            </pre>
          </details>
        </>
      )}
    </section>
  );
}
