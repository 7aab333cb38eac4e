// Incidents (TR-8): the list, newest first, filtered by status (kept in the URL); the form an
// officer declares one with; the annual incident-response tests. Each incident opens its page
// (incident-page.tsx).
import { useState } from 'preact/hooks';
import { get, post, type ListPage } from '../api';
import { FilterSelect } from '../components/filter-select';
import { Table } from '../components/table';
import { Link, navigate, setQuery, useLocation } from '../router';
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
import {
  INCIDENT_STATUSES,
  SEVERITIES,
  severityLabel,
  statusLabel,
  statusTone,
  toRfc3339,
  type Incident,
  type Named,
  type ResponseTest,
} from './incident-model';

export { IncidentPage } from './incident-page';

interface Choices {
  components: Named[];
  systems: Named[];
  parties: Named[];
}

function DeclareForm() {
  const [open, setOpen] = useState(false);
  const choices = useLoad(async (signal): Promise<Choices> => {
    const [components, systems, parties] = await Promise.all([
      get<{ items: Named[] }>('/api/v1/status/components', undefined, signal).then((p) => p.items),
      get<ListPage<Named>>('/api/v1/systems', { limit: 200 }, signal).then((p) => p.items),
      get<ListPage<Named>>('/api/v1/parties', { limit: 500 }, signal).then((p) => p.items),
    ]);
    return { components, systems, parties };
  }, []);
  const form = useForm({
    title: '',
    description: '',
    severity: 'high',
    component_id: '',
    system_id: '',
    party_id: '',
    discovered_at: '',
  });
  if (!open) {
    return (
      <button type="button" class="btn btn-primary" onClick={() => setOpen(true)}>
        Declare an incident
      </button>
    );
  }
  const opts = (list: Named[] | undefined) => (list || []).map((x) => ({ value: x.id, label: x.name }));
  return (
    <Form
      form={form}
      label="Declare an incident"
      submitLabel="Declare the incident"
      secondary={
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      }
      onSubmit={async () => {
        const created = await form.submit(
          (v) =>
            post<Incident>('/api/v1/incidents', {
              title: v.title,
              severity: v.severity,
              discovered_at: toRfc3339(v.discovered_at),
              ...(v.description ? { description: v.description } : {}),
              ...(v.component_id ? { component_ids: [v.component_id] } : {}),
              ...(v.system_id ? { system_ids: [v.system_id] } : {}),
              ...(v.party_id ? { party_ids: [v.party_id] } : {}),
            }),
          { 'component_ids[0]': 'component_id', 'system_ids[0]': 'system_id', 'party_ids[0]': 'party_id' },
        );
        if (created) navigate(`/incidents/${created.id}`);
      }}
    >
      <TextField form={form} name="title" label="What is happening" required />
      <TextField form={form} name="description" label="What we know so far" multiline rows={3} />
      <div class="form-grid">
        <SelectField form={form} name="severity" label="Severity" options={SEVERITIES} required />
        <TextField
          form={form}
          name="discovered_at"
          label="Discovered at"
          hint="Your local time"
          type="datetime-local"
          required
        />
        <SelectField
          form={form}
          name="component_id"
          label="Status page component it touches"
          placeholder="None"
          options={opts(choices.data?.components)}
        />
        <SelectField
          form={form}
          name="system_id"
          label="Our system it touches"
          placeholder="None"
          options={opts(choices.data?.systems)}
        />
        <SelectField
          form={form}
          name="party_id"
          label="Vendor or customer involved"
          hint="Their contacts see the public updates"
          placeholder="None"
          options={opts(choices.data?.parties)}
        />
      </div>
    </Form>
  );
}

function ResponseTests(props: { officer: boolean }) {
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const list = useLoad(
    (signal) =>
      get<{ items: ResponseTest[]; next_due_on: string | null }>('/api/v1/incident-response-tests', undefined, signal),
    [tick],
  );
  const form = useForm({ conducted_on: '', scenario: '', participants: '', outcome: '', lessons: '' });
  return (
    <Section title="Incident-response tests">
      {notice && <Alert kind="ok">{notice}</Alert>}
      <Loading state={list} label="the incident-response tests">
        {(page) => (
          <>
            <p>
              {page.next_due_on ? (
                <>
                  The next test is due by <DateText value={page.next_due_on} />.
                </>
              ) : (
                'No test has been recorded yet: one is due every year.'
              )}
            </p>
            {page.items.length > 0 && (
              <ul class="plain-list">
                {page.items.map((t) => (
                  <li key={t.id}>
                    <strong>
                      <DateText value={t.conducted_on} />
                    </strong>
                    : {t.scenario}
                    <div class="small">With {t.participants.join(', ')}</div>
                    <div class="small prewrap">{t.outcome}</div>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loading>
      {props.officer &&
        (open ? (
          <Form
            form={form}
            label="Record an incident-response test"
            submitLabel="Record the test"
            secondary={
              <button type="button" class="btn" onClick={() => setOpen(false)}>
                Cancel
              </button>
            }
            onSubmit={async () => {
              const done = await form.submit((v) =>
                post<ResponseTest>('/api/v1/incident-response-tests', {
                  conducted_on: v.conducted_on,
                  scenario: v.scenario,
                  participants: v.participants
                    .split(',')
                    .map((p) => p.trim())
                    .filter(Boolean),
                  outcome: v.outcome,
                  ...(v.lessons ? { lessons: v.lessons } : {}),
                }),
              );
              if (done) {
                setOpen(false);
                setNotice('Test recorded.');
                setTick((t) => t + 1);
              }
            }}
          >
            <div class="form-grid">
              <TextField form={form} name="conducted_on" label="Held on" type="date" required />
              <TextField
                form={form}
                name="participants"
                label="Who took part"
                hint="Names, separated by commas"
                required
              />
            </div>
            <TextField form={form} name="scenario" label="Scenario" multiline rows={2} required />
            <TextField form={form} name="outcome" label="How it went" multiline rows={3} required />
            <TextField form={form} name="lessons" label="What we will change" multiline rows={2} />
          </Form>
        ) : (
          <button type="button" class="btn" onClick={() => setOpen(true)}>
            Record a test
          </button>
        ))}
    </Section>
  );
}

export function Incidents() {
  const loc = useLocation();
  const role = useSession().info.user.role;
  const status = loc.query.get('status') || '';
  const list = useLoad(
    (signal) => get<ListPage<Incident>>('/api/v1/incidents', { status, limit: 200 }, signal),
    [status],
  );
  const contact = role === 'third_party_contact';
  return (
    <Page
      title="Incidents"
      subtitle={
        contact
          ? 'Incidents your organisation is involved in, with their public updates'
          : 'Declared, worked, resolved and learned from'
      }
    >
      {isOfficer(role) && (
        <Section title="New incident">
          <DeclareForm />
        </Section>
      )}
      <form class="filters" role="search" aria-label="Incidents" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="incidents-status"
          label="Status"
          value={status}
          any="Any status"
          options={[{ value: 'open', label: 'Open' }, ...INCIDENT_STATUSES]}
          onChange={(v) => setQuery({ status: v || undefined })}
        />
      </form>
      <Loading state={list} label="the incidents">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{status ? 'No incident has this status.' : 'No incident has been declared.'}</Empty>
          ) : (
            <Table
              class="incidents-table"
              caption="Incidents"
              captionClass="visually-hidden"
              columns={['Incident', 'Status', 'Severity', 'Discovered']}
            >
              {page.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link href={`/incidents/${i.id}`}>{i.title}</Link>
                  </td>
                  <td>
                    <Badge value={i.status} label={statusLabel(i.status)} tone={statusTone(i.status)} />
                  </td>
                  <td>{severityLabel(i.severity)}</td>
                  <td>
                    <DateText value={i.discovered_at} time />
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
      {!contact && <ResponseTests officer={isOfficer(role)} />}
    </Page>
  );
}
