// The grants list: filters kept in the URL, each grant's gate decision on demand, and
// approve / deny / revoke where the server allows the caller (the grant's allowed_actions).
import { useState } from 'preact/hooks';
import { describe, listAll, post } from '../api';
import { ActionResult, type ResultTone } from '../components/action-result';
import { FilterSelect } from '../components/filter-select';
import { PartyPicker } from '../components/party-picker';
import { Missing, Table } from '../components/table';
import { Link, setQuery, useLocation } from '../router';
import { useSession } from '../session';
import { Alert, Badge, DateText, Empty, Form, Loading, Section, TextField, humanize, useForm, useLoad } from '../ui';
import { DECISION_TEXT, DecisionRules, decisionClass } from './access-gate';
import type { Actor, Grant, Party } from './access-model';
import { plainRefusal } from './review-common';
import { allows, who } from './workflow-model';

const STATUSES = ['requested', 'approved', 'denied', 'revoked', 'expired'];

function GrantActions(props: { grant: Grant; onChanged: (g: Grant, message: string, tone: ResultTone) => void }) {
  const { grant: g } = props;
  const [mode, setMode] = useState<'' | 'deny' | 'revoke'>('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useForm({ comment: '' });
  const { user } = useSession().info;
  const canApprove = allows(g, 'approve');
  const canDeny = allows(g, 'deny');
  const canRevoke = allows(g, 'revoke');
  // Separation of duties: the server offers no approval to whoever asked for the access.
  const ownRequest = g.requested_by?.id === user.id && !canApprove;
  if (!canApprove && !canDeny && !canRevoke) return null;

  async function approve() {
    setBusy(true);
    setError('');
    try {
      const r = await post<Grant>(`/api/v1/access/grants/${g.id}/approve`, {});
      props.onChanged(
        r,
        r.status === 'approved'
          ? 'The grant is approved.'
          : `Not approved: the gate decided again and the request is now ${humanize(r.status).toLowerCase()}.`,
        r.status === 'approved' ? 'ok' : 'bad',
      );
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  }
  async function decide() {
    const action = mode;
    const r = await form.submit((v) =>
      post<Grant>(`/api/v1/access/grants/${g.id}/${action}`, { comment: v.comment }).catch(plainRefusal),
    );
    if (r) {
      setMode('');
      form.reset();
      props.onChanged(r, action === 'deny' ? 'The request is denied.' : 'The grant is revoked.', 'ok');
    }
  }

  return (
    <div class="grant-actions">
      {error && <Alert kind="error">{error}</Alert>}
      {!mode && canDeny && ownRequest && (
        <p class="small muted">You asked for this access, so another approver decides it.</p>
      )}
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
          <TextField
            form={form}
            name="comment"
            label={mode === 'deny' ? 'Why is it denied?' : 'Why is it revoked?'}
            required
            multiline
            rows={2}
          />
        </Form>
      )}
    </div>
  );
}

function actorOf(a: Actor | null | undefined): string {
  return a ? 'by ' + who(a) : '';
}

// The grant's state now, through the gate's eyes: what its decision was and what became of it
// (approved and running, ended, refused), rather than only the decision at request time.
export function gateState(g: Grant): { label: string; tone: string; note?: string } {
  const status = g.effective_status || g.status;
  const decided = g.decision?.decision || g.decision_outcome || '';
  if (status === 'denied')
    return { label: 'Denied', tone: 'bad', note: decided === 'deny' ? 'by the gate' : 'by an approver' };
  if (status === 'revoked') return { label: 'Revoked', tone: 'muted', note: 'access ended' };
  if (status === 'expired') return { label: 'Ended', tone: 'muted', note: 'its window is over' };
  if (status === 'requested') return { label: 'Needs approval', tone: 'warn', note: 'the gate passed it' };
  if (status === 'approved' || status === 'active')
    return {
      label: 'Allowed',
      tone: 'ok',
      note: g.approved_by ? `approved by ${who(g.approved_by)}` : 'every rule passed',
    };
  return { label: DECISION_TEXT[decided] || humanize(decided), tone: 'muted' };
}

function GrantRow(props: { grant: Grant; onChanged: (g: Grant, message: string) => void }) {
  const { grant: g } = props;
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<{ text: string; tone: ResultTone; seq: number } | null>(null);
  const gate = gateState(g);
  const partyName = g.party_name || g.party_id;
  const status = g.effective_status || g.status;
  return (
    <>
      <tr id={`grant-${g.id}`} data-grant={g.id}>
        <td data-label="Party">
          <Link href={`/parties/${g.party_id}`}>{partyName}</Link>
        </td>
        <td data-label="Systems">
          <ul class="plain">
            {g.lines.map((l) => (
              <li>
                {l.system_name || l.system_id}{' '}
                <span class="muted">
                  ({l.permission}
                  {l.environment ? ', ' + l.environment : ''}
                  {l.contains_ephi ? ', ePHI' : ''})
                </span>
              </li>
            ))}
          </ul>
        </td>
        <td data-label="Window">
          <DateText value={g.start_at} /> – <DateText value={g.end_at} />
        </td>
        <td data-label="Gate">
          <Badge value={gate.label} tone={gate.tone} label={gate.label} />
          {gate.note && <div class="small muted">{gate.note}</div>}
        </td>
        <td data-label="Status">
          <Badge value={status} />
          {status !== g.status && <span class="muted"> ({humanize(g.status)})</span>}
        </td>
        <td data-label="Actions">
          <button
            type="button"
            class="btn-link"
            aria-expanded={open}
            aria-controls={`grant-detail-${g.id}`}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide' : 'Why?'}
            <span class="sr-only"> the decision for {partyName}</span>
          </button>
          <GrantActions
            grant={g}
            onChanged={(after, message, tone) => {
              setResult({ text: message, tone, seq: (result?.seq || 0) + 1 });
              props.onChanged(after, message);
            }}
          />
          {result && (
            <ActionResult tone={result.tone} seq={result.seq}>
              {result.text}
            </ActionResult>
          )}
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
                <dd>{g.purpose || <Missing />}</dd>
              </div>
              <div>
                <dt>Requested</dt>
                <dd>
                  <DateText value={g.created_at} time /> {g.requested_by ? `by ${who(g.requested_by)}` : ''}
                </dd>
              </div>
              {g.approved_by && (
                <div>
                  <dt>Approved</dt>
                  <dd>
                    by {who(g.approved_by)}
                    {g.approval_comment ? `: “${g.approval_comment}”` : ''}
                  </dd>
                </div>
              )}
              {g.reason && (
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

export function Grants(props: { parties: Party[]; reloadKey: number; notice: string; setNotice: (s: string) => void }) {
  const loc = useLocation();
  const status = loc.query.get('status') || '';
  const partyFilter = loc.query.get('party_id') || '';
  const [tick, setTick] = useState(0);
  const grants = useLoad(
    (signal) => listAll<Grant>('/api/v1/access/grants', { status, party_id: partyFilter }, signal),
    [status, partyFilter, props.reloadKey, tick],
  );
  return (
    <Section title="Grants" id="grants">
      <div class="filters" role="group" aria-label="Filter the grants">
        <FilterSelect
          id="grant-status"
          label="Filter by status"
          value={status}
          any="All"
          options={STATUSES}
          onChange={(v) => setQuery({ status: v })}
        />
        <PartyPicker
          id="grant-party"
          label="Filter by party"
          value={partyFilter}
          empty="All parties"
          parties={props.parties}
          onChange={(v) => setQuery({ party_id: v })}
        />
      </div>
      <div role="status" class="grant-notice">
        {props.notice && <Alert kind="ok">{props.notice}</Alert>}
      </div>
      <Loading state={grants} label="grants">
        {(items) =>
          items.length === 0 ? (
            <Empty>No grants{status ? ` with status ${humanize(status).toLowerCase()}` : ''}.</Empty>
          ) : (
            <Table
              class="grants-table"
              caption="Access grants, newest first"
              captionClass="sr-only"
              columns={['Party', 'Systems', 'Window', 'Gate', 'Status', 'Actions']}
            >
              {items.map((g) => (
                <GrantRow
                  key={g.id}
                  grant={g}
                  onChanged={() => {
                    // The row shows what happened beside its buttons; the list reloads.
                    props.setNotice('');
                    setTick((t) => t + 1);
                  }}
                />
              ))}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}
