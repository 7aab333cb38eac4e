// One entitlement review: each line (an account's role, a use of emergency access, a third
// party's access) kept or revoked, with a reason to revoke. The buttons on a line are the ones
// the server allows this person (never a line about their own account); a revocation ends the
// access at once.
import { useState } from 'preact/hooks';
import { ApiError, describe, get, post } from '../api';
import { ActionResult } from '../components/action-result';
import { Table } from '../components/table';
import { Link } from '../router';
import { Badge, DateText, Facts, Loading, Page, Section, humanDates, useLoad } from '../ui';
import {
  campaignStatus,
  decisionLabel,
  lineKind,
  lineSubject,
  scopeLabel,
  undecided,
  type Campaign,
  type CampaignLine,
} from './accounts-model';
import { plainRefusal } from './review-common';
import { allows, who } from './workflow-model';
import './accounts.css';

type Outcome = { line: string; tone: 'ok' | 'bad'; text: string; seq: number };

function LineDecision(props: { campaign: Campaign; line: CampaignLine; onDone: (o: Omit<Outcome, 'seq'>) => void }) {
  const { campaign, line } = props;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = `line-${line.line_id}-comment`;
  const decide = async (decision: 'certify' | 'revoke') => {
    if (decision === 'revoke' && !comment.trim()) {
      setError('Say why the access ends.');
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      await post(`/api/v1/entitlement-reviews/${campaign.id}/lines/${line.line_id}`, {
        decision,
        comment,
      }).catch(plainRefusal);
      props.onDone({
        line: line.line_id || '',
        tone: 'ok',
        text:
          decision === 'certify'
            ? `Kept: ${lineSubject(line)}.`
            : `Revoked: ${lineSubject(line)}. The access has ended.`,
      });
    } catch (e) {
      const text = e instanceof ApiError && e.details.length ? e.details.map((d) => d.reason).join('; ') : describe(e);
      props.onDone({ line: line.line_id || '', tone: 'bad', text });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="line-decision">
      <div class={`field${error ? ' field-invalid' : ''}`}>
        <label for={id}>Reason</label>
        <input
          id={id}
          value={comment}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? id + '-error' : undefined}
          onInput={(e) => setComment((e.target as HTMLInputElement).value)}
        />
        {error && (
          <p class="field-error" id={id + '-error'}>
            {error}
          </p>
        )}
      </div>
      {allows(line, 'certify') && (
        <button type="button" class="btn" disabled={busy} onClick={() => decide('certify')}>
          Keep<span class="visually-hidden">: {lineSubject(line)}</span>
        </button>
      )}
      {allows(line, 'revoke') && (
        <button type="button" class="btn btn-danger" disabled={busy} onClick={() => decide('revoke')}>
          Revoke<span class="visually-hidden">: {lineSubject(line)}</span>
        </button>
      )}
    </div>
  );
}

function LineSubject(props: { line: CampaignLine }) {
  const l = props.line;
  if (l.kind === 'grant' && l.party_id) {
    return <Link href={`/parties/${l.party_id}`}>{lineSubject(l)}</Link>;
  }
  if (l.user_id) return <Link href={`/accounts/${l.user_id}`}>{lineSubject(l)}</Link>;
  return <>{lineSubject(l)}</>;
}

export function EntitlementReviewPage(props: { id: string }) {
  const state = useLoad(
    (signal) => get<Campaign>(`/api/v1/entitlement-reviews/${props.id}`, undefined, signal),
    [props.id],
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <Loading state={state} label="the entitlement review">
      {(c) => {
        const s = campaignStatus(c.status);
        const left = undecided(c);
        return (
          <Page title={humanDates(c.title)} subtitle={scopeLabel(c.scope)}>
            <Section title="Summary">
              <Facts
                items={[
                  ['Status', <Badge value={c.status} label={s.label} tone={s.tone} />],
                  ['Due', <DateText value={c.due_at} />],
                  ['To decide', `${left} of ${c.lines.length}`],
                  ['Completed', c.completed_at ? <DateText value={c.completed_at} /> : null],
                ]}
              />
            </Section>
            <Section title="Access to confirm">
              {c.lines.length === 0 ? (
                <p class="muted">Nothing to review in this scope.</p>
              ) : (
                <Table
                  columns={['Who or what', 'Kind', 'Decision']}
                  class="lines-table"
                  caption="Lines"
                  captionClass="visually-hidden"
                >
                  {c.lines.map((l) => {
                    const d = decisionLabel(l.decision);
                    const mayDecide = allows(l, 'certify') || allows(l, 'revoke');
                    return (
                      <tr key={l.line_id}>
                        <td>
                          <LineSubject line={l} />
                          {l.kind === 'break_glass' && l.reason && <div class="small muted">“{l.reason}”</div>}
                          {l.kind === 'break_glass' && l.at && (
                            <div class="small muted">
                              On <DateText value={l.at} time />
                            </div>
                          )}
                          {outcome && outcome.line === l.line_id && (
                            <ActionResult tone={outcome.tone} seq={outcome.seq}>
                              {outcome.text}
                            </ActionResult>
                          )}
                        </td>
                        <td>{lineKind(l)}</td>
                        <td>
                          <Badge value={l.decision || 'undecided'} label={d.label} tone={d.tone} />
                          {l.decided_by && (
                            <div class="small muted">
                              by {who(l.decided_by)}, <DateText value={l.decided_at} />
                              {l.comment && <>: “{l.comment}”</>}
                            </div>
                          )}
                          {mayDecide && (
                            <LineDecision
                              campaign={c}
                              line={l}
                              onDone={(o) => {
                                setOutcome({ ...o, seq: (outcome?.seq || 0) + 1 });
                                if (o.tone === 'ok') state.reload();
                              }}
                            />
                          )}
                          {!l.decision && !mayDecide && c.status !== 'completed' && l.user_id && (
                            <div class="small muted">Someone else decides this line.</div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </Table>
              )}
            </Section>
          </Page>
        );
      }}
    </Loading>
  );
}
