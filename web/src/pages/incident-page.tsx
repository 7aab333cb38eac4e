// One incident (TR-8): what it touches and who is involved, its timeline (internal and public
// updates; a party's contact is sent only the public ones), and the steps the server offers this
// person: classify, post an update, resolve, record the postmortem whose action items become
// findings. The breach assessment has its own section below the timeline.
import { useState } from 'preact/hooks';
import { get, post, type ListPage } from '../api';
import { Link } from '../router';
import { BreachSection } from './breach-section';
import {
  Alert,
  Badge,
  DateText,
  Facts,
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
  CATEGORIES,
  IMPACTS,
  SEVERITIES,
  categoryLabel,
  impactLabel,
  severityLabel,
  statusLabel,
  statusTone,
  type Incident,
} from './incident-model';
import { plainRefusal } from './review-common';
import { allows, who, type Actor } from './workflow-model';

type Done = (msg: string) => void;

function step(id: string, what: string, body: Record<string, unknown>) {
  return post<Incident>(`/api/v1/incidents/${id}/${what}`, body).catch(plainRefusal);
}

const VISIBILITY = [
  { value: 'internal', label: 'Internal: our people and the auditor' },
  { value: 'public', label: 'Public: the status page and the parties involved' },
];

function UpdateForm(props: { i: Incident; onDone: Done }) {
  const open = props.i.status !== 'resolved';
  const form = useForm({ body: '', visibility: 'internal', status: '' });
  return (
    <Form
      form={form}
      label="Post an update"
      submitLabel="Post the update"
      onSubmit={async () => {
        const x = await form.submit((v) =>
          step(props.i.id, 'updates', {
            body: v.body,
            visibility: v.visibility,
            ...(v.status ? { status: v.status } : {}),
          }),
        );
        if (x) props.onDone('Update posted.');
      }}
    >
      <TextField form={form} name="body" label="Update" multiline rows={3} required />
      <div class="form-grid">
        <SelectField form={form} name="visibility" label="Who sees it" options={VISIBILITY} required />
        {open && (
          <SelectField
            form={form}
            name="status"
            label="Incident status"
            placeholder="Unchanged"
            options={[
              { value: 'investigating', label: 'Investigating' },
              { value: 'identified', label: 'Cause identified' },
              { value: 'monitoring', label: 'Monitoring the fix' },
            ]}
          />
        )}
      </div>
    </Form>
  );
}

function ResolveForm(props: { i: Incident; onDone: Done }) {
  const form = useForm({ body: '', visibility: 'public' });
  return (
    <Form
      form={form}
      label="Resolve the incident"
      submitLabel="Resolve"
      onSubmit={async () => {
        const x = await form.submit((v) => step(props.i.id, 'resolve', { body: v.body, visibility: v.visibility }));
        if (x) props.onDone('Resolved. The postmortem is owed.');
      }}
    >
      <TextField form={form} name="body" label="Closing update" multiline rows={2} required />
      <SelectField form={form} name="visibility" label="Who sees it" options={VISIBILITY} required />
    </Form>
  );
}

function ClassifyForm(props: { i: Incident; onDone: Done }) {
  const form = useForm({
    severity: props.i.severity,
    impact: props.i.impact,
    category: props.i.category || '',
  });
  return (
    <Form
      form={form}
      label="Classify the incident"
      submitLabel="Save the classification"
      onSubmit={async () => {
        const x = await form.submit((v) =>
          step(props.i.id, 'classify', {
            severity: v.severity,
            impact: v.impact,
            ...(v.category ? { category: v.category } : {}),
          }),
        );
        if (x) props.onDone('Classification saved.');
      }}
    >
      <div class="form-grid">
        <SelectField form={form} name="severity" label="Severity" options={SEVERITIES} required />
        <SelectField form={form} name="impact" label="Impact shown on the status page" options={IMPACTS} required />
        <SelectField form={form} name="category" label="Kind" placeholder="Not yet known" options={CATEGORIES} />
      </div>
    </Form>
  );
}

interface Person {
  id: string;
  name: string;
  role: string;
  status: string;
}

function PostmortemForm(props: { i: Incident; onDone: Done }) {
  const people = useLoad(
    (signal) =>
      get<ListPage<Person>>('/api/v1/users', { limit: 500 }, signal).then((p) =>
        p.items.filter((u) => u.role !== 'third_party_contact' && u.role !== 'auditor'),
      ),
    [],
  );
  const form = useForm({ root_cause: '', lessons: '', item_title: '', item_owner: '', item_due: '' });
  return (
    <Form
      form={form}
      label="Record the postmortem"
      submitLabel="Record the postmortem"
      onSubmit={async () => {
        const x = await form.submit(
          (v) =>
            step(props.i.id, 'postmortem', {
              root_cause: v.root_cause,
              lessons: v.lessons,
              action_items: v.item_title ? [{ title: v.item_title, owner_id: v.item_owner, due_at: v.item_due }] : [],
            }),
          {
            'action_items[0].title': 'item_title',
            'action_items[0].owner_id': 'item_owner',
            'action_items[0].due_at': 'item_due',
          },
        );
        if (x) props.onDone('Postmortem recorded. Its action item is now a finding.');
      }}
    >
      <TextField form={form} name="root_cause" label="Root cause" multiline rows={3} required />
      <TextField form={form} name="lessons" label="Lessons learned" multiline rows={3} required />
      <fieldset>
        <legend>Action item (becomes a finding)</legend>
        <TextField form={form} name="item_title" label="What will be done" />
        <div class="form-grid">
          <SelectField
            form={form}
            name="item_owner"
            label="Owner"
            placeholder="Choose a person"
            options={(people.data || []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <TextField form={form} name="item_due" label="Due by" type="date" />
        </div>
      </fieldset>
    </Form>
  );
}

function Timeline(props: { i: Incident }) {
  if (props.i.updates.length === 0) return <p class="muted">No update yet.</p>;
  return (
    <ol class="plain-list incident-timeline">
      {[...props.i.updates].reverse().map((u) => (
        <li key={u.id}>
          <strong>{u.status === 'resolved' ? 'Resolved' : statusLabel(u.status)}</strong>{' '}
          <Badge
            value={u.visibility}
            label={u.visibility === 'public' ? 'Public' : 'Internal'}
            tone={u.visibility === 'public' ? 'info' : 'warn'}
          />
          <div class="prewrap">{u.body}</div>
          <div class="small muted">
            {u.author ? `${who(u.author)}, ` : ''}
            <DateText value={u.created_at} time />
          </div>
        </li>
      ))}
    </ol>
  );
}

export function IncidentPage(props: { id: string }) {
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState('');
  const data = useLoad((signal) => get<Incident>(`/api/v1/incidents/${props.id}`, undefined, signal), [props.id, tick]);
  const done: Done = (msg) => {
    setNotice(msg);
    setTick((t) => t + 1);
  };
  return (
    <Loading state={data} label="the incident">
      {(i) => (
        <Page title={i.title} subtitle="Incident">
          {notice && (
            <Alert kind="ok" id="incident-notice">
              {notice}
            </Alert>
          )}
          <Section title="The incident">
            <Facts
              items={[
                ['Status', <Badge value={i.status} label={statusLabel(i.status)} tone={statusTone(i.status)} />],
                ['Severity', severityLabel(i.severity)],
                ['Impact on the status page', impactLabel(i.impact)],
                ['Kind', i.category ? categoryLabel(i.category) : null],
                ['Discovered', <DateText value={i.discovered_at} time />],
                ['Declared', <DateText value={i.declared_at} time />],
                ['Declared by', i.declared_by ? who(i.declared_by as Actor) : null],
                ['Resolved', i.resolved_at ? <DateText value={i.resolved_at} time /> : null],
                ['Status page components', i.components.map((c) => c.name).join(', ') || null],
                ['Our systems', i.systems.map((s) => s.name).join(', ') || null],
                ['Parties involved', i.parties.map((p) => p.name).join(', ') || null],
              ]}
            />
            {i.description && <p class="prewrap">{i.description}</p>}
            {allows(i, 'classify') && <ClassifyForm key={i.version} i={i} onDone={done} />}
          </Section>
          <Section title="Timeline">
            <Timeline i={i} />
            {allows(i, 'update') && <UpdateForm key={i.version} i={i} onDone={done} />}
            {allows(i, 'resolve') && <ResolveForm key={i.version} i={i} onDone={done} />}
          </Section>
          {/* The breach assessment (TR-8, 164.402): officers and the auditor. */}
          <BreachSection incidentId={i.id} />
          {(i.postmortem || allows(i, 'postmortem')) && (
            <Section title="Postmortem">
              {i.postmortem && (
                <>
                  <h3>Root cause</h3>
                  <p class="prewrap">{i.postmortem.root_cause}</p>
                  <h3>Lessons learned</h3>
                  <p class="prewrap">{i.postmortem.lessons}</p>
                  <h3>Action items</h3>
                  {i.postmortem.action_items.length === 0 ? (
                    <p class="muted">None.</p>
                  ) : (
                    <ul class="plain-list">
                      {i.postmortem.action_items.map((a) => (
                        <li key={a.finding_id}>
                          <Link href={`/findings/${a.finding_id}`}>{a.title}</Link>
                          <div class="small">
                            Due by <DateText value={a.due_at} />
                          </div>
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
              {allows(i, 'postmortem') && <PostmortemForm key={i.version} i={i} onDone={done} />}
            </Section>
          )}
          <p>
            <Link href="/incidents">All incidents</Link>
          </p>
        </Page>
      )}
    </Loading>
  );
}
