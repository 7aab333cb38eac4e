// Due-diligence questionnaires (issue 28): the list (a party's contact sees its own), sending
// one to a party's contact, and the templates — the shipped HIPAA one, CSV and spreadsheet
// import and export (the spreadsheet code loads only when a spreadsheet is chosen).
import { useState } from 'preact/hooks';
import { describe, get, listAll, post, request, type ListPage } from '../api';
import { Link, navigate } from '../router';
import { isOfficer, useSession } from '../session';
import {
  Alert,
  Badge,
  DateText,
  Empty,
  Form,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  useForm,
  useLoad,
} from '../ui';
import { STATUS_WORDS, type Questionnaire } from './questionnaire-model';
import './questionnaires.css';

interface Template {
  id: string;
  name: string;
  description?: string | null;
  question_count?: number | null;
  version: number;
}
interface Named {
  id: string;
  name: string;
}

export function QuestionnairesPage() {
  const role = useSession().info.user.role;
  const [tick, setTick] = useState(0);
  const list = useLoad(
    (signal) => get<ListPage<Questionnaire>>('/api/v1/questionnaires', { limit: 200 }, signal),
    [tick],
  );
  const officer = isOfficer(role);
  return (
    <Page title="Questionnaires" subtitle="Security questionnaires sent to parties as due diligence (TP-2).">
      <Section title="Sent questionnaires">
        <Loading state={list} label="questionnaires">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No questionnaire has been sent yet.</Empty>
            ) : (
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Questionnaire</th>
                    <th scope="col">Sent to</th>
                    <th scope="col">Status</th>
                    <th scope="col">Due</th>
                    <th scope="col">Answered</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((q) => (
                    <tr>
                      <td>
                        <Link href={`/questionnaires/${q.id}`}>{q.title}</Link>
                      </td>
                      <td>{q.contact?.name || '—'}</td>
                      <td>
                        <Badge value={q.status} label={STATUS_WORDS[q.status]} />
                        {q.overdue && (
                          <>
                            {' '}
                            <Badge value="overdue" />
                          </>
                        )}
                      </td>
                      <td>
                        <DateText value={q.due_at} />
                      </td>
                      <td>
                        {q.answer_count ?? 0} of {q.question_count ?? 0}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      </Section>
      {officer && <SendForm onSent={() => setTick((t) => t + 1)} />}
      {role !== 'third_party_contact' && <Templates officer={officer} />}
    </Page>
  );
}

function SendForm(props: { onSent: () => void }) {
  const form = useForm({ party_id: '', contact_id: '', template_id: '', due_at: '', prefill: 'true' });
  const parties = useLoad((signal) => listAll<Named>('/api/v1/parties', {}, signal), []);
  const templates = useLoad((signal) => listAll<Template>('/api/v1/questionnaire-templates', {}, signal), []);
  const party = form.values.party_id;
  const contacts = useLoad(
    (signal) =>
      party ? listAll<Named & { email: string }>(`/api/v1/parties/${party}/contacts`, {}, signal) : Promise.resolve([]),
    [party],
  );
  return (
    <Section title="Send a questionnaire">
      <Form
        form={form}
        label="Send a questionnaire"
        submitLabel="Send"
        onSubmit={async () => {
          const v = form.values;
          const sent = await form.submit(() =>
            post<Questionnaire>(`/api/v1/parties/${v.party_id}/questionnaires`, {
              template_id: v.template_id,
              contact_id: v.contact_id,
              due_at: v.due_at,
              prefill: v.prefill === 'true',
            }),
          );
          if (sent) {
            props.onSent();
            navigate(`/questionnaires/${sent.id}`);
          }
        }}
      >
        <SelectField
          form={form}
          name="party_id"
          label="Party"
          required
          placeholder="Choose a party"
          options={(parties.data || []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          form={form}
          name="contact_id"
          label="Contact who answers"
          required
          placeholder={party ? 'Choose a contact' : 'Choose a party first'}
          options={(contacts.data || []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
        />
        <SelectField
          form={form}
          name="template_id"
          label="Questionnaire"
          required
          placeholder="Choose a template"
          options={(templates.data || []).map((t) => ({ value: t.id, label: t.name }))}
        />
        <TextField form={form} name="due_at" label="Due" type="date" required />
        <SelectField
          form={form}
          name="prefill"
          label="Answers"
          options={[
            { value: 'true', label: 'Pre-fill with last accepted answers' },
            { value: 'false', label: 'Start empty' },
          ]}
        />
      </Form>
    </Section>
  );
}

function Templates(props: { officer: boolean }) {
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const templates = useLoad((signal) => listAll<Template>('/api/v1/questionnaire-templates', {}, signal), [tick]);
  const form = useForm({ name: '' });
  const [file, setFile] = useState<File | null>(null);

  async function install() {
    try {
      await post('/api/v1/questionnaire-templates/hipaa-vendor');
      setNotice({ kind: 'ok', text: 'The HIPAA vendor questionnaire is installed.' });
      setTick((t) => t + 1);
    } catch (e) {
      setNotice({ kind: 'error', text: describe(e) });
    }
  }

  async function exportAs(t: Template, kind: 'csv' | 'xlsx') {
    try {
      const res = await fetch(`/api/v1/questionnaire-templates/${t.id}/csv`, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`The export failed (${res.status}).`);
      const csv = await res.text();
      let blob: Blob;
      if (kind === 'xlsx') {
        const { csvToXlsx } = await import('./questionnaire-xlsx');
        blob = await csvToXlsx(csv, t.name);
      } else {
        blob = new Blob([csv], { type: 'text/csv' });
      }
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${t.name}.${kind}`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setNotice({ kind: 'error', text: describe(e) });
    }
  }

  return (
    <Section title="Templates">
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <Loading state={templates} label="templates">
        {(items) =>
          items.length === 0 ? (
            <Empty>No template yet.</Empty>
          ) : (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Template</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Version</th>
                  <th scope="col">Download</th>
                </tr>
              </thead>
              <tbody>
                {items.map((t) => (
                  <tr>
                    <td>{t.name}</td>
                    <td>{t.question_count ?? '—'}</td>
                    <td>{t.version}</td>
                    <td>
                      <button type="button" class="btn btn-small" onClick={() => void exportAs(t, 'csv')}>
                        CSV<span class="sr-only"> of {t.name}</span>
                      </button>{' '}
                      <button type="button" class="btn btn-small" onClick={() => void exportAs(t, 'xlsx')}>
                        Spreadsheet<span class="sr-only"> of {t.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
      {props.officer && (
        <>
          {!(templates.data || []).some((t) => t.name === 'HIPAA vendor security questionnaire') && (
            <p>
              <button type="button" class="btn" onClick={() => void install()}>
                Install the HIPAA vendor questionnaire
              </button>
            </p>
          )}
          <h3>Import a template</h3>
          <Form
            form={form}
            label="Import a template"
            submitLabel="Import"
            onSubmit={async () => {
              const done = await form.submit(async () => {
                if (!file) throw new Error('Choose a CSV or spreadsheet file.');
                let csv: string;
                if (/\.xlsx$/i.test(file.name)) {
                  const { xlsxToCsv } = await import('./questionnaire-xlsx');
                  csv = await xlsxToCsv(await file.arrayBuffer());
                } else {
                  csv = await file.text();
                }
                return request<Template>('POST', '/api/v1/questionnaire-templates/import', undefined, {
                  raw: csv,
                  contentType: 'text/csv',
                  query: { name: form.values.name },
                });
              });
              if (done) {
                setNotice({ kind: 'ok', text: `${done.name} is imported (${done.question_count} questions).` });
                setTick((t) => t + 1);
                form.reset();
              }
            }}
          >
            <TextField form={form} name="name" label="Template name" required />
            <div class="field">
              <label for="template-file">File (CSV or spreadsheet, one row per question)</label>
              <input
                id="template-file"
                type="file"
                accept=".csv,.xlsx,text/csv"
                onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] || null)}
              />
            </div>
          </Form>
        </>
      )}
    </Section>
  );
}
