// One due-diligence questionnaire (issue 28). The party's contact answers it here: drafts,
// documents, replies to follow-up questions, submission. Our reviewer reads it answer by
// answer beside last year's, records verdicts, asks follow-up questions, accepts or rejects and
// may apply the suggested risk tier.
import { useState } from 'preact/hooks';
import { describe, get, post, put } from '../api';
import { Link } from '../router';
import { useSession } from '../session';
import { Alert, Badge, DateText, Facts, Loading, Page, Section, useLoad } from '../ui';
import { contentTypeOf, uploadDocument } from './party/upload';
import {
  answerText,
  askedQuestions,
  STATUS_WORDS,
  type Answer,
  type Question,
  type Questionnaire,
} from './questionnaire-model';
import { AssignedTo, SectionAssignments } from './questionnaire-colleagues';
import './questionnaires.css';

export function QuestionnairePage(props: { id: string }) {
  const state = useLoad(
    (signal) => get<Questionnaire>(`/api/v1/questionnaires/${props.id}`, undefined, signal),
    [props.id],
  );
  const user = useSession().info.user;
  const vendor = user.role === 'third_party_contact';
  return (
    <Loading state={state} label="questionnaire">
      {(q) => (
        <Page
          title={q.title}
          subtitle={
            <>
              {STATUS_WORDS[q.status] || q.status} · due <DateText value={q.due_at} />
              {q.overdue && (
                <>
                  {' '}
                  <Badge value="overdue" />
                </>
              )}
            </>
          }
        >
          {vendor && <SectionAssignments q={q} me={user.id} onChange={state.reload} />}
          {vendor ? <AnswerForm q={q} me={user.id} reload={state.reload} /> : <Review q={q} reload={state.reload} />}
        </Page>
      )}
    </Loading>
  );
}

// ---- the party's side ----

function AnswerForm(props: { q: Questionnaire; me: string; reload: () => void }) {
  const { q } = props;
  const editable = (q.allowed_actions || []).includes('save');
  const initial: Record<string, Answer> = {};
  for (const a of q.answers || []) initial[a.question] = a;
  const [answers, setAnswers] = useState<Record<string, Answer>>(initial);
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const values: Record<string, string> = {};
  for (const [k, a] of Object.entries(answers)) values[k] = a.value || '';
  const asked = askedQuestions(q.sections || [], values);
  const openFollowUps = (q.follow_ups || []).filter((f) => !f.replied_at);

  const set = (id: string, change: Partial<Answer>) =>
    setAnswers((all) => ({ ...all, [id]: { ...(all[id] || { question: id }), ...change } }));

  async function upload(question: Question, file: File | undefined) {
    if (!file) return;
    try {
      const doc = await uploadDocument(q.party_id, file, file.name, contentTypeOf(file));
      set(question.id, { document_ids: [...(answers[question.id]?.document_ids || []), doc.id] });
      setNotice({ kind: 'ok', text: `${file.name} is attached.` });
    } catch (e) {
      setNotice({ kind: 'error', text: describe(e) });
    }
  }

  async function run(submit: boolean) {
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const body = {
        answers: Object.values(answers)
          .filter((a) => asked.has(a.question))
          // An unanswered value is left out (the API refuses an empty one); documents stand alone.
          .map((a) => ({
            question: a.question,
            ...(a.value ? { value: a.value } : {}),
            document_ids: a.document_ids || [],
          })),
        replies: Object.entries(replies)
          .filter(([, text]) => text.trim())
          .map(([question, text]) => ({ question, text })),
      };
      await put(`/api/v1/questionnaires/${q.id}/answers`, body);
      if (submit) await post(`/api/v1/questionnaires/${q.id}/actions`, { action: 'submit' });
      setNotice({ kind: 'ok', text: submit ? 'Your answers are submitted. Thank you.' : 'Your draft is saved.' });
      props.reload();
    } catch (e) {
      const err = e as { details?: { field: string; reason: string }[] };
      const map: Record<string, string> = {};
      for (const d of err.details || []) map[d.field.replace(/^(answers|replies)\./, '')] = d.reason;
      setErrors(map);
      setNotice({ kind: 'error', text: describe(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="questionnaire"
      aria-label="Answers"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void run(true);
      }}
    >
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {!editable && <Alert kind="info">These answers are submitted; our reviewer will get back to you.</Alert>}
      {openFollowUps.length > 0 && (
        <Section title="Follow-up questions">
          {openFollowUps.map((f) => (
            <div class="field">
              <label for={`reply-${f.question}`}>
                {f.text} <span class="muted">(on “{questionText(q, f.question)}”)</span>
              </label>
              <textarea
                id={`reply-${f.question}`}
                rows={2}
                value={replies[f.question] ?? f.reply ?? ''}
                disabled={!editable}
                onInput={(e) => setReplies((r) => ({ ...r, [f.question]: (e.target as HTMLTextAreaElement).value }))}
              />
              {errors[f.question] && <p class="field-error">{errors[f.question]}</p>}
            </div>
          ))}
        </Section>
      )}
      {(q.sections || []).map((s, si) => (
        <Section title={s.title} id={`qs-${si}`}>
          <AssignedTo q={q} section={si} me={props.me} />
          {s.questions
            .filter((x) => asked.has(x.id))
            .map((x) => (
              <QuestionField
                q={x}
                answer={answers[x.id]}
                error={errors[x.id]}
                disabled={!editable}
                onValue={(v) => set(x.id, { value: v })}
                onFile={(f) => upload(x, f)}
              />
            ))}
        </Section>
      ))}
      {editable && (
        <div class="form-actions sticky-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? 'Working…' : 'Submit answers'}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={() => void run(false)}>
            Save draft
          </button>
        </div>
      )}
    </form>
  );
}

function questionText(q: Questionnaire, id: string): string {
  for (const s of q.sections || []) for (const x of s.questions) if (x.id === id) return x.text;
  return id;
}

function QuestionField(props: {
  q: Question;
  answer?: Answer;
  error?: string;
  disabled: boolean;
  onValue: (v: string) => void;
  onFile: (f: File | undefined) => void;
}) {
  const { q } = props;
  const id = `q-${q.id}`;
  const value = props.answer?.value || '';
  const hint = q.help ? (
    <p class="hint" id={id + '-hint'}>
      {q.help}
    </p>
  ) : null;
  const err = props.error ? (
    <p class="field-error" id={id + '-error'}>
      {props.error}
    </p>
  ) : null;
  const label = (
    <>
      {q.text}
      {q.required && <span aria-hidden="true"> *</span>}
    </>
  );
  const options = q.type === 'yes_no' ? ['yes', 'no', 'n/a'] : q.type === 'choice' ? q.choices || [] : null;
  if (options) {
    return (
      <fieldset class={`field question${err ? ' field-invalid' : ''}`} id={id}>
        <legend>{label}</legend>
        {hint}
        <div class="choices">
          {options.map((o) => (
            <label class="choice">
              <input
                type="radio"
                name={id}
                value={o}
                checked={value === o}
                disabled={props.disabled}
                onChange={() => props.onValue(o)}
              />{' '}
              {o === 'n/a' ? 'Not applicable' : o === 'yes' ? 'Yes' : o === 'no' ? 'No' : o}
            </label>
          ))}
        </div>
        {err}
      </fieldset>
    );
  }
  if (q.type === 'file') {
    const n = props.answer?.document_ids?.length || 0;
    return (
      <div class={`field question${err ? ' field-invalid' : ''}`}>
        <label for={id}>{label}</label>
        {hint}
        <input
          id={id}
          type="file"
          disabled={props.disabled}
          onChange={(e) => props.onFile((e.target as HTMLInputElement).files?.[0])}
        />
        <p class="muted">{n ? `${n} document(s) attached` : 'No document attached yet'}</p>
        {err}
      </div>
    );
  }
  return (
    <div class={`field question${err ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint}
      {q.type === 'text' ? (
        <textarea
          id={id}
          rows={2}
          value={value}
          disabled={props.disabled}
          aria-invalid={err ? 'true' : undefined}
          onInput={(e) => props.onValue((e.target as HTMLTextAreaElement).value)}
        />
      ) : (
        <input
          id={id}
          type="date"
          value={value}
          disabled={props.disabled}
          aria-invalid={err ? 'true' : undefined}
          onInput={(e) => props.onValue((e.target as HTMLInputElement).value)}
        />
      )}
      {err}
    </div>
  );
}

// ---- our review ----

function Review(props: { q: Questionnaire; reload: () => void }) {
  const { q } = props;
  const allowed = new Set(q.allowed_actions || []);
  const [verdicts, setVerdicts] = useState<Record<string, string>>(() => {
    const v: Record<string, string> = {};
    for (const r of q.reviews || []) v[r.question] = r.verdict;
    return v;
  });
  const [asks, setAsks] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const answers: Record<string, Answer> = {};
  for (const a of q.answers || []) answers[a.question] = a;
  const previous: Record<string, Answer> = {};
  for (const a of q.previous_answers || []) previous[a.question] = a;
  const changed = new Set(q.changed_since_previous || []);
  const values: Record<string, string> = {};
  for (const a of q.answers || []) values[a.question] = a.value || '';
  const asked = askedQuestions(q.sections || [], values);
  const knockouts = new Set(q.score?.knockouts || []);

  async function act(action: string, extra: Record<string, unknown> = {}) {
    setBusy(true);
    setNotice(null);
    try {
      const body: Record<string, unknown> = { action, ...extra };
      const v = Object.entries(verdicts).map(([question, verdict]) => ({ question, verdict }));
      if (v.length && ['review', 'accept', 'reject', 'ask'].includes(action)) body.verdicts = v;
      await post(`/api/v1/questionnaires/${q.id}/actions`, body);
      setNotice({ kind: 'ok', text: DONE[action] || 'Done.' });
      setAsks({});
      props.reload();
    } catch (e) {
      setNotice({ kind: 'error', text: describe(e) });
    } finally {
      setBusy(false);
    }
  }

  const askList = Object.entries(asks)
    .filter(([, t]) => t.trim())
    .map(([question, text]) => ({ question, text }));
  return (
    <>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <Section title="Summary">
        <Facts
          items={[
            ['Sent to', q.contact ? `${q.contact.name}${q.contact.email ? ' · ' + q.contact.email : ''}` : ''],
            ['Party', <Link href={`/parties/${q.party_id}`}>Open the party</Link>],
            ['Submitted', q.submitted_at ? <DateText value={q.submitted_at} time /> : ''],
            ['Answers fingerprint', q.answers_sha256 ? <code class="hash">{q.answers_sha256.slice(0, 16)}…</code> : ''],
            ['Score', q.score ? `${q.score.score}% (${q.score.earned} of ${q.score.possible})` : ''],
            ['Suggested risk tier', q.score ? <Badge value={q.score.suggested_tier} /> : ''],
            ['Knockout answers', q.score ? String(q.score.knockouts.length) : ''],
            ['Applied tier', q.tier_override ? `${q.tier_override.tier} (computed: ${q.tier_override.computed})` : ''],
            ['Changed since last year', q.previous_id ? String(changed.size) : ''],
            [
              'Due diligence record',
              q.due_diligence_id ? <Link href={`/parties/${q.party_id}#due-diligence`}>Recorded</Link> : '',
            ],
          ]}
        />
      </Section>
      {(q.follow_ups || []).length > 0 && (
        <Section title="Follow-up questions">
          <ul class="follow-ups">
            {(q.follow_ups || []).map((f) => (
              <li>
                <strong>{f.text}</strong> <span class="muted">on “{questionText(q, f.question)}”</span>
                <br />
                {f.reply ? <>Reply: {f.reply}</> : <span class="muted">No reply yet</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {(q.sections || []).map((s, si) => (
        <Section title={s.title} id={`qr-${si}`}>
          <AssignedTo q={q} section={si} />
          <table class="table answers-table">
            <caption class="sr-only">Answers in {s.title}</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
                {q.previous_id && <th scope="col">Last year</th>}
                <th scope="col">Verdict</th>
                {allowed.has('ask') && <th scope="col">Follow-up question</th>}
              </tr>
            </thead>
            <tbody>
              {s.questions
                .filter((x) => asked.has(x.id))
                .map((x) => (
                  <tr class={changed.has(x.id) ? 'changed' : undefined}>
                    <td>
                      {x.text}
                      {x.citations?.length ? <span class="tag"> {x.citations.join(', ')}</span> : null}
                    </td>
                    <td>
                      {answerText(answers[x.id]) || <span class="muted">—</span>}
                      {knockouts.has(x.id) && (
                        <>
                          {' '}
                          <Badge value="knockout" tone="bad" label="Knockout" />
                        </>
                      )}
                      {changed.has(x.id) && (
                        <>
                          {' '}
                          <Badge value="changed" tone="warn" label="Changed" />
                        </>
                      )}
                    </td>
                    {q.previous_id && <td>{answerText(previous[x.id]) || <span class="muted">—</span>}</td>}
                    <td>
                      <select
                        aria-label={`Verdict on: ${x.text}`}
                        value={verdicts[x.id] || ''}
                        disabled={!allowed.has('review')}
                        onChange={(e) => setVerdicts((v) => ({ ...v, [x.id]: (e.target as HTMLSelectElement).value }))}
                      >
                        <option value="">Not reviewed</option>
                        <option value="ok">Acceptable</option>
                        <option value="concern">A concern</option>
                        <option value="unacceptable">Unacceptable</option>
                      </select>
                    </td>
                    {allowed.has('ask') && (
                      <td>
                        <input
                          type="text"
                          aria-label={`Follow-up question on: ${x.text}`}
                          value={asks[x.id] || ''}
                          onInput={(e) => setAsks((a) => ({ ...a, [x.id]: (e.target as HTMLInputElement).value }))}
                        />
                      </td>
                    )}
                  </tr>
                ))}
            </tbody>
          </table>
        </Section>
      ))}
      {(allowed.has('accept') || allowed.has('apply_tier')) && (
        <Section title="Decision">
          <div class="field">
            <label for="decision-note">Note for the record</label>
            <textarea
              id="decision-note"
              rows={2}
              value={note}
              onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
            />
          </div>
          <div class="form-actions">
            {allowed.has('review') && (
              <button type="button" class="btn" disabled={busy} onClick={() => void act('review')}>
                Save verdicts
              </button>
            )}
            {allowed.has('ask') && (
              <button
                type="button"
                class="btn"
                disabled={busy || askList.length === 0}
                onClick={() => void act('ask', { questions: askList })}
              >
                Ask {askList.length || ''} follow-up question{askList.length === 1 ? '' : 's'}
              </button>
            )}
            {allowed.has('accept') && (
              <button
                type="button"
                class="btn btn-primary"
                disabled={busy}
                onClick={() => void act('accept', note ? { note } : {})}
              >
                Accept
              </button>
            )}
            {allowed.has('reject') && (
              <button
                type="button"
                class="btn btn-danger"
                disabled={busy}
                onClick={() => void act('reject', note ? { note } : {})}
              >
                Reject
              </button>
            )}
            {allowed.has('apply_tier') && q.score && (
              <button
                type="button"
                class="btn"
                disabled={busy}
                onClick={() => void act('apply_tier', note ? { note } : {})}
              >
                Apply the suggested risk tier ({q.score.suggested_tier})
              </button>
            )}
          </div>
        </Section>
      )}
    </>
  );
}

const DONE: Record<string, string> = {
  review: 'Your verdicts are saved.',
  ask: 'The follow-up questions are sent to the party.',
  accept: "Accepted: the party's due diligence is recorded.",
  reject: "Rejected: the party's due diligence is recorded as failed.",
  apply_tier: "The party's risk tier is set, recorded as an override.",
};
