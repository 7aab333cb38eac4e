// The access request form, with the gate's decision evaluated live (a dry run of the gate,
// debounced) as the form is filled in.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describe, get, post, type ErrorDetail, type ListPage } from '../api';
import { ActionResult } from '../components/action-result';
import { PartyField } from '../components/party-picker';
import { RequirementTag } from '../components/requirement-tag';
import { DateText, Form, SelectField, TextField, humanize, useForm, useLoad, type FormState, type Values } from '../ui';
import { DECISION_TEXT, DecisionRules, decisionClass, type Decision } from './access-gate';
import {
  fieldLabel,
  INITIAL,
  lineCount,
  requestBody,
  today,
  type Contact,
  type Grant,
  type Party,
  type System,
} from './access-model';

const PERMISSIONS = [
  { value: 'read', label: 'Read' },
  { value: 'write', label: 'Write' },
  { value: 'admin', label: 'Admin' },
];

type Live =
  | { kind: 'idle' }
  | { kind: 'checking'; last?: Live }
  | { kind: 'decision'; decision: Decision }
  | { kind: 'incomplete'; details: ErrorDetail[] }
  | { kind: 'error'; message: string };

// Debounced dry runs of the gate while the form changes.
function useLiveDecision(values: Values): Live {
  const [live, setLive] = useState<Live>({ kind: 'idle' });
  const key = JSON.stringify(requestBody(values));
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const ctl = new AbortController();
    setLive((l) => (l.kind === 'checking' ? l : { kind: 'checking', last: l }));
    const t = setTimeout(() => {
      post<Decision>('/api/v1/access/evaluate', JSON.parse(key), { signal: ctl.signal }).then(
        (decision) => mine === seq.current && setLive({ kind: 'decision', decision }),
        (e) => {
          if (mine !== seq.current || (e as Error).name === 'AbortError') return;
          if (e instanceof ApiError && e.status === 422 && e.details.length)
            setLive({ kind: 'incomplete', details: e.details });
          else setLive({ kind: 'error', message: describe(e) });
        },
      );
    }, 300);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [key]);
  return live;
}

function LivePanel(props: { live: Live }) {
  let live = props.live;
  const checking = live.kind === 'checking';
  if (live.kind === 'checking') live = live.last || { kind: 'idle' };
  let body;
  if (live.kind === 'decision') {
    const d = live.decision;
    const denies = d.rules.filter((r) => r.outcome === 'deny').length;
    body = (
      <div class={decisionClass(d.decision)} data-decision={d.decision}>
        <h2 id="gate-decision-title">Gate decision: {DECISION_TEXT[d.decision] || humanize(d.decision)}</h2>
        <p class="gate-summary">
          {d.decision === 'deny' &&
            `${denies === 1 ? 'One rule denies it' : `${denies} rules deny it`} (below). Submitting records a denied request.`}
          {d.decision === 'needs_approval' && 'Every rule passes; a grant needs approval before it takes effect.'}
          {d.decision === 'allow' && 'Every rule passes; the grant takes effect when submitted.'}
        </p>
        <DecisionRules decision={d} />
      </div>
    );
  } else if (live.kind === 'incomplete') {
    const missing = [...new Set(live.details.map((d) => fieldLabel(d.field)))];
    body = (
      <div class="decision decision-pending" data-decision="incomplete">
        <h2 id="gate-decision-title">Gate decision: not yet</h2>
        <p class="gate-summary">Fill in {missing.join(', ')} to see the gate's decision.</p>
        <ul class="gate-missing">
          {live.details.map((d) => (
            <li>
              {humanize(fieldLabel(d.field))}: {d.reason}
            </li>
          ))}
        </ul>
      </div>
    );
  } else if (live.kind === 'error') {
    body = (
      <div class="decision decision-pending" data-decision="error">
        <h2 id="gate-decision-title">Gate decision unavailable</h2>
        <p class="gate-summary">{live.message}</p>
      </div>
    );
  } else {
    body = (
      <div class="decision decision-pending" data-decision="idle">
        <h2 id="gate-decision-title">Gate decision</h2>
        <p class="gate-summary">Checking…</p>
      </div>
    );
  }
  return (
    <div class="gate-live" aria-live="polite" aria-busy={checking ? 'true' : 'false'} id="gate-live">
      {body}
      <p class="gate-checking muted" aria-hidden="true">
        {checking
          ? 'Checking the gate…'
          : 'The decision follows the form as you type; nothing is recorded until you submit.'}
      </p>
    </div>
  );
}

export function RequestForm(props: { parties: Party[]; systems: System[]; onRecorded: (g: Grant) => void }) {
  const form = useForm(INITIAL);
  const live = useLiveDecision(form.values);
  const [recorded, setRecorded] = useState<{ grant: Grant; seq: number } | null>(null);
  const partyId = form.values.party_id;
  const contacts = useLoad(
    (signal) =>
      partyId
        ? get<ListPage<Contact>>(`/api/v1/parties/${partyId}/contacts`, { limit: 100 }, signal).then((p) => p.items)
        : Promise.resolve([] as Contact[]),
    [partyId],
  );
  // Pick the party's primary contact when the party changes.
  useEffect(() => {
    const list = contacts.data;
    if (!list || !partyId) return;
    if (list.some((c) => c.id === form.values.contact_id)) return;
    const primary = list.find((c) => c.primary) || (list.length === 1 ? list[0] : undefined);
    form.set('contact_id', primary ? primary.id : '');
  }, [contacts.data]);

  const systemOptions = props.systems.map((s) => ({
    value: s.id,
    label: `${s.name} — ${s.environment}${s.contains_ephi ? ', ePHI' : ''}`,
  }));
  const n = lineCount(form.values);

  function addLine() {
    form.setValues({
      ...form.values,
      [`lines[${n}].system_id`]: '',
      [`lines[${n}].permission`]: 'read',
      [`lines[${n}].justification`]: '',
      [`lines[${n}].endpoint`]: '',
    });
    setTimeout(() => document.getElementById(`line-${n}`)?.querySelector('select')?.focus(), 0);
  }
  function removeLine(i: number) {
    const next: Values = {};
    for (const [k, v] of Object.entries(form.values)) {
      const m = k.match(/^lines\[(\d+)\]\.(\w+)$/);
      if (!m) next[k] = v;
      else if (Number(m[1]) < i) next[k] = v;
      else if (Number(m[1]) > i) next[`lines[${Number(m[1]) - 1}].${m[2]}`] = v;
    }
    form.setValues(next);
  }

  async function submit() {
    const g = await form.submit((v) => post<Grant>('/api/v1/access/grants', requestBody(v)));
    if (g) {
      setRecorded({ grant: g, seq: (recorded?.seq || 0) + 1 });
      props.onRecorded(g);
      form.reset({ ...INITIAL, start_at: today(), end_at: today(30) });
    }
  }

  return (
    <div class="access-request">
      <div class="access-request-main">
        <Form
          form={form}
          onSubmit={submit}
          submitLabel="Submit the request"
          label="Access request"
          class="form access-form"
        >
          <div class="form-grid">
            <PartyField form={form} name="party_id" label="Party" required detailed parties={props.parties} />
            <SelectField
              form={form}
              name="contact_id"
              label="Contact at the party"
              required
              placeholder={
                !partyId
                  ? 'Choose a party first'
                  : contacts.data && contacts.data.length === 0
                    ? 'This party has no contacts'
                    : 'Choose a contact…'
              }
              options={(contacts.data || []).map((c) => ({
                value: c.id,
                label: `${c.name}${c.email ? ' <' + c.email + '>' : ''}${c.primary ? ' (primary)' : ''}`,
              }))}
              hint={contacts.error ? describe(contacts.error) : undefined}
            />
            <TextField form={form} name="start_at" label="Start" type="date" required />
            <TextField
              form={form}
              name="end_at"
              label="End"
              type="date"
              required
              hint="Access ends at the start of this day (UTC)."
            />
          </div>
          <TextField form={form} name="purpose" label="Purpose" multiline rows={2} />
          <fieldset class="access-lines">
            <legend>Systems requested</legend>
            {Array.from({ length: n }, (_, i) => (
              <div class="access-line" id={`line-${i}`} role="group" aria-label={`Line ${i + 1}`}>
                <SelectField
                  form={form}
                  name={`lines[${i}].system_id`}
                  label={`System (line ${i + 1})`}
                  required
                  options={systemOptions}
                  placeholder="Choose a system…"
                />
                <SelectField
                  form={form}
                  name={`lines[${i}].permission`}
                  label={`Permission (line ${i + 1})`}
                  required
                  options={PERMISSIONS}
                />
                <EndpointField form={form} line={i} systems={props.systems} />
                <TextField form={form} name={`lines[${i}].justification`} label={`Justification (line ${i + 1})`} />
                {n > 1 && (
                  <button type="button" class="btn btn-small access-line-remove" onClick={() => removeLine(i)}>
                    Remove line {i + 1}
                  </button>
                )}
              </div>
            ))}
            <button type="button" class="btn btn-small" onClick={addLine}>
              Add a system
            </button>
          </fieldset>
        </Form>
        {recorded && (
          <RecordedResult
            grant={recorded.grant}
            seq={recorded.seq}
            party={props.parties.find((p) => p.id === recorded.grant.party_id)?.name || 'the party'}
          />
        )}
      </div>
      <LivePanel live={live} />
    </div>
  );
}

// What the gate made of the request just submitted, beside the button: denied (red, with the
// rules that denied it), waiting for approval, or granted.
function RecordedResult(props: { grant: Grant; party: string; seq: number }) {
  const g = props.grant;
  const rules = g.decision?.rules || [];
  const status = g.effective_status || g.status;
  if (g.status === 'denied') {
    const denying = rules.filter((r) => r.outcome === 'deny');
    return (
      <ActionResult tone="bad" seq={props.seq} id="request-result">
        Request recorded for {props.party}: Denied.
        <ul class="plain">
          {denying.map((r) => (
            <li>
              {r.reason}
              {r.seed_ref && <RequirementTag code={r.seed_ref} statement={r.statement || undefined} />}
            </li>
          ))}
        </ul>
      </ActionResult>
    );
  }
  if (g.status === 'requested') {
    const approval = rules.find((r) => r.outcome === 'needs_approval');
    return (
      <ActionResult tone="warn" seq={props.seq} id="request-result">
        Request recorded for {props.party}: Needs approval.
        <p>{approval?.reason ? `It ${approval.reason} before it takes effect.` : 'An approver decides it next.'}</p>
      </ActionResult>
    );
  }
  return (
    <ActionResult tone="ok" seq={props.seq} id="request-result">
      Request recorded for {props.party}: {humanize(status)}.
      <p>
        Access from <DateText value={g.start_at} /> until <DateText value={g.end_at} />.
      </p>
    </ActionResult>
  );
}

// How the party will connect to a line's system (TP-5): one of the endpoints it declares, or
// any of them. The gate refuses an endpoint that carries data in clear.
function EndpointField(props: { form: FormState; line: number; systems: System[] }) {
  const systemId = props.form.values[`lines[${props.line}].system_id`];
  const system = props.systems.find((s) => s.id === systemId);
  const endpoints = system?.endpoints || [];
  if (endpoints.length === 0) return null;
  return (
    <SelectField
      form={props.form}
      name={`lines[${props.line}].endpoint`}
      label={`Connects through (line ${props.line + 1})`}
      placeholder="Any of the system's endpoints"
      options={endpoints.map((e) => ({
        value: e.name,
        label: `${e.name} — ${e.protocol}${e.plaintext ? ', not encrypted' : ''}`,
      }))}
    />
  );
}
