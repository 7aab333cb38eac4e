// A subcontractor's incidents on services we use (issue 27, TP-14), on its service levels view:
// what its status feed reported, and our assessment of each (no effect, our service degraded,
// PHI involved). The officers assess the open ones here; an assessment that found an effect
// opens a finding, linked from the list.
import { useState } from 'preact/hooks';
import { post } from '../api';
import { Link } from '../router';
import { Alert, Empty, Form, SelectField, TextField, useForm, type Option } from '../ui';

export interface SlaIncident {
  id: string;
  name: string;
  impact: string;
  status: string;
  created_at: string;
  finding_id: string;
  vendor_incident_id: string;
  assessment_status: 'open' | 'assessed' | null;
  our_impact: 'none' | 'degraded' | 'phi_involved' | null;
}

const IMPACTS: Option[] = [
  { value: 'none', label: 'No effect on us' },
  { value: 'degraded', label: 'Our service was degraded' },
  { value: 'phi_involved', label: 'PHI was involved' },
];

export function impactWords(v: string | null | undefined): string {
  return IMPACTS.find((o) => o.value === v)?.label ?? 'Not assessed';
}

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function AssessForm(props: { incident: SlaIncident; onDone: (message: string) => void }) {
  const form = useForm({ impact: '', note: '' });
  const assess = async () => {
    const note = form.values.note.trim();
    const done = await form.submit(() =>
      post<{ finding_id?: string }>(`/api/v1/vendor-incidents/${props.incident.vendor_incident_id}/assess`, {
        impact: form.values.impact,
        ...(note ? { note } : {}),
      }),
    );
    if (done) {
      props.onDone(
        done.finding_id
          ? `${props.incident.name}: assessed, and a finding opened to follow it up.`
          : `${props.incident.name}: assessed, no effect on us.`,
      );
    }
  };
  return (
    <Form form={form} onSubmit={assess} submitLabel="Record the assessment" label={`Assess ${props.incident.name}`}>
      <SelectField
        form={form}
        name="impact"
        label="What it meant for us"
        placeholder="Choose one"
        options={IMPACTS}
        required
      />
      <TextField
        form={form}
        name="note"
        label="Note"
        multiline
        hint="Why, in a few words. Any effect on us opens a finding to follow it up."
      />
    </Form>
  );
}

export function VendorIncidents(props: { incidents: SlaIncident[]; officer: boolean; onChange: () => void }) {
  const [message, setMessage] = useState('');
  const open = props.incidents.filter((i) => i.assessment_status === 'open');
  return (
    <section aria-labelledby="vendor-incidents-title" id="sec-incidents">
      <h3 id="vendor-incidents-title">Its incidents on services we use</h3>
      {message && <Alert kind="ok">{message}</Alert>}
      {props.incidents.length === 0 ? (
        <Empty>None reported.</Empty>
      ) : (
        <table class="table">
          <caption>What its status feed reported, and what it meant for us</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Began</th>
              <th scope="col">The vendor says</th>
              <th scope="col">What it meant for us</th>
            </tr>
          </thead>
          <tbody>
            {props.incidents.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{when(i.created_at)}</td>
                <td>
                  {i.impact || 'impact not given'}, {i.status}
                </td>
                <td>
                  {i.assessment_status === 'open' ? 'Waiting for an officer' : impactWords(i.our_impact)}
                  {i.finding_id && (
                    <div>
                      <Link href={`/findings/${i.finding_id}`}>Its finding</Link>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.officer &&
        open.map((i) => (
          <AssessForm
            key={i.vendor_incident_id}
            incident={i}
            onDone={(m) => {
              setMessage(m);
              props.onChange();
            }}
          />
        ))}
    </section>
  );
}
