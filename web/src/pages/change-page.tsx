// One change request (TR-5), walked step by step: what it is, its test evidence from a lower
// environment, the peer review (in the portal or on GitHub/GitLab), management approval, the
// release and the check after it; an emergency change's retrospective review and its due date.
// Only the steps the server allows this person are offered (separation of duties included).
import { useState } from 'preact/hooks';
import { get, post, type ListPage } from '../api';
import { HistoryList } from '../components/history-list';
import { Link } from '../router';
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
import { forgeName, riskLabel, statusLabel, statusTone, STEP_WORDS, type ChangeRequest } from './change-model';
import { plainRefusal } from './review-common';
import { allows, who, type Actor } from './workflow-model';

interface System {
  id: string;
  name: string;
  environment: string;
}

type Done = (c: ChangeRequest, msg: string) => void;

function act(id: string, body: Record<string, unknown>) {
  return post<ChangeRequest>(`/api/v1/change-requests/${id}/actions`, body).catch(plainRefusal);
}

interface Step {
  by?: Actor | null;
  at?: string | null;
  comment?: string | null;
}

function StepFacts(props: {
  step: Step | null | undefined;
  pending: string;
  extra?: [string, preact.ComponentChildren][];
}) {
  const s = props.step;
  if (!s?.at) return <p class="muted">{props.pending}</p>;
  return (
    <Facts
      items={[
        ['By', who(s.by as Actor)],
        ['On', <DateText value={s.at} time />],
        ...(props.extra || []),
        ['Comment', s.comment || null],
      ]}
    />
  );
}

function TestsForm(props: { c: ChangeRequest; systems: System[]; onDone: Done }) {
  const lower = props.systems.filter((s) => s.environment !== 'production');
  const form = useForm({ environment: 'staging', system_id: '', summary: '' });
  return (
    <Form
      form={form}
      label="Record test evidence"
      submitLabel="Record the tests"
      onSubmit={async () => {
        const x = await form.submit((v) =>
          act(props.c.id, {
            action: 'record_tests',
            environment: v.environment,
            summary: v.summary,
            ...(v.system_id ? { system_id: v.system_id } : {}),
          }),
        );
        if (x) props.onDone(x, 'Test evidence recorded.');
      }}
    >
      <div class="form-grid">
        <SelectField
          form={form}
          name="environment"
          label="Environment"
          options={[
            { value: 'staging', label: 'Staging' },
            { value: 'development', label: 'Development' },
          ]}
          required
        />
        <SelectField
          form={form}
          name="system_id"
          label="System tested on"
          placeholder="Not named"
          options={lower.map((s) => ({ value: s.id, label: s.name }))}
        />
      </div>
      <TextField form={form} name="summary" label="What was tested, and the result" multiline rows={3} required />
    </Form>
  );
}

// One button with an optional (or required) comment: review, approve, verify, reject …
function StepForm(props: {
  c: ChangeRequest;
  action: string;
  label: string;
  submitLabel: string;
  done: string;
  commentLabel?: string;
  commentRequired?: boolean;
  reference?: boolean;
  onDone: Done;
}) {
  const form = useForm({ comment: '', reference: '' });
  return (
    <Form
      form={form}
      label={props.label}
      submitLabel={props.submitLabel}
      onSubmit={async () => {
        const x = await form.submit((v) =>
          act(props.c.id, {
            action: props.action,
            ...(v.comment ? { comment: v.comment } : {}),
            ...(props.reference && v.reference ? { reference: v.reference } : {}),
          }),
        );
        if (x) props.onDone(x, props.done);
      }}
    >
      {props.reference && <TextField form={form} name="reference" label="Version, tag or commit released" />}
      <TextField
        form={form}
        name="comment"
        label={props.commentLabel || 'Comment'}
        multiline
        rows={2}
        required={props.commentRequired}
      />
    </Form>
  );
}

function PullRequests(props: { c: ChangeRequest }) {
  const prs = props.c.pull_requests || [];
  if (prs.length === 0) return <p class="muted">No pull request names this change yet.</p>;
  return (
    <ul class="plain-list">
      {prs.map((pr) => (
        <li>
          <strong>
            {forgeName(pr.forge)} #{pr.number}
          </strong>{' '}
          {pr.url ? <a href={pr.url}>{pr.title || pr.url}</a> : pr.title}
          {pr.merged_at && (
            <div class="small">
              Merged by {pr.merged_by_login} on <DateText value={pr.merged_at} />
            </div>
          )}
          <ul class="plain-list small">
            {(pr.reviews || []).map((r) => (
              <li>
                {r.login}: {r.state}
                {r.counted
                  ? ' (counted as the peer review)'
                  : r.not_counted_because
                    ? ` (not counted: ${r.not_counted_because})`
                    : ''}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function ChangePage(props: { id: string }) {
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState('');
  const data = useLoad(
    async (signal) => {
      const c = await get<ChangeRequest>(`/api/v1/change-requests/${props.id}`, undefined, signal);
      const systems = await get<ListPage<System>>('/api/v1/systems', { limit: 200 }, signal)
        .then((p) => p.items)
        .catch(() => [] as System[]);
      return { c, systems };
    },
    [props.id, tick],
  );
  const done: Done = (_c, msg) => {
    setNotice(msg);
    setTick((t) => t + 1);
  };
  return (
    <Loading state={data} label="the change">
      {({ c, systems }) => {
        const name = (id: string) => systems.find((s) => s.id === id)?.name || id;
        const review = c.review as (Step & { source?: string | null; pull_request_url?: string | null }) | null;
        const release = c.release as (Step & { reference?: string | null }) | null;
        const check = c.post_implementation_check as (Step & { outcome?: string | null }) | null;
        return (
          <Page title={c.title} subtitle={c.emergency ? 'Emergency change' : 'Change request'}>
            {notice && (
              <Alert kind="ok" id="change-notice">
                {notice}
              </Alert>
            )}
            {c.retrospective_due_at && (c.status === 'emergency_released' || c.status === 'emergency_reviewed') && (
              <Alert kind={c.retrospective_overdue ? 'error' : 'warn'}>
                {c.retrospective_overdue
                  ? 'The retrospective review is overdue: it was due on '
                  : 'Released before its review: the review and approval are due by '}
                <DateText value={c.retrospective_due_at} time />.
              </Alert>
            )}
            <Section title="The change">
              <Facts
                items={[
                  ['Status', <Badge value={c.status} label={statusLabel(c.status)} tone={statusTone(c.status)} />],
                  ['Risk', riskLabel(c.risk)],
                  ['Systems', c.system_ids.map(name).join(', ')],
                  ['Author', who(c.author)],
                  ['Why it could not wait', c.emergency_reason || null],
                  ['Vendor change', c.change_notice_id ? 'Implements our side of a vendor’s substantial change' : null],
                ]}
              />
              <h3>Description</h3>
              <p class="prewrap">{c.description}</p>
              <h3>Backout plan</h3>
              <p class="prewrap">{c.backout_plan}</p>
            </Section>
            <Section title="1. Test evidence from a lower environment">
              {c.test_evidence.length === 0 ? (
                <p class="muted">No test evidence yet.</p>
              ) : (
                <ul class="plain-list">
                  {c.test_evidence.map((t) => (
                    <li>
                      <strong>{t.environment === 'development' ? 'Development' : 'Staging'}</strong>
                      {t.system_id && <> ({name(t.system_id)})</>}: {t.summary}
                      <div class="small muted">
                        {who(t.by as Actor)}, <DateText value={t.at} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {allows(c, 'record_tests') && <TestsForm c={c} systems={systems} onDone={done} />}
            </Section>
            <Section title="2. Peer review">
              <StepFacts
                step={review}
                pending="Not reviewed yet. The author does not review their own change."
                extra={
                  review?.source && review.source !== 'portal'
                    ? [
                        [
                          'Where',
                          review.pull_request_url ? (
                            <a href={review.pull_request_url}>{forgeName(review.source)}</a>
                          ) : (
                            forgeName(review.source)
                          ),
                        ],
                      ]
                    : []
                }
              />
              {allows(c, 'review') && (
                <StepForm
                  c={c}
                  action="review"
                  label="Review the change"
                  submitLabel="Mark as reviewed"
                  done="Reviewed."
                  onDone={done}
                />
              )}
              <h3>Pull requests</h3>
              <PullRequests c={c} />
            </Section>
            <Section title="3. Management approval">
              <StepFacts step={c.approval as Step} pending="Not approved yet." />
              {allows(c, 'approve') && (
                <StepForm
                  c={c}
                  action="approve"
                  label="Approve the change"
                  submitLabel="Approve"
                  done="Approved."
                  onDone={done}
                />
              )}
            </Section>
            <Section title="4. Release">
              <StepFacts
                step={release}
                pending="Not released yet."
                extra={[['Released', release?.reference || null]]}
              />
              {allows(c, 'release') && (
                <StepForm
                  c={c}
                  action="release"
                  label="Record the release"
                  submitLabel="Record the release"
                  done="Release recorded."
                  reference
                  onDone={done}
                />
              )}
            </Section>
            <Section title="5. Check after release">
              <StepFacts
                step={check}
                pending="Not checked yet."
                extra={[
                  [
                    'Outcome',
                    check?.outcome === 'backed_out' ? 'Backed out' : check?.outcome ? 'Works as intended' : null,
                  ],
                ]}
              />
              {allows(c, 'verify') && (
                <StepForm
                  c={c}
                  action="verify"
                  label="Confirm it works"
                  submitLabel="It works"
                  done="Checked: the change works."
                  onDone={done}
                />
              )}
              {allows(c, 'back_out') && (
                <StepForm
                  c={c}
                  action="back_out"
                  label="Back the change out"
                  submitLabel="Back out"
                  commentLabel="What went wrong"
                  commentRequired
                  done="Backed out."
                  onDone={done}
                />
              )}
            </Section>
            {(c.separation_relaxed || []).length > 0 && (
              <Section title="Separation of duties">
                <ul class="plain-list">
                  {c.separation_relaxed.map((r) => (
                    <li>
                      {who(r.by as Actor)} also held the {r.duties.join(' and ')} duty: the profile allows it for small
                      teams.
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            {(allows(c, 'reject') || allows(c, 'withdraw')) && (
              <Section title="Stop the change">
                {allows(c, 'reject') && (
                  <StepForm
                    c={c}
                    action="reject"
                    label="Reject the change"
                    submitLabel="Reject"
                    commentLabel="Why it is rejected"
                    commentRequired
                    done="Rejected."
                    onDone={done}
                  />
                )}
                {allows(c, 'withdraw') && (
                  <StepForm
                    c={c}
                    action="withdraw"
                    label="Withdraw the change"
                    submitLabel="Withdraw"
                    done="Withdrawn."
                    onDone={done}
                  />
                )}
              </Section>
            )}
            <Section title="History">
              <HistoryList
                steps={(c.history || []).map((h) => ({
                  what: STEP_WORDS[h.action] || h.action,
                  by: who(h.by),
                  at: h.at,
                  comment: h.comment || undefined,
                }))}
              />
            </Section>
            <p>
              <Link href="/changes">All changes</Link>
            </p>
          </Page>
        );
      }}
    </Loading>
  );
}
