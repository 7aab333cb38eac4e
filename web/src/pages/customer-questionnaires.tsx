// Answering our customers (issue 28, part 5): customers' questionnaires imported in their own
// layout (CSV, or an Excel workbook converted in the browser), each question with the
// library's best answers, confirmed or edited by an officer, then downloaded in the customer's
// layout and shared with the customer while its NDA is in force. A customer's contact sees its
// own shared questionnaires and downloads them.
import { useState } from 'preact/hooks';
import { csrfHeaders, describe, get, post, request } from '../api';
import { Table } from '../components/table';
import { Link, navigate } from '../router';
import { isOfficer, useSession } from '../session';
import { Alert, Badge, DateText, Empty, Facts, Loading, Page, Section, useLoad } from '../ui';
import { type TrustLink, TrustLinks } from './customer-questionnaire-trust';
import './review.css';

interface Suggestion {
  answer_id: string;
  version: number;
  question: string;
  score: number;
}
interface Row {
  row: number;
  line: number;
  cells: string[];
  question: string;
  answer: string | null;
  suggestions?: Suggestion[];
  answer_id?: string | null;
  edited?: boolean;
}
interface Questionnaire {
  id: string;
  party_id: string;
  party_name: string;
  name: string;
  status: 'open' | 'completed' | 'shared';
  answer_column: string;
  question_column: string;
  rows: number;
  questions: number;
  answered: number;
  created_at: string;
  shared_at: string | null;
  nda_in_force: boolean;
  allowed_actions: string[];
  items?: Row[];
  trust_links?: TrustLink[];
}
interface Party {
  id: string;
  name: string;
  kind: string;
}

const STATUS: Record<string, string> = { open: 'Being answered', completed: 'Completed', shared: 'Shared' };
const ACTIONS: Record<string, string> = {
  complete: 'Mark completed',
  reopen: 'Reopen',
  share: 'Share with the customer',
  unshare: 'Stop sharing',
};
const BASE = '/api/v1/customer-questionnaires';

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The workforce reads the export; a customer's contact downloads (the download is recorded).
async function downloadCsv(q: Questionnaire, contact: boolean) {
  const path = `${BASE}/${encodeURIComponent(q.id)}/${contact ? 'download' : 'export.csv'}`;
  const res = await fetch(path, {
    method: contact ? 'POST' : 'GET',
    headers: contact ? csrfHeaders() : {},
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message || 'The download failed.');
  }
  download(await res.blob(), `${q.name}.csv`);
}

function ImportForm(props: { onDone: (id: string) => void }) {
  const parties = useLoad((signal) => get<{ items: Party[] }>('/api/v1/parties', { limit: 500 }, signal), []);
  const [party, setParty] = useState('');
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!party || !name.trim() || !file)
      return setError('Choose the customer, name the questionnaire and choose its file.');
    setBusy(true);
    setError('');
    try {
      const excel = /\.xlsx$/i.test(file.name);
      const csv = excel ? await (await import('./customer-questionnaire-xlsx')).workbookToCsv(file) : await file.text();
      const q = await request<Questionnaire>('POST', BASE, undefined, {
        query: { party_id: party, name: name.trim() },
        raw: csv,
        contentType: 'text/csv',
      });
      props.onDone(q.id);
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  const customers = (parties.data?.items || []).filter((p) => p.kind === 'customer' || p.kind === 'partner');
  return (
    <form onSubmit={submit} class="stack">
      <label for="cq-party">Customer</label>
      <select id="cq-party" value={party} onChange={(e) => setParty((e.target as HTMLSelectElement).value)}>
        <option value="">Choose a customer…</option>
        {customers.map((p) => (
          <option value={p.id} key={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label for="cq-name">Name</label>
      <input id="cq-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <label for="cq-file">The customer's file (CSV or Excel workbook)</label>
      <input
        id="cq-file"
        type="file"
        accept=".csv,.xlsx,text/csv"
        onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] || null)}
      />
      <div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          Import and match
        </button>
      </div>
      {error && (
        <div role="alert" class="field-error">
          {error}
        </div>
      )}
    </form>
  );
}

export function CustomerQuestionnaires() {
  const role = useSession().info.user.role;
  const contact = role === 'third_party_contact';
  const list = useLoad((signal) => get<{ items: Questionnaire[] }>(BASE, { limit: 200 }, signal), []);
  return (
    <Page
      title="Customer questionnaires"
      subtitle={
        contact
          ? 'Security questionnaires we have answered for your organisation.'
          : 'Security questionnaires our customers sent us, answered from our approved answers.'
      }
      actions={!contact && <Link href="/answer-library">Our approved answers</Link>}
    >
      {isOfficer(role) && (
        <Section title="Import a questionnaire">
          <ImportForm onDone={(id) => navigate(`/customer-questionnaires/${id}`)} />
        </Section>
      )}
      <Section title="Questionnaires">
        <Loading state={list} label="questionnaires">
          {(d) =>
            d.items.length === 0 ? (
              <Empty>No questionnaires yet.</Empty>
            ) : (
              <Table
                caption="Questionnaires"
                captionClass="visually-hidden"
                columns={['Name', 'Customer', 'Status', 'Answered']}
              >
                {d.items.map((q) => (
                  <tr key={q.id}>
                    <td>
                      <Link href={`/customer-questionnaires/${q.id}`}>{q.name}</Link>
                    </td>
                    <td>{q.party_name}</td>
                    <td>
                      <Badge value={q.status} label={STATUS[q.status]} />
                    </td>
                    <td>
                      {q.answered} of {q.questions}
                    </td>
                  </tr>
                ))}
              </Table>
            )
          }
        </Loading>
      </Section>
    </Page>
  );
}

function AnswerRow(props: { q: Questionnaire; r: Row; officer: boolean; onSaved: () => void }) {
  const { q, r } = props;
  const [text, setText] = useState(r.answer || '');
  const [error, setError] = useState('');
  const save = async (body: Record<string, unknown>) => {
    setError('');
    try {
      await post(`${BASE}/${encodeURIComponent(q.id)}/actions`, {
        action: 'answer',
        answers: [{ row: r.row, ...body }],
      });
      props.onSaved();
    } catch (err) {
      setError(describe(err));
    }
  };
  const editable = props.officer && q.allowed_actions.includes('answer');
  const id = `answer-${r.row}`;
  return (
    <tr>
      <td>{r.cells[0]}</td>
      <td>{r.question}</td>
      <td>
        {(r.suggestions || []).map((s) => (
          <div key={s.answer_id} class="suggestion">
            <span>
              {s.question} <span class="muted">(match {Math.round(s.score * 100)}%)</span>
            </span>{' '}
            {editable && (
              <button type="button" class="btn" onClick={() => save({ answer_id: s.answer_id })}>
                Use
                <span class="visually-hidden"> for row {r.row}</span>
              </button>
            )}
          </div>
        ))}
        {!r.suggestions?.length && props.officer && <span class="muted">No approved answer is close</span>}
      </td>
      <td>
        {editable ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save({ answer: text, ...(r.answer_id ? { answer_id: r.answer_id } : {}) });
            }}
          >
            <label for={id} class="visually-hidden">
              Answer to row {r.row}
            </label>
            <textarea id={id} rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
            <button type="submit" class="btn">
              Save<span class="visually-hidden"> row {r.row}</span>
            </button>
            {r.edited && <span class="muted"> Written by hand</span>}
          </form>
        ) : (
          r.answer || <span class="muted">Not answered yet</span>
        )}
        {error && (
          <div role="alert" class="field-error">
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}

function Downloads(props: { q: Questionnaire; contact: boolean }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const excel = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const xlsx = await import('./customer-questionnaire-xlsx');
      const rows = (props.q.items || []).map((r) => ({ row: r.row, answer: r.answer }));
      download(
        await xlsx.fillWorkbook(file, props.q.answer_column, rows),
        file.name.replace(/\.xlsx$/i, '') + ' (answered).xlsx',
      );
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stack">
      <div>
        <button
          type="button"
          class="btn"
          onClick={() => downloadCsv(props.q, props.contact).catch((err) => setError(describe(err)))}
        >
          Download as CSV
        </button>
      </div>
      <label for="cq-workbook">Fill the customer's Excel workbook (choose the file they sent)</label>
      <input id="cq-workbook" type="file" accept=".xlsx" disabled={busy} onChange={excel} />
      {error && (
        <div role="alert" class="field-error">
          {error}
        </div>
      )}
    </div>
  );
}

export function CustomerQuestionnairePage(props: { id: string }) {
  const role = useSession().info.user.role;
  const officer = isOfficer(role);
  const state = useLoad(
    (signal) => get<Questionnaire>(`${BASE}/${encodeURIComponent(props.id)}`, undefined, signal),
    [props.id],
  );
  const [error, setError] = useState('');
  const act = async (body: Record<string, unknown>) => {
    setError('');
    try {
      await post(`${BASE}/${encodeURIComponent(props.id)}/actions`, body);
      state.reload();
    } catch (err) {
      setError(describe(err));
    }
  };
  return (
    <Loading state={state} label="the questionnaire">
      {(q) => (
        <Page title={q.name} subtitle={`From ${q.party_name}`}>
          <Section title="Summary">
            <Facts
              items={[
                ['Status', <Badge value={q.status} label={STATUS[q.status]} />],
                ['Answered', `${q.answered} of ${q.questions} questions`],
                ['Imported', <DateText value={q.created_at} />],
                ['NDA with the customer', q.nda_in_force ? 'In force' : 'None in force'],
                ['Shared', q.shared_at ? <DateText value={q.shared_at} /> : 'No'],
              ]}
            />
            {officer && (
              <div class="page-actions">
                {q.allowed_actions.includes('answer') && (
                  <button type="button" class="btn" onClick={() => act({ action: 'answer', accept_suggestions: 0.2 })}>
                    Use every close match
                  </button>
                )}
                {q.allowed_actions
                  .filter((a) => ACTIONS[a])
                  .map((a) => (
                    <button type="button" class="btn" key={a} onClick={() => act({ action: a })}>
                      {ACTIONS[a]}
                    </button>
                  ))}
              </div>
            )}
            {error && <Alert kind="error">{error}</Alert>}
          </Section>
          {role === 'third_party_contact' && !q.nda_in_force && (
            <Alert kind="warn">
              The non-disclosure agreement between your organisation and us is no longer in force, so this questionnaire
              cannot be downloaded. Ask us for a new one.
            </Alert>
          )}
          <Section title="Download">
            <Downloads q={q} contact={role === 'third_party_contact'} />
          </Section>
          {officer && (
            <Section title="Share through the trust center">
              <TrustLinks
                id={q.id}
                partyId={q.party_id}
                shared={q.status === 'shared'}
                links={q.trust_links || []}
                onSent={state.reload}
              />
            </Section>
          )}
          <Section title="Questions">
            <Table
              caption="Questions and answers"
              captionClass="visually-hidden"
              columns={['Ref', 'Question', officer ? 'Suggested answers' : '', 'Answer']}
            >
              {(q.items || [])
                .filter((r) => r.question)
                .map((r) => (
                  <AnswerRow key={`${r.row}-${r.answer}`} q={q} r={r} officer={officer} onSaved={state.reload} />
                ))}
            </Table>
          </Section>
        </Page>
      )}
    </Loading>
  );
}

interface LibraryAnswer {
  id: string;
  question: string;
  answer: string;
  status: string;
  version: number;
  evidence: { kind: string; id: string; title: string }[];
  approved_at: string | null;
  allowed_actions: string[];
}

export function AnswerLibrary() {
  const role = useSession().info.user.role;
  const list = useLoad(
    (signal) => get<{ items: LibraryAnswer[] }>('/api/v1/answer-library', { limit: 2000 }, signal),
    [],
  );
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState('');
  const run = async (path: string, body: Record<string, unknown>) => {
    setError('');
    try {
      await post(path, body);
      list.reload();
      return true;
    } catch (err) {
      setError(describe(err));
      return false;
    }
  };
  return (
    <Page title="Our approved answers" subtitle="What we answer when customers ask, with the evidence behind it.">
      {isOfficer(role) && (
        <Section title="Write an answer">
          <form
            class="stack"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await run('/api/v1/answer-library', { question, answer })) {
                setQuestion('');
                setAnswer('');
              }
            }}
          >
            <label for="al-question">Question</label>
            <input
              id="al-question"
              value={question}
              onInput={(e) => setQuestion((e.target as HTMLInputElement).value)}
            />
            <label for="al-answer">Our answer</label>
            <textarea
              id="al-answer"
              rows={3}
              value={answer}
              onInput={(e) => setAnswer((e.target as HTMLTextAreaElement).value)}
            />
            <div>
              <button type="submit" class="btn btn-primary">
                Save as a draft
              </button>
            </div>
          </form>
        </Section>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      <Section title="Answers">
        <Loading state={list} label="answers">
          {(d) =>
            d.items.length === 0 ? (
              <Empty>No answers yet.</Empty>
            ) : (
              <Table
                caption="Approved answers"
                captionClass="visually-hidden"
                columns={['Question', 'Answer', 'Evidence', 'Status', '']}
              >
                {d.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/answer-library/${a.id}`}>{a.question}</Link>
                    </td>
                    <td>{a.answer}</td>
                    <td>{a.evidence.map((e) => e.title || e.id).join('; ') || <span class="muted">None</span>}</td>
                    <td>
                      <Badge
                        value={a.status}
                        label={`${a.status === 'approved' ? 'Approved' : a.status === 'draft' ? 'Draft' : 'Retired'} (version ${a.version})`}
                      />
                    </td>
                    <td>
                      {a.allowed_actions
                        .filter((x) => x !== 'revise')
                        .map((x) => (
                          <button
                            type="button"
                            class="btn"
                            key={x}
                            onClick={() =>
                              run(`/api/v1/answer-library/${encodeURIComponent(a.id)}/actions`, { action: x })
                            }
                          >
                            {x === 'approve' ? 'Approve' : 'Retire'}
                            <span class="visually-hidden"> {a.question}</span>
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
    </Page>
  );
}
