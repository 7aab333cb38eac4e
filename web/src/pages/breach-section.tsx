// The breach assessment on an incident's page (TR-8, 45 CFR 164.402-164.412): the four-factor
// assessment, then one notice per affected customer with its deadline (60 days after discovery,
// or sooner where the customer's BAA says so), sending or recording each notice, the list of
// affected individuals by Secure Message (never email), and a law-enforcement delay with its
// document. The server decides every deadline and every button (allowed_actions).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { RequirementTag, RequirementTags } from '../components/requirement-tag';
import { Table } from '../components/table';
import type { components } from '../generated/openapi';
import { isOfficer, useSession } from '../session';
import {
  Alert,
  Badge,
  CheckboxField,
  DateText,
  Empty,
  Facts,
  Form,
  Loading,
  Section,
  SelectField,
  TextField,
  useForm,
  useLoad,
} from '../ui';
import { splitCitations, sentence } from './breach-cite';
import { dayToTime, DelayForm, ListForm, RecordSentForm, SendForm } from './breach-forms';
import { plainRefusal } from './review-common';
import { allows, who } from './workflow-model';

export type Assessment = components['schemas']['BreachAssessment'];
export type Notice = components['schemas']['BreachNotice'];
export interface Breach {
  assessment: Assessment;
  notices: Notice[];
}
interface Covered {
  party_id: string;
  party_name: string;
  agreement_id: string;
  agreement_status: 'executed' | 'expired' | 'terminated';
  breach_notice_hours: number | null;
}

// "Harbor Health (agreement expired; notice within 72 hours)": an ended agreement still
// counts, and the officer should see that it has ended.
function coveredLabel(c: Covered): string {
  const notes: string[] = [];
  const ended = c.agreement_status !== 'executed';
  if (ended) notes.push(`agreement ${c.agreement_status}`);
  if (c.breach_notice_hours != null) {
    notes.push(`${ended ? '' : 'their agreement: '}notice within ${c.breach_notice_hours} hours`);
  }
  return notes.length ? `${c.party_name} (${notes.join('; ')})` : c.party_name;
}

// The factors in the rule's order, as a person reads them (164.402 (Breach)(2)(i)-(iv)).
const FACTORS: [string, string][] = [
  ['nature_and_extent', 'Nature and extent of the health information (identifiers, likelihood of re-identification)'],
  ['unauthorized_person', 'Who used it or received it'],
  ['acquired_or_viewed', 'Whether it was actually acquired or viewed'],
  ['mitigation', 'How far the risk has been mitigated'],
];
const RISKS = [
  { value: 'low', label: 'Low probability of compromise' },
  { value: 'medium', label: 'Some probability' },
  { value: 'high', label: 'High probability' },
];
const EXCLUSIONS = [
  { value: 'none', label: 'None applies' },
  { value: 'good_faith_workforce_use', label: 'Unintentional use in good faith by our workforce' },
  { value: 'inadvertent_authorized_disclosure', label: 'Inadvertent disclosure between authorised people' },
  { value: 'unable_to_retain', label: 'The recipient could not have retained it' },
];

// The same rule as the server (domain/breach.cc), so the form asks for customers only when the
// answers make it a breach; the server decides in the end.
function presumedBreach(v: Record<string, string>): boolean {
  if (v.exclusion && v.exclusion !== 'none') return false;
  if (v.phi_secured === 'true') return false;
  return FACTORS.some(([k]) => v[`risk_${k}`] !== 'low');
}

// A server text with its citations as small tags ("60 calendar days after discovery" 164.410(b)).
export function CitedText(props: { text: string }) {
  const c = splitCitations(props.text);
  return (
    <>
      {sentence(c.text)} <RequirementTags codes={c.cites} />
    </>
  );
}

function AssessForm(props: { incidentId: string; covered: Covered[]; onDone: (b: Breach) => void }) {
  const initial: Record<string, string> = {
    discovered_at: '',
    occurred_at: '',
    exclusion: 'none',
    phi_secured: 'false',
    what_happened: '',
    phi_types: '',
    individual_steps: '',
    our_response: '',
    contact: '',
    individuals: '0',
  };
  for (const [k] of FACTORS) {
    initial[`risk_${k}`] = 'high';
    initial[`notes_${k}`] = '';
  }
  for (const c of props.covered) initial[`customer_${c.party_id}`] = 'false';
  const form = useForm(initial);
  const breach = presumedBreach(form.values);
  const fieldMap: Record<string, string> = {};
  for (const [k] of FACTORS) {
    fieldMap[`factors.${k}.risk`] = `risk_${k}`;
    fieldMap[`factors.${k}.notes`] = `notes_${k}`;
  }
  // customer_ids[i] is the i-th ticked customer; "none ticked" shows on the first checkbox.
  const ticked = props.covered.filter((c) => form.values[`customer_${c.party_id}`] === 'true');
  ticked.forEach((c, i) => (fieldMap[`customer_ids[${i}]`] = `customer_${c.party_id}`));
  if (props.covered.length > 0) fieldMap.customer_ids = `customer_${props.covered[0].party_id}`;
  return (
    <Form
      form={form}
      label="Breach assessment"
      submitLabel="Record the assessment"
      onSubmit={async () => {
        const x = await form.submit((v) => {
          const factors: Record<string, { risk: string; notes?: string }> = {};
          for (const [k] of FACTORS) {
            factors[k] = { risk: v[`risk_${k}`], ...(v[`notes_${k}`] ? { notes: v[`notes_${k}`] } : {}) };
          }
          const customers = props.covered.filter((c) => v[`customer_${c.party_id}`] === 'true').map((c) => c.party_id);
          const body: Record<string, unknown> = {
            discovered_at: dayToTime(v.discovered_at),
            factors,
            exclusion: v.exclusion,
            phi_secured: v.phi_secured === 'true',
            what_happened: v.what_happened,
            phi_types: v.phi_types,
            individuals: Number(v.individuals || '0'),
          };
          if (v.occurred_at) body.occurred_at = dayToTime(v.occurred_at);
          for (const f of ['individual_steps', 'our_response', 'contact']) if (v[f]) body[f] = v[f];
          if (presumedBreach(v)) {
            if (customers.length === 0 && props.covered.length > 0) {
              throw new ApiError(422, 'validation_failed', 'no customer affected', [
                {
                  field: 'customer_ids',
                  reason: 'Tick each customer whose information was involved: each gets a notice',
                },
              ]);
            }
            body.customer_ids = customers;
          }
          return post<Breach>(`/api/v1/incidents/${props.incidentId}/breach-assessment`, body).catch(plainRefusal);
        }, fieldMap);
        if (x) props.onDone(x);
      }}
    >
      <div class="form-grid">
        <TextField
          form={form}
          name="discovered_at"
          label="Discovered on"
          type="date"
          hint={
            <>
              The first day anyone of ours knew, or should have known. Leave it empty to count from when the incident
              was discovered, to the minute. <RequirementTag code="164.410(a)(2)" />
            </>
          }
        />
        <TextField form={form} name="occurred_at" label="Happened on" type="date" hint="If known" />
      </div>
      <fieldset class="breach-factors">
        <legend>
          How likely is it that the information was compromised? <RequirementTag code="164.402" />
        </legend>
        {FACTORS.map(([k, label]) => (
          <div class="form-grid">
            <SelectField form={form} name={`risk_${k}`} label={label} options={RISKS} required />
            <TextField form={form} name={`notes_${k}`} label="Reasoning" multiline rows={2} />
          </div>
        ))}
      </fieldset>
      <SelectField form={form} name="exclusion" label="Does an exclusion apply?" options={EXCLUSIONS} />
      <CheckboxField
        form={form}
        name="phi_secured"
        label="The information was encrypted or destroyed as HHS guidance describes, so no one else could read it"
      />
      <Alert kind={breach ? 'warn' : 'info'}>
        {breach
          ? 'As answered, this is presumed a breach: each affected customer must be notified.'
          : 'As answered, this is not a breach that must be notified.'}
      </Alert>
      <p class="hint">
        These words go into the notice's email: keep names, record numbers and dates of birth out of them.
      </p>
      <TextField form={form} name="what_happened" label="What happened" multiline rows={3} required />
      <TextField form={form} name="phi_types" label="Types of information involved" multiline rows={2} required />
      <TextField
        form={form}
        name="individual_steps"
        label="What individuals should do"
        multiline
        rows={2}
        required={breach}
      />
      <TextField form={form} name="our_response" label="What we are doing" multiline rows={2} required={breach} />
      <TextField
        form={form}
        name="contact"
        label="Who to contact with questions"
        multiline
        rows={2}
        required={breach}
      />
      <TextField form={form} name="individuals" label="How many individuals" type="number" min="0" />
      {breach && (
        <fieldset>
          <legend>Customers affected: each gets its own notice and deadline</legend>
          {props.covered.length === 0 ? (
            <Empty>No customer has a signed business associate agreement.</Empty>
          ) : (
            props.covered.map((c) => (
              <CheckboxField form={form} name={`customer_${c.party_id}`} label={coveredLabel(c)} />
            ))
          )}
        </fieldset>
      )}
    </Form>
  );
}

function statusOf(n: Notice): { value: string; tone: string; label: string } {
  if (n.status === 'sent') return { value: 'sent', tone: 'ok', label: 'Sent' };
  if (n.overdue) return { value: 'overdue', tone: 'bad', label: 'Overdue' };
  return { value: 'due', tone: 'warn', label: 'Due' };
}

function Deadlines(props: { b: Breach; onChange: (msg: string) => void }) {
  const [open, setOpen] = useState<{ id: string; what: string } | null>(null);
  const done = (msg: string) => {
    setOpen(null);
    props.onChange(msg);
  };
  // The auditor (and anyone once every notice is out) has no action: no empty column.
  const acting = props.b.notices.some((n) => (n.allowed_actions || []).length > 0);
  return (
    <>
      <Table
        caption="Notice deadline per customer"
        columns={['Customer', 'Deadline', 'Why then', 'Status', 'List of individuals', acting && 'Actions']}
      >
        {props.b.notices.map((n) => {
          const s = statusOf(n);
          return (
            <tr>
              <td>{n.party_name}</td>
              <td>
                <DateText value={n.deadline_at} time />
              </td>
              <td>
                <CitedText text={n.deadline_basis} />
              </td>
              <td>
                <Badge value={s.value} tone={s.tone} label={s.label} />
                {n.sent && (
                  <>
                    {' '}
                    <DateText value={n.sent.at} />
                    {n.sent.recipient
                      ? `, emailed to ${n.sent.recipient}`
                      : n.sent.method
                        ? `, by ${n.sent.method}`
                        : ''}
                    ; recorded by {who(n.sent.by)}
                  </>
                )}
              </td>
              <td>{n.list_secure_message_id ? 'Sent by Secure Message' : 'Not sent yet'}</td>
              {acting && (
                <td>
                  <div class="row-actions">
                    {allows(n, 'send') && (
                      <button
                        type="button"
                        class="btn btn-small"
                        aria-label={`Email the notice: ${n.party_name}`}
                        onClick={() => setOpen({ id: n.id, what: 'send' })}
                      >
                        Email the notice
                      </button>
                    )}
                    {allows(n, 'record_sent') && (
                      <button
                        type="button"
                        class="btn btn-small"
                        aria-label={`Record as sent: ${n.party_name}`}
                        onClick={() => setOpen({ id: n.id, what: 'record' })}
                      >
                        Record as sent
                      </button>
                    )}
                    {allows(n, 'link_list') && !n.list_secure_message_id && (
                      <button
                        type="button"
                        class="btn btn-small"
                        aria-label={`Send the list: ${n.party_name}`}
                        onClick={() => setOpen({ id: n.id, what: 'list' })}
                      >
                        Send the list
                      </button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          );
        })}
      </Table>
      {open &&
        props.b.notices
          .filter((n) => n.id === open.id)
          .map((n) =>
            open.what === 'send' ? (
              <SendForm n={n} onDone={done} onCancel={() => setOpen(null)} />
            ) : open.what === 'record' ? (
              <RecordSentForm n={n} onDone={done} onCancel={() => setOpen(null)} />
            ) : (
              <ListForm n={n} onDone={done} onCancel={() => setOpen(null)} />
            ),
          )}
    </>
  );
}

function AssessmentFacts(props: { a: Assessment }) {
  const a = props.a;
  const delay = a.law_enforcement_delay;
  return (
    <>
      <Facts
        items={[
          [
            'Conclusion',
            <Badge
              value={a.conclusion.breach ? 'breach' : 'not_a_breach'}
              tone={a.conclusion.breach ? 'bad' : 'ok'}
              label={a.conclusion.breach ? 'A breach' : 'Not a breach'}
            />,
          ],
          [
            'Why',
            <>
              {sentence(a.conclusion.basis)} <RequirementTag code={a.conclusion.citation} />
            </>,
          ],
          ['Discovered', <DateText value={a.discovered_at} time />],
          ['Assessed by', who(a.assessed_by)],
          ['Individuals affected', String(a.individuals)],
          ...(delay
            ? ([
                [
                  'Law enforcement delay',
                  <>
                    {delay.written ? 'Written' : 'Oral'} statement by {delay.official}: {delay.days}{' '}
                    {delay.days === 1 ? 'day' : 'days'}, until <DateText value={delay.ends_at} />
                  </>,
                ],
              ] as [string, ComponentChildren][])
            : []),
        ]}
      />
      <Table caption="The four factors" columns={['Factor', 'Assessed', 'Reasoning']}>
        {FACTORS.map(([k, label]) => {
          const f = (a.factors as Record<string, { risk: string; notes?: string | null }>)[k];
          return (
            <tr>
              <td>{label}</td>
              <td>{RISKS.find((r) => r.value === f.risk)?.label}</td>
              <td>{f.notes || ''}</td>
            </tr>
          );
        })}
      </Table>
    </>
  );
}

export function BreachSection(props: { incidentId: string }) {
  const { user } = useSession().info;
  const officer = isOfficer(user.role);
  const [msg, setMsg] = useState('');
  const [delayOpen, setDelayOpen] = useState(false);
  // Officers act and the auditor reads; staff and a party's contact are not shown it.
  const reads = officer || user.role === 'auditor';
  const state = useLoad(
    async (signal) => {
      if (!reads) return { breach: null, covered: [] as Covered[] };
      const breach = await get<Breach>(
        `/api/v1/incidents/${props.incidentId}/breach-assessment`,
        undefined,
        signal,
      ).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      });
      const covered =
        officer && !breach
          ? (await get<{ items: Covered[] }>('/api/v1/breach/covered-entities', undefined, signal)).items
          : [];
      return { breach, covered };
    },
    [props.incidentId],
  );
  if (!reads) return null;
  return (
    <Section title="Breach assessment">
      {msg && <Alert kind="ok">{msg}</Alert>}
      <Loading state={state} label="the breach assessment">
        {(d) =>
          !d.breach ? (
            officer ? (
              <AssessForm
                incidentId={props.incidentId}
                covered={d.covered}
                onDone={() => {
                  setMsg('Assessment recorded.');
                  state.reload();
                }}
              />
            ) : (
              <Empty>No breach assessment yet.</Empty>
            )
          ) : (
            <>
              <AssessmentFacts a={d.breach.assessment} />
              {d.breach.notices.length > 0 && (
                <Deadlines
                  b={d.breach}
                  onChange={(m) => {
                    setMsg(m);
                    state.reload();
                  }}
                />
              )}
              {allows(d.breach.assessment, 'record_delay') &&
                (delayOpen ? (
                  <DelayForm
                    a={d.breach.assessment}
                    onDone={() => {
                      setDelayOpen(false);
                      setMsg('Delay recorded; the deadlines still open moved.');
                      state.reload();
                    }}
                    onCancel={() => setDelayOpen(false)}
                  />
                ) : (
                  <p>
                    <button type="button" class="btn" onClick={() => setDelayOpen(true)}>
                      Record a law enforcement delay
                    </button>
                  </p>
                ))}
            </>
          )
        }
      </Loading>
    </Section>
  );
}
