// One answer of our library (issue 28, part 5): the answer, its evidence in plain words (the
// file's name or the record's title, when it was added and by whom), and its versions. Officers
// attach a file, replace one with a newer file, or remove a link: each change is a new version,
// a draft that customers' questionnaires are not matched to until it is approved again.
import { useState } from 'preact/hooks';
import { describe, get, post, request } from '../api';
import { Table } from '../components/table';
import { Link } from '../router';
import { isOfficer, useSession } from '../session';
import { Alert, Badge, DateText, Empty, Facts, Loading, Page, Section, useLoad } from '../ui';
import { contentTypeOf } from './party/upload';

interface Actor {
  id: string;
  role: string;
  name?: string;
}
interface Evidence {
  kind: 'document' | 'certification' | 'control';
  id: string;
  title: string;
  note: string;
  added_at?: string;
  added_by?: Actor;
}
interface Version {
  version: number;
  status: string;
  answer: string;
  ledger_index: number;
}
interface Answer {
  id: string;
  question: string;
  answer: string;
  status: 'draft' | 'approved' | 'retired';
  version: number;
  evidence: Evidence[];
  approved_at: string | null;
  approved_by: Actor | null;
  allowed_actions: string[];
  versions: Version[];
}

const STATUS: Record<string, string> = { draft: 'Draft', approved: 'Approved', retired: 'Retired' };
const BASE = '/api/v1/answer-library';

function what(e: Evidence): string {
  if (e.kind === 'document') return `File ${e.title || e.id}`;
  if (e.kind === 'certification') return `Our certification ${e.title || e.id}`;
  return `HIPAA ${e.id}${e.title ? `: ${e.title}` : ''}`;
}

function who(a?: Actor | null): string {
  return a ? a.name || 'an account no longer named' : '';
}

// A file's upload as the answer's evidence: added, or in the place of the link to `replace`.
function attach(id: string, file: File, note: string, replace = '') {
  const query: Record<string, string> = { filename: file.name };
  if (note) query.note = note;
  if (replace) query.replace = replace;
  return request<Answer>('POST', `${BASE}/${encodeURIComponent(id)}/evidence`, undefined, {
    raw: file,
    contentType: contentTypeOf(file),
    query,
  });
}

function EvidenceRow(props: {
  a: Answer;
  e: Evidence;
  i: number;
  officer: boolean;
  run: (f: () => Promise<unknown>) => void;
}) {
  const { a, e, i } = props;
  const label = what(e);
  const remove = () =>
    props.run(() =>
      post(`${BASE}/${encodeURIComponent(a.id)}/actions`, {
        action: 'revise',
        evidence: a.evidence.filter((_, j) => j !== i).map((x) => ({ kind: x.kind, id: x.id, note: x.note })),
      }),
    );
  const inputId = `ev-replace-${i}`;
  return (
    <tr>
      <td>
        {e.kind === 'document' ? (
          <a href={`/api/v1/documents/${encodeURIComponent(e.id)}/content`} download>
            {label}
          </a>
        ) : (
          label
        )}
      </td>
      <td>
        {e.added_at ? (
          <>
            <DateText value={e.added_at} time /> by {who(e.added_by)}
          </>
        ) : (
          <span class="muted">Before this was recorded</span>
        )}
      </td>
      <td>{e.note || <span class="muted">—</span>}</td>
      {props.officer && (
        <td>
          {a.allowed_actions.includes('revise') && (
            <div class="stack">
              <label for={inputId}>
                Replace with a newer file<span class="visually-hidden"> ({label})</span>
              </label>
              <input
                id={inputId}
                type="file"
                onChange={(ev) => {
                  const f = (ev.target as HTMLInputElement).files?.[0];
                  if (f) props.run(() => attach(a.id, f, '', e.id));
                }}
              />
              <div>
                <button type="button" class="btn" onClick={remove}>
                  Remove<span class="visually-hidden"> {label}</span>
                </button>
              </div>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

function AttachForm(props: { a: Answer; run: (f: () => Promise<unknown>) => Promise<boolean> }) {
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [key, setKey] = useState(0);
  return (
    <form
      class="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        if (await props.run(() => attach(props.a.id, file, note.trim()))) {
          setFile(null);
          setNote('');
          setKey((k) => k + 1);
        }
      }}
    >
      <div>
        <label for="ev-file">Attach a file as evidence (PDF, image, text or office file, at most 25 MiB)</label>
        <input
          id="ev-file"
          key={key}
          type="file"
          onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] || null)}
        />
      </div>
      <div>
        <label for="ev-note">What it shows (optional)</label>
        <input id="ev-note" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </div>
      <div>
        <button type="submit" class="btn" disabled={!file}>
          Attach
        </button>
      </div>
    </form>
  );
}

export function LibraryAnswerPage(props: { id: string }) {
  const officer = isOfficer(useSession().info.user.role);
  const state = useLoad(
    (signal) => get<Answer>(`${BASE}/${encodeURIComponent(props.id)}`, undefined, signal),
    [props.id],
  );
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const run = async (f: () => Promise<unknown>) => {
    setError('');
    setNotice('');
    try {
      await f();
      state.reload();
      return true;
    } catch (err) {
      setError(describe(err));
      return false;
    }
  };
  const act = (action: string) =>
    run(() => post(`${BASE}/${encodeURIComponent(props.id)}/actions`, { action })).then(
      (ok) =>
        ok &&
        setNotice(
          action === 'approve' ? 'Approved: customers’ questions are matched to this version now.' : 'Retired.',
        ),
    );
  return (
    <Loading state={state} label="the answer">
      {(a) => (
        <Page
          title={a.question}
          subtitle="One of our answers to customers' security questions"
          actions={<Link href="/answer-library">All our answers</Link>}
        >
          <Section title="Answer">
            <Facts
              items={[
                ['Status', <Badge value={a.status} label={`${STATUS[a.status]} (version ${a.version})`} />],
                [
                  'Approved',
                  a.approved_at ? (
                    <>
                      <DateText value={a.approved_at} time /> by {who(a.approved_by)}
                    </>
                  ) : (
                    'Not this version yet: it is not suggested until it is approved'
                  ),
                ],
                ['Our answer', a.answer],
              ]}
            />
            {officer && (
              <div class="page-actions">
                {a.allowed_actions.includes('approve') && (
                  <button type="button" class="btn btn-primary" onClick={() => act('approve')}>
                    Approve this version
                  </button>
                )}
                {a.allowed_actions.includes('retire') && (
                  <button type="button" class="btn" onClick={() => act('retire')}>
                    Retire
                  </button>
                )}
              </div>
            )}
            {notice && <Alert kind="ok">{notice}</Alert>}
            {error && <Alert kind="error">{error}</Alert>}
          </Section>
          <Section title="Evidence">
            {a.evidence.length === 0 ? (
              <Empty>No evidence yet.</Empty>
            ) : (
              <Table
                caption="Evidence"
                captionClass="visually-hidden"
                columns={
                  officer ? ['Evidence', 'Added', 'What it shows', 'Change'] : ['Evidence', 'Added', 'What it shows']
                }
              >
                {a.evidence.map((e, i) => (
                  <EvidenceRow key={`${e.kind}-${e.id}`} a={a} e={e} i={i} officer={officer} run={run} />
                ))}
              </Table>
            )}
            {officer && a.allowed_actions.includes('revise') && (
              <>
                <p class="muted">Each change makes a new version, a draft until it is approved again.</p>
                <AttachForm a={a} run={run} />
              </>
            )}
          </Section>
          <Section title="Versions">
            <Table caption="Versions" captionClass="visually-hidden" columns={['Version', 'Status', 'Answer']}>
              {[...a.versions].reverse().map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{STATUS[v.status] || v.status}</td>
                  <td>{v.answer}</td>
                </tr>
              ))}
            </Table>
          </Section>
        </Page>
      )}
    </Loading>
  );
}
