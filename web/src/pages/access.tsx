// Access (TP-2 … TP-4, TR-3): request access for a third party with the gate's decision shown
// live as the form is filled in, and the grants with approve / deny / revoke.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, describe, get, post, type ErrorDetail, type ListPage } from '../api';
import { Link, setQuery, useLocation } from '../router';
import { isOfficer, isWorkforce, maySelfApprove, ROLE_NAMES, useSession, type Role } from '../session';
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
  humanize,
  useForm,
  useLoad,
  type Values,
} from '../ui';
import { DECISION_TEXT, DecisionBadge, DecisionRules, decisionClass, type Decision } from './access-gate';
import { plainRefusal } from './review-common';
import './access.css';

interface Party {
  id: string;
  name: string;
  kind: string;
  status: string;
}
interface Contact {
  id: string;
  name: string;
  email?: string;
  role?: string;
  primary?: boolean;
}
interface System {
  id: string;
  name: string;
  environment: string;
  contains_ephi: boolean;
}
interface Actor {
  id: string;
  role: string;
}
interface GrantLine {
  system_id: string;
  system_name?: string;
  permission: string;
  justification?: string;
  environment?: string;
  contains_ephi?: boolean;
}
interface Grant {
  id: string;
  party_id: string;
  contact_id: string;
  start_at: string;
  end_at: string;
  purpose?: string;
  lines: GrantLine[];
  status: string;
  effective_status?: string;
  decision: Decision;
  decision_outcome?: string;
  decided_by?: string;
  requested_by?: Actor;
  approved_by?: Actor;
  approval_comment?: string;
  created_at: string;
  [k: string]: unknown;
}

async function listAll<T>(path: string, query: Record<string, string> = {}, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: ListPage<T> = await get<ListPage<T>>(path, { ...query, limit: 500, cursor }, signal);
    out.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return out;
}

const PERMISSIONS = [
  { value: 'read', label: 'Read' },
  { value: 'write', label: 'Write' },
  { value: 'admin', label: 'Admin' },
];

function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return d.toISOString().slice(0, 10);
}

const INITIAL: Values = {
  party_id: '',
  contact_id: '',
  start_at: today(),
  end_at: today(30),
  purpose: '',
  'lines[0].system_id': '',
  'lines[0].permission': 'read',
  'lines[0].justification': '',
};

function lineCount(v: Values) {
  let n = 0;
  for (const k of Object.keys(v)) {
    const m = k.match(/^lines\[(\d+)\]\./);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

// The request body from the form's flat values: empty fields left out, so the server says
// what is missing.
function requestBody(v: Values) {
  const body: Record<string, unknown> = {};
  for (const k of ['party_id', 'contact_id', 'start_at', 'end_at', 'purpose']) if (v[k]) body[k] = v[k];
  const lines = [];
  for (let i = 0; i < lineCount(v); i++) {
    const line: Record<string, string> = {};
    for (const f of ['system_id', 'permission', 'justification']) {
      const x = v[`lines[${i}].${f}`];
      if (x) line[f] = x;
    }
    lines.push(line);
  }
  body.lines = lines;
  return body;
}

function fieldLabel(field: string): string {
  const names: Record<string, string> = {
    party_id: 'the party',
    contact_id: 'the contact',
    start_at: 'the start date',
    end_at: 'the end date',
    purpose: 'the purpose',
    lines: 'at least one system',
    system_id: 'system',
    permission: 'permission',
    justification: 'justification',
  };
  const m = field.match(/^lines\[(\d+)\]\.(\w+)$/);
  if (m) return `line ${Number(m[1]) + 1}: ${names[m[2]] || humanize(m[2])}`;
  return names[field] || humanize(field);
}

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
          if (e instanceof ApiError && e.status === 422 && e.details.length) setLive({ kind: 'incomplete', details: e.details });
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
    const denies = d.rules.filter((r) => r.outcome === 'deny').map((r) => r.seed_ref || r.id);
    body = (
      <div class={decisionClass(d.decision)} data-decision={d.decision}>
        <h2 id="gate-decision-title">
          Gate decision: {DECISION_TEXT[d.decision] || humanize(d.decision)}
        </h2>
        <p class="gate-summary">
          {d.decision === 'deny' && `Denied by ${[...new Set(denies)].join(', ')}. Submitting records a denied request.`}
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
        {checking ? 'Checking the gate…' : 'The decision follows the form as you type; nothing is recorded until you submit.'}
      </p>
    </div>
  );
}

function RequestForm(props: { parties: Party[]; systems: System[]; onRecorded: (g: Grant) => void }) {
  const form = useForm(INITIAL);
  const [partyQuery, setPartyQuery] = useState('');
  const live = useLiveDecision(form.values);
  const partyId = form.values.party_id;
  const contacts = useLoad(
    (signal) => (partyId ? get<ListPage<Contact>>(`/api/v1/parties/${partyId}/contacts`, { limit: 100 }, signal).then((p) => p.items) : Promise.resolve([] as Contact[])),
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

  const q = partyQuery.trim().toLowerCase();
  const partyOptions = props.parties
    .filter((p) => !q || p.name.toLowerCase().includes(q) || p.id === partyId)
    .map((p) => ({ value: p.id, label: `${p.name} (${humanize(p.kind)}${p.status !== 'active' ? ', ' + p.status : ''})` }));
  const systemOptions = props.systems.map((s) => ({
    value: s.id,
    label: `${s.name} — ${s.environment}${s.contains_ephi ? ', ePHI' : ''}`,
  }));
  const n = lineCount(form.values);

  function addLine() {
    form.setValues({ ...form.values, [`lines[${n}].system_id`]: '', [`lines[${n}].permission`]: 'read', [`lines[${n}].justification`]: '' });
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
      props.onRecorded(g);
      form.reset({ ...INITIAL, start_at: today(), end_at: today(30) });
      setPartyQuery('');
    }
  }

  return (
    <div class="access-request">
      <Form form={form} onSubmit={submit} submitLabel="Submit the request" label="Access request" class="form access-form">
        <div class="form-grid">
          <div class="field">
            <label for="party-search">Find a party</label>
            <input
              id="party-search"
              type="search"
              value={partyQuery}
              aria-describedby="party-search-hint"
              onInput={(e) => setPartyQuery((e.target as HTMLInputElement).value)}
            />
            <p class="hint" id="party-search-hint">
              Narrows the party list below ({partyOptions.length} of {props.parties.length}).
            </p>
          </div>
          <SelectField form={form} name="party_id" label="Party" required options={partyOptions} placeholder="Choose a party…" />
          <SelectField
            form={form}
            name="contact_id"
            label="Contact at the party"
            required
            placeholder={!partyId ? 'Choose a party first' : contacts.data && contacts.data.length === 0 ? 'This party has no contacts' : 'Choose a contact…'}
            options={(contacts.data || []).map((c) => ({ value: c.id, label: `${c.name}${c.email ? ' <' + c.email + '>' : ''}${c.primary ? ' (primary)' : ''}` }))}
            hint={contacts.error ? describe(contacts.error) : undefined}
          />
          <TextField form={form} name="start_at" label="Start" type="date" required />
          <TextField form={form} name="end_at" label="End" type="date" required hint="Access ends at the start of this day (UTC)." />
        </div>
        <TextField form={form} name="purpose" label="Purpose" multiline rows={2} />
        <fieldset class="access-lines">
          <legend>Systems requested</legend>
          {Array.from({ length: n }, (_, i) => (
            <div class="access-line" id={`line-${i}`} role="group" aria-label={`Line ${i + 1}`}>
              <SelectField form={form} name={`lines[${i}].system_id`} label={`System (line ${i + 1})`} required options={systemOptions} placeholder="Choose a system…" />
              <SelectField form={form} name={`lines[${i}].permission`} label={`Permission (line ${i + 1})`} required options={PERMISSIONS} />
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
      <LivePanel live={live} />
    </div>
  );
}

// ---- the grants list ----

const STATUSES = ['requested', 'approved', 'denied', 'revoked', 'expired'];

function GrantActions(props: { grant: Grant; role: Role; onChanged: (g: Grant, message: string) => void }) {
  const { grant: g, role } = props;
  const [mode, setMode] = useState<'' | 'deny' | 'revoke'>('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useForm({ comment: '' });
  const approvers = new Set(
    (g.decision?.rules || []).flatMap((r) => (r.evidence || []).filter((e) => e.kind === 'approval').map((e) => e.ref)),
  );
  const session = useSession().info;
  const mayDecide = approvers.size ? approvers.has(role) : isOfficer(role);
  const status = g.effective_status || g.status;
  // Separation of duties: whoever asked for the access does not approve it.
  const ownRequest = g.requested_by?.id === session.user.id && !maySelfApprove(session, 'grant.approve');
  const canApprove = g.status === 'requested' && mayDecide && !ownRequest;
  const canDeny = g.status === 'requested' && mayDecide;
  const canRevoke = g.status === 'approved' && status !== 'expired' && isOfficer(role);
  if (!canDeny && !canRevoke) return null;

  async function approve() {
    setBusy(true);
    setError('');
    try {
      const r = await post<Grant>(`/api/v1/access/grants/${g.id}/approve`, {});
      props.onChanged(r, r.status === 'approved' ? 'The grant is approved.' : `The gate decided again: ${humanize(r.status)}.`);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  }
  async function decide() {
    const action = mode;
    const r = await form.submit((v) => post<Grant>(`/api/v1/access/grants/${g.id}/${action}`, { comment: v.comment }).catch(plainRefusal));
    if (r) {
      setMode('');
      form.reset();
      props.onChanged(r, action === 'deny' ? 'The request is denied.' : 'The grant is revoked.');
    }
  }

  return (
    <div class="grant-actions">
      {error && <Alert kind="error">{error}</Alert>}
      {!mode && canDeny && ownRequest && <p class="small muted">You asked for this access, so another approver decides it.</p>}
      {!mode && (
        <div class="form-actions">
          {canApprove && (
            <button type="button" class="btn btn-primary btn-small" disabled={busy} onClick={approve}>
              Approve
            </button>
          )}
          {canDeny && (
            <button type="button" class="btn btn-small" onClick={() => setMode('deny')}>
              Deny…
            </button>
          )}
          {canRevoke && (
            <button type="button" class="btn btn-small" onClick={() => setMode('revoke')}>
              Revoke…
            </button>
          )}
        </div>
      )}
      {mode && (
        <Form
          form={form}
          onSubmit={decide}
          submitLabel={mode === 'deny' ? 'Deny the request' : 'Revoke the grant'}
          label={mode === 'deny' ? `Deny grant ${g.id}` : `Revoke grant ${g.id}`}
          class="form grant-comment-form"
          secondary={
            <button
              type="button"
              class="btn btn-small"
              onClick={() => {
                setMode('');
                form.reset();
              }}
            >
              Cancel
            </button>
          }
        >
          <TextField form={form} name="comment" label={mode === 'deny' ? 'Why is it denied?' : 'Why is it revoked?'} required multiline rows={2} />
        </Form>
      )}
    </div>
  );
}

function actorOf(a: unknown): string {
  if (!a || typeof a !== 'object') return '';
  const r = (a as Actor).role;
  return 'by ' + (ROLE_NAMES[r as Role] || r);
}

function GrantRow(props: {
  grant: Grant;
  parties: Map<string, Party>;
  role: Role;
  onChanged: (g: Grant, message: string) => void;
}) {
  const { grant: g } = props;
  const [open, setOpen] = useState(false);
  const party = props.parties.get(g.party_id);
  const status = g.effective_status || g.status;
  return (
    <>
      <tr id={`grant-${g.id}`} data-grant={g.id}>
        <td data-label="Party">{party ? <Link href={`/parties/${g.party_id}`}>{party.name}</Link> : <code>{g.party_id}</code>}</td>
        <td data-label="Systems">
          <ul class="plain">
            {g.lines.map((l) => (
              <li>
                {l.system_name || l.system_id} <span class="muted">({l.permission}{l.environment ? ', ' + l.environment : ''}{l.contains_ephi ? ', ePHI' : ''})</span>
              </li>
            ))}
          </ul>
        </td>
        <td data-label="Window">
          <DateText value={g.start_at} /> – <DateText value={g.end_at} />
        </td>
        <td data-label="Gate">
          <DecisionBadge decision={g.decision?.decision || g.decision_outcome || ''} />
        </td>
        <td data-label="Status">
          <Badge value={status} />
          {status !== g.status && <span class="muted"> ({humanize(g.status)})</span>}
        </td>
        <td data-label="Actions">
          <button type="button" class="btn-link" aria-expanded={open} aria-controls={`grant-detail-${g.id}`} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Why?'}
            <span class="sr-only"> the decision for {party?.name || g.party_id}</span>
          </button>
          <GrantActions grant={g} role={props.role} onChanged={props.onChanged} />
        </td>
      </tr>
      {open && (
        <tr class="grant-detail" id={`grant-detail-${g.id}`}>
          <td colSpan={6}>
            <div class={decisionClass(g.decision.decision)}>
              <h3>Gate decision: {DECISION_TEXT[g.decision.decision] || g.decision.decision}</h3>
              <DecisionRules decision={g.decision} />
            </div>
            <dl class="facts">
              <div>
                <dt>Purpose</dt>
                <dd>{g.purpose || <span class="muted">—</span>}</dd>
              </div>
              <div>
                <dt>Requested</dt>
                <dd>
                  <DateText value={g.created_at} time /> {g.requested_by ? `by ${ROLE_NAMES[g.requested_by.role as Role] || g.requested_by.role}` : ''}
                </dd>
              </div>
              {g.approved_by && (
                <div>
                  <dt>Approved</dt>
                  <dd>
                    by {ROLE_NAMES[g.approved_by.role as Role] || g.approved_by.role}
                    {g.approval_comment ? `: “${g.approval_comment}”` : ''}
                  </dd>
                </div>
              )}
              {typeof g.reason === 'string' && g.reason && (
                <div>
                  <dt>{g.status === 'revoked' ? 'Revoked' : 'Denied'}</dt>
                  <dd>
                    {actorOf(g.revoked_by || g.denied_by)}: “{g.reason}”
                  </dd>
                </div>
              )}
              <div>
                <dt>Grant</dt>
                <dd>
                  <code>{g.id}</code>
                </dd>
              </div>
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}

function Grants(props: { parties: Party[]; role: Role; reloadKey: number; notice: string; setNotice: (s: string) => void }) {
  const loc = useLocation();
  const status = loc.query.get('status') || '';
  const partyFilter = loc.query.get('party_id') || '';
  const [tick, setTick] = useState(0);
  const grants = useLoad(
    (signal) => listAll<Grant>('/api/v1/access/grants', { status, party_id: partyFilter }, signal),
    [status, partyFilter, props.reloadKey, tick],
  );
  const parties = useMemo(() => new Map(props.parties.map((p) => [p.id, p])), [props.parties]);
  return (
    <Section title="Grants" id="grants">
      <div class="filters" role="group" aria-label="Filter the grants">
        <div class="field">
          <label for="grant-status">Filter by status</label>
          <select id="grant-status" value={status} onChange={(e) => setQuery({ status: (e.target as HTMLSelectElement).value })}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option value={s}>{humanize(s)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="grant-party">Filter by party</label>
          <select id="grant-party" value={partyFilter} onChange={(e) => setQuery({ party_id: (e.target as HTMLSelectElement).value })}>
            <option value="">All parties</option>
            {props.parties.map((p) => (
              <option value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
      </div>
      <div role="status" class="grant-notice">
        {props.notice && <Alert kind="ok">{props.notice}</Alert>}
      </div>
      <Loading state={grants} label="grants">
        {(items) =>
          items.length === 0 ? (
            <Empty>No grants{status ? ` with status ${humanize(status).toLowerCase()}` : ''}.</Empty>
          ) : (
            <div class="table-wrap">
              <table class="grants-table">
                <caption class="sr-only">Access grants, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">Systems</th>
                    <th scope="col">Window</th>
                    <th scope="col">Gate</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {[...items].reverse().map((g) => (
                    <GrantRow
                      key={g.id}
                      grant={g}
                      parties={parties}
                      role={props.role}
                      onChanged={(_, message) => {
                        props.setNotice(message);
                        setTick((t) => t + 1);
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </Section>
  );
}

export function AccessPage() {
  const { user } = useSession().info;
  const mayRequest = isWorkforce(user.role);
  const refs = useLoad(
    async (signal) => {
      const [parties, systems] = await Promise.all([
        listAll<Party>('/api/v1/parties', {}, signal),
        mayRequest ? listAll<System>('/api/v1/systems', {}, signal) : Promise.resolve([] as System[]),
      ]);
      parties.sort((a, b) => a.name.localeCompare(b.name));
      systems.sort((a, b) => a.name.localeCompare(b.name));
      return { parties, systems };
    },
    [mayRequest],
  );
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState('');
  return (
    <Page title="Access" subtitle="Third-party access: every request passes the gate (TP-2 … TP-4, TR-3) and is recorded with its decision.">
      <Loading state={refs} label="parties and systems">
        {(r) => (
          <>
            {mayRequest && (
              <Section title="Request access" id="request">
                <RequestForm
                  parties={r.parties}
                  systems={r.systems}
                  onRecorded={(g) => {
                    const party = r.parties.find((p) => p.id === g.party_id)?.name || g.party_id;
                    setNotice(`Request recorded for ${party}: ${humanize(g.effective_status || g.status)} (gate: ${DECISION_TEXT[g.decision.decision] || g.decision.decision}).`);
                    setReloadKey((k) => k + 1);
                  }}
                />
              </Section>
            )}
            <Grants parties={r.parties} role={user.role} reloadKey={reloadKey} notice={notice} setNotice={setNotice} />
          </>
        )}
      </Loading>
    </Page>
  );
}

