// Our commitments (TR-11): what the public trust center says about how customer data is used,
// our Data Privacy Framework participation, and the subprocessors published without a
// commitment's clause, each with the officer's reason. Officers record all three here; the rest
// of the workforce and the auditor read them.
import { useState } from 'preact/hooks';
import { get, listAll, patch, post } from '../api';
import type { components } from '../generated/openapi';
import { isOfficer, useSession } from '../session';
import {
  Alert,
  CheckboxField,
  DateText,
  Empty,
  Facts,
  Form,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  useForm,
  useLoad,
  type Option,
} from '../ui';

type Schemas = components['schemas'];
type Commitment = Schemas['DataCommitment'];
type Participation = Schemas['DpfParticipation'];
type Party = Schemas['Party'];
type Exception = NonNullable<Party['commitment_exceptions']>[number];

const KEYS: Option[] = [
  { value: 'no_sale_or_sharing', label: 'No sale or sharing of customer data' },
  { value: 'no_advertising_use', label: 'No use of customer data for advertising' },
  { value: 'ai_zero_data_retention', label: 'Zero data retention by AI providers' },
  { value: 'no_model_training', label: 'No model training on customer data' },
  { value: 'other', label: 'Another commitment' },
];
const APPLIES: Option[] = [
  { value: 'organisation', label: 'Our own promise' },
  { value: 'all_subprocessors', label: 'Every subprocessor must make it too' },
  { value: 'ai_providers', label: 'Every AI provider must make it too' },
];
const EVIDENCE: Option[] = [
  { value: 'agreement_clause', label: 'A clause of our agreements' },
  { value: 'document', label: 'A document' },
  { value: 'certification', label: 'One of our certifications' },
];
const FRAMEWORKS: Record<string, string> = {
  eu_us: 'EU-U.S. Data Privacy Framework',
  uk_extension: 'UK Extension',
  swiss_us: 'Swiss-U.S. Data Privacy Framework',
};
const label = (options: Option[], value: string) => options.find((o) => o.value === value)?.label || value;

export function TrustCenterPage() {
  const officer = isOfficer(useSession().info.user.role);
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState('');
  const data = useLoad(
    async (signal) => {
      const [commitments, dpf, parties] = await Promise.all([
        listAll<Commitment>('/api/v1/data-commitments', {}, signal),
        listAll<Participation>('/api/v1/dpf-participations', {}, signal),
        listAll<Party>('/api/v1/parties', { kind: 'subcontractor' }, signal),
      ]);
      parties.sort((a, b) => a.name.localeCompare(b.name));
      return { commitments, dpf, parties };
    },
    [reloadKey],
  );
  const done = (text: string) => {
    setNotice(text);
    setReloadKey((k) => k + 1);
  };
  return (
    <Page
      title="Our commitments"
      subtitle="What the public trust center promises about customer data, and the subprocessors held to it (TR-11)."
    >
      {notice && <Alert kind="ok">{notice}</Alert>}
      <Loading state={data} label="our commitments">
        {(d) => (
          <>
            <Section title="How we use customer data" id="sec-commitments">
              <CommitmentList items={d.commitments} />
              {officer && <CommitmentForm onDone={done} />}
            </Section>
            <Section title="Data Privacy Framework" id="sec-dpf">
              <DpfFacts items={d.dpf} />
              {officer && <DpfForm current={d.dpf[0]} onDone={done} />}
            </Section>
            <Section title="Subprocessors published without a commitment" id="sec-exceptions">
              <ExceptionList parties={d.parties} />
              {officer && <ExceptionForm parties={d.parties} onDone={done} />}
            </Section>
          </>
        )}
      </Loading>
    </Page>
  );
}

function CommitmentList(props: { items: Commitment[] }) {
  if (props.items.length === 0) return <Empty>No commitment is recorded yet.</Empty>;
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Commitment</th>
          <th scope="col">Binds</th>
          <th scope="col">Since</th>
          <th scope="col">Backed by</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((c) => (
          <tr>
            <td>
              {c.statement}
              {c.public === false && <span class="muted"> (not published)</span>}
            </td>
            <td>{label(APPLIES, c.applies_to)}</td>
            <td>
              <DateText value={c.since} />
            </td>
            <td>
              {c.evidence_kind ? label(EVIDENCE, c.evidence_kind) : '—'}
              {c.evidence_note ? `: ${c.evidence_note}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CommitmentForm(props: { onDone: (text: string) => void }) {
  const form = useForm({ statement: '', key: 'other', applies_to: 'organisation', since: '', evidence_note: '' });
  return (
    <Form
      form={form}
      label="Add a commitment"
      submitLabel="Add the commitment"
      onSubmit={async () => {
        const v = form.values;
        const body: Record<string, string> = {
          statement: v.statement,
          key: v.key,
          applies_to: v.applies_to,
          since: v.since,
        };
        if (v.evidence_note) {
          body.evidence_kind = 'agreement_clause';
          body.evidence_note = v.evidence_note;
        }
        const r = await form.submit(() => post<Commitment>('/api/v1/data-commitments', body));
        if (!r) return;
        form.reset();
        props.onDone('The commitment is recorded and published on the trust center.');
      }}
    >
      <h3>Add a commitment</h3>
      <TextField form={form} name="statement" label="As the trust center says it" required />
      <SelectField form={form} name="key" label="Which commitment" options={KEYS} />
      <SelectField form={form} name="applies_to" label="Whom it binds" options={APPLIES} />
      <TextField form={form} name="since" label="Since" type="date" required />
      <TextField
        form={form}
        name="evidence_note"
        label="The clause that backs it"
        hint="For example: Customer agreement, section 9.1"
      />
    </Form>
  );
}

function DpfFacts(props: { items: Participation[] }) {
  const d = props.items[0];
  if (!d) return <Empty>No participation is recorded.</Empty>;
  const due = new Date(d.last_recertified_at);
  due.setUTCFullYear(due.getUTCFullYear() + 1);
  return (
    <Facts
      items={[
        ['Frameworks', d.frameworks.map((f) => FRAMEWORKS[f] || f).join(', ')],
        ['Status', d.status],
        ['Last re-certified', <DateText value={d.last_recertified_at} />],
        ['Next re-certification due', <DateText value={due.toISOString()} />],
        ['Public listing', d.listing_url ? <a href={d.listing_url}>{d.listing_url}</a> : null],
      ]}
    />
  );
}

function DpfForm(props: { current?: Participation; onDone: (text: string) => void }) {
  const form = useForm({ last_recertified_at: '' });
  const current = props.current;
  return (
    <Form
      form={form}
      label="Record a re-certification"
      submitLabel={current ? 'Record the re-certification' : 'Record our participation'}
      onSubmit={async () => {
        const at = form.values.last_recertified_at;
        const r = await form.submit(() =>
          current
            ? patch<Participation>(`/api/v1/dpf-participations/${current.id}`, { last_recertified_at: at })
            : post<Participation>('/api/v1/dpf-participations', {
                frameworks: ['eu_us', 'uk_extension', 'swiss_us'],
                status: 'active',
                last_recertified_at: at,
              }),
        );
        if (!r) return;
        form.reset();
        props.onDone('The re-certification is recorded.');
      }}
    >
      <TextField form={form} name="last_recertified_at" label="Re-certified on" type="date" required />
    </Form>
  );
}

function ExceptionList(props: { parties: Party[] }) {
  const rows = props.parties.flatMap((p) => (p.commitment_exceptions || []).map((e) => ({ party: p, e })));
  if (rows.length === 0) return <Empty>Every published subprocessor makes the commitments that bind it.</Empty>;
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">Subprocessor</th>
          <th scope="col">Not bound to</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ party, e }) => (
          <tr>
            <td>{party.name}</td>
            <td>{label(KEYS, e.commitment)}</td>
            <td>{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// An exception goes into the party's list, with the flag set when asked: one change, one
// ledger event, refused with the commitment's name if the party is still not covered.
function ExceptionForm(props: { parties: Party[]; onDone: (text: string) => void }) {
  const form = useForm({ party: '', commitment: 'ai_zero_data_retention', reason: '', publish: 'true' });
  return (
    <Form
      form={form}
      label="Record an exception"
      submitLabel="Record the exception"
      onSubmit={async () => {
        const v = form.values;
        // The new exception's place in the list, for the server's error beside the reason.
        const held = (props.parties.find((p) => p.id === v.party)?.commitment_exceptions || []).length;
        const r = await form.submit(
          async () => {
            const party = await get<Party>(`/api/v1/parties/${encodeURIComponent(v.party)}`);
            const added: Exception = { commitment: v.commitment as Exception['commitment'], reason: v.reason };
            const exceptions = [...(party.commitment_exceptions || []), added];
            const body: Record<string, unknown> = { commitment_exceptions: exceptions };
            if (v.publish === 'true') body.public_subprocessor = true;
            return patch<Party>(`/api/v1/parties/${encodeURIComponent(v.party)}`, body);
          },
          { [`commitment_exceptions[${held}].reason`]: 'reason', public_subprocessor: 'party' },
        );
        if (!r) return;
        form.reset();
        props.onDone(`The exception for ${r.name} is recorded.`);
      }}
    >
      <h3>Record an exception</h3>
      <SelectField
        form={form}
        name="party"
        label="Subprocessor"
        required
        placeholder="Choose…"
        options={props.parties.map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectField form={form} name="commitment" label="The commitment it does not make" options={KEYS.slice(0, 4)} />
      <TextField form={form} name="reason" label="Why it may be published anyway" multiline required />
      <CheckboxField form={form} name="publish" label="Publish it as a subprocessor" />
    </Form>
  );
}
