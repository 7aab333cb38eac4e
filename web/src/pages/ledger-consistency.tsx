// Two signed checkpoints compared in the browser: the server's consistency proof is checked
// here (RFC 9162 2.1.4.2, lib/merkle.ts) against the two roots, and each checkpoint's signed
// note against the keys recorded in the ledger, so a person sees for themselves that the later
// ledger only added events to the earlier one: nothing recorded before was changed or removed.
import { useState } from 'preact/hooks';
import { ApiError, get, withQuery, type ApiResponse } from '../api';
import { verifyConsistency, type Verdict } from '../lib/merkle';
import { Alert, Form, Loading, Section, SelectField, formatDate, useForm, useLoad } from '../ui';
import { checkNote, type NoteCheck } from './ledger-note';

type Checkpoints = ApiResponse<'/api/v1/ledger/checkpoints'>;
type Stored = Checkpoints['items'][number];
type ConsistencyProof = ApiResponse<'/api/v1/ledger/proofs/consistency'>;
type VerifierKeys = ApiResponse<'/api/v1/ledger/keys'>;

interface Result {
  older: Stored;
  newer: Stored;
  proof: string[];
  verdict: Verdict;
  notes: [NoteCheck, NoteCheck];
  // The size and root each note signs agree with the list's.
  notesMatch: boolean;
}

// The size and root a checkpoint note signs (C2SP tlog-checkpoint: origin, size, root).
function signedTree(note: string): { size: number; root: string } | null {
  const lines = note.split('\n');
  if (lines.length < 3 || !/^\d+$/.test(lines[1])) return null;
  return { size: Number(lines[1]), root: lines[2] };
}

function label(c: Stored): string {
  return `${c.size.toLocaleString('en-GB')} events · signed ${formatDate(c.created_at, true)}`;
}

export function CompareCheckpoints() {
  const list = useLoad((signal) => get<Checkpoints>('/api/v1/ledger/checkpoints', { limit: 100 }, signal), []);
  return (
    <Section title="Compare two checkpoints" id="compare-checkpoints">
      <p class="muted">
        A later checkpoint must contain everything an earlier one signed. Pick two: your browser checks the proof that
        the later ledger only added events to the earlier one.
      </p>
      <Loading state={list} label="the checkpoints">
        {(page) => {
          const usable = page.items.filter((c) => c.size > 0);
          return usable.length < 2 ? (
            <p class="empty">
              There is only one signed checkpoint so far. Checkpoints are signed as the ledger grows: come back later.
            </p>
          ) : (
            <CompareForm checkpoints={usable} />
          );
        }}
      </Loading>
    </Section>
  );
}

function CompareForm(props: { checkpoints: Stored[] }) {
  const cps = props.checkpoints;
  const form = useForm({ older: String(cps[cps.length - 1].size), newer: String(cps[0].size) });
  const [result, setResult] = useState<Result | null>(null);
  const options = cps.map((c) => ({ value: String(c.size), label: label(c) }));
  const bySize = (s: string) => cps.find((c) => String(c.size) === s);

  return (
    <>
      <Form
        form={form}
        label="Compare two checkpoints"
        submitLabel="Check they are consistent"
        onSubmit={() =>
          form.submit(async (v) => {
            setResult(null);
            const older = bySize(v.older);
            const newer = bySize(v.newer);
            if (!older || !newer) throw new ApiError(422, 'validation_failed', 'Pick two checkpoints', []);
            if (older.size >= newer.size) {
              throw new ApiError(422, 'validation_failed', 'Invalid pair', [
                { field: 'newer', reason: 'pick a checkpoint with more events than the earlier one' },
              ]);
            }
            const [proof, keys] = await Promise.all([
              get<ConsistencyProof>(
                withQuery('/api/v1/ledger/proofs/consistency', { from: older.size, to: newer.size }),
              ),
              get<VerifierKeys>('/api/v1/ledger/keys'),
            ]);
            const vkeys = keys.items.map((k) => k.verifier_key);
            const verdict = await verifyConsistency(
              older.size,
              newer.size,
              proof.proof,
              older.root_hash,
              newer.root_hash,
            );
            const notes = (await Promise.all([checkNote(older.note, vkeys), checkNote(newer.note, vkeys)])) as [
              NoteCheck,
              NoteCheck,
            ];
            const notesMatch = [older, newer].every((c) => {
              const t = signedTree(c.note);
              return !!t && t.size === c.size && t.root === c.root_hash;
            });
            setResult({ older, newer, proof: proof.proof, verdict, notes, notesMatch });
          })
        }
      >
        <div class="grid-2">
          <SelectField form={form} name="older" label="Earlier checkpoint" options={options} />
          <SelectField form={form} name="newer" label="Later checkpoint" options={options} />
        </div>
      </Form>
      <div role="status" class="verdict-region">
        {result && <Verdict r={result} />}
      </div>
    </>
  );
}

function Verdict(props: { r: Result }) {
  const { older, newer, verdict, notes, notesMatch, proof } = props.r;
  const signed = notes.every((n) => n.state === 'verified');
  const ok = verdict.ok && notesMatch && notes.every((n) => n.state !== 'bad');
  return (
    <div class="consistency-result">
      <div class={`verdict verdict-${ok ? 'ok' : 'bad'} consistency-verdict`}>
        {ok ? (
          <>
            <span aria-hidden="true">✓ </span>Consistent: the ledger of {newer.size.toLocaleString('en-GB')} events
            contains the ledger of {older.size.toLocaleString('en-GB')} events unchanged. Nothing recorded before was
            changed or removed.
          </>
        ) : (
          <>
            <span aria-hidden="true">✗ </span>Not proven consistent:{' '}
            {verdict.ok ? 'a signed note disagrees' : verdict.reason}.
          </>
        )}
      </div>
      {!signed && ok && (
        <Alert kind="warn">
          The proof holds, but this browser could not check both signatures ({notes.map((n) => n.detail).join('; ')}).
        </Alert>
      )}
      <details class="how">
        <summary>How your browser checked it</summary>
        <ol>
          <li>
            The earlier checkpoint signs {older.size} events with root <span class="hash">{older.root_hash}</span>;{' '}
            {notes[0].state === 'verified' ? 'its signature is valid' : `its signature: ${notes[0].detail}`}.
          </li>
          <li>
            The later checkpoint signs {newer.size} events with root <span class="hash">{newer.root_hash}</span>;{' '}
            {notes[1].state === 'verified' ? 'its signature is valid' : `its signature: ${notes[1].detail}`}.
          </li>
          <li>
            The consistency proof has {proof.length} hashes:
            <ol class="proof-list">
              {proof.map((h) => (
                <li class="hash">{h}</li>
              ))}
            </ol>
          </li>
          <li>
            Hashing them as RFC 9162 §2.1.4.2 says rebuilds both roots from the proof:{' '}
            {verdict.ok ? <strong>both match.</strong> : <strong>they do not match ({verdict.reason}).</strong>}
          </li>
        </ol>
      </details>
    </div>
  );
}
