// One review: its facts, the workflow actions the server allows the caller now (assign,
// document, ask the party, approve / reject), what was documented and the history of every step.
import { HistoryList } from '../components/history-list';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { get, post } from '../api';
import { Link } from '../router';
import { isWorkforce, ROLE_NAMES, useSession, type Role } from '../session';
import { announceWorkChanged, markRead } from '../work-marks';
import {
  Alert,
  Badge,
  CheckboxField,
  DateText,
  Facts,
  Form,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  formatDate,
  humanize,
  useForm,
  useLoad,
  type FormState,
  type Values,
} from '../ui';
import { DueText, officers, plainRefusal } from './review-common';
import {
  SECTIONS,
  kindLabel,
  mayBeAssigned,
  type Review,
  type ReviewDocumentation,
  type UserRef,
} from './review-kinds';
import { ApprovalNote, ReviewAbout } from './review-context';
import { KindLabel } from './review-kind-label';
import { AwaitingBadge, documentNames, Thread } from './request-thread';
import { steps } from './review-history';
import { allows, who } from './workflow-model';
import './review.css';

function Workflow(props: { status: string }) {
  const order = ['open', 'assigned', 'documented', 'approved'];
  const at = order.indexOf(props.status);
  return (
    <ol class="workflow" aria-label="Workflow">
      {order.map((s, i) => (
        <li class={i < at ? 'done' : i === at ? 'current' : ''} aria-current={i === at ? 'step' : undefined}>
          <span class="wf-mark" aria-hidden="true">
            {i < at ? '✓' : i + 1}
          </span>
          {humanize(s)}
          {i < at && <span class="sr-only"> (done)</span>}
        </li>
      ))}
    </ol>
  );
}

// Posts an action; a refusal (403), a wrong move (409) or missing sections (422) stay on the form.
function act(
  form: FormState,
  id: string,
  body: (v: Values) => Record<string, unknown>,
  fieldMap: Record<string, string> = {},
) {
  return form.submit((v) => post<Review>(`/api/v1/reviews/${id}/actions`, body(v)).catch(plainRefusal), fieldMap);
}

function AssignForm(props: { review: Review; users: UserRef[]; onDone: (r: Review, msg: string) => void }) {
  const r = props.review;
  const form = useForm({ assignee_id: r.assignee?.id || '', comment: '' });
  const options = props.users
    .filter(mayBeAssigned)
    .map((u) => ({ value: u.id, label: `${u.name || u.email} (${ROLE_NAMES[u.role as Role] || u.role})` }));
  return (
    <Form
      form={form}
      label="Assign the review"
      submitLabel={r.assignee ? 'Re-assign' : 'Assign'}
      onSubmit={async () => {
        const x = await act(form, r.id, (v) => ({
          action: 'assign',
          assignee_id: v.assignee_id,
          ...(v.comment ? { comment: v.comment } : {}),
        }));
        if (x) props.onDone(x, `Assigned to ${x.assignee?.name || x.assignee?.email}.`);
      }}
    >
      <SelectField
        form={form}
        name="assignee_id"
        label="Assignee"
        required
        placeholder="Choose an officer…"
        options={options}
      />
      <TextField form={form} name="comment" label="Comment (optional)" />
    </Form>
  );
}

function DocumentForm(props: { review: Review; onDone: (r: Review, msg: string) => void }) {
  const r = props.review;
  const sections = SECTIONS[r.review_kind] || [];
  const prev: ReviewDocumentation = r.documentation || {};
  const rejections = r.rejections || [];
  const initial: Values = {};
  for (const s of sections) {
    const v = prev[s.name];
    initial[s.name] = s.type === 'confirm' ? (v === true ? 'true' : 'false') : typeof v === 'string' ? v : '';
  }
  const form = useForm(initial);
  const fieldMap: Record<string, string> = {};
  for (const s of sections) fieldMap['documentation.' + s.name] = s.name;
  return (
    <Form
      form={form}
      label="Document the review"
      submitLabel="Save the documentation"
      onSubmit={async () => {
        const x = await act(
          form,
          r.id,
          (v) => {
            const documentation: Record<string, unknown> = {};
            for (const s of sections) {
              if (s.type === 'confirm') documentation[s.name] = v[s.name] === 'true';
              else if (v[s.name]) documentation[s.name] = v[s.name];
            }
            return { action: 'document', documentation };
          },
          fieldMap,
        );
        if (x) props.onDone(x, 'Documented: it now waits for approval.');
      }}
    >
      {rejections.length > 0 && (
        <Alert kind="warn">
          Rejected {formatDate(rejections[rejections.length - 1].at, true)}: “
          {rejections[rejections.length - 1].comment}”. Address it and document again.
        </Alert>
      )}
      {sections.map((s) =>
        s.type === 'confirm' ? (
          <CheckboxField
            form={form}
            name={s.name}
            label={s.label}
            hint="Required: confirm it before the review is documented."
          />
        ) : s.type === 'risk' ? (
          <SelectField
            form={form}
            name={s.name}
            label={s.label}
            required
            placeholder="Choose…"
            options={['low', 'medium', 'high', 'critical']}
          />
        ) : (
          <TextField form={form} name={s.name} label={s.label} hint={s.hint} required multiline rows={3} />
        ),
      )}
    </Form>
  );
}

function DecideForm(props: { review: Review; ownDocumentation: boolean; onDone: (r: Review, msg: string) => void }) {
  const r = props.review;
  const mayApprove = allows(r, 'approve');
  const form = useForm({ comment: '' });
  const [which, setWhich] = useState<'approve' | 'reject'>('approve');
  async function run(action: 'approve' | 'reject') {
    setWhich(action);
    const x = await act(form, r.id, (v) => ({ action, ...(v.comment ? { comment: v.comment } : {}) }));
    if (x) {
      form.reset();
      props.onDone(
        x,
        action === 'approve' ? 'Approved.' : 'Rejected: the review goes back to the assignee to be documented again.',
      );
    }
  }
  return (
    <form
      class="form"
      aria-label="Approve or reject the review"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!form.busy) run(which);
      }}
    >
      {props.ownDocumentation && !mayApprove && (
        <Alert kind="info">
          You documented this review, so another approver must approve it. You may still reject it to have it documented
          again.
        </Alert>
      )}
      {props.ownDocumentation && mayApprove && (
        <Alert kind="warn">
          You documented this review yourself: your policy lets you approve it alone, and the approval will say so.
        </Alert>
      )}
      {form.formError && <Alert kind="error">{form.formError}</Alert>}
      <TextField
        form={form}
        name="comment"
        label="Comment"
        multiline
        rows={3}
        hint="Required to reject: say what needs further review."
      />
      <div class="form-actions">
        {mayApprove && (
          <button type="button" class="btn btn-primary" disabled={form.busy} onClick={() => run('approve')}>
            Approve
          </button>
        )}
        {allows(r, 'reject') && (
          <button type="button" class="btn btn-danger" disabled={form.busy} onClick={() => run('reject')}>
            Reject
          </button>
        )}
      </div>
    </form>
  );
}

function AskForm(props: { review: Review; partyName: string; onDone: (r: Review, msg: string) => void }) {
  const r = props.review;
  const form = useForm({ comment: '' });
  return (
    <Form
      form={form}
      label="Ask the party"
      submitLabel="Ask the party"
      onSubmit={async () => {
        const x = await act(form, r.id, (v) => ({ action: 'request_info', comment: v.comment }));
        if (x) {
          form.reset();
          props.onDone(x, `Your question was sent to ${props.partyName}; its contact answers on its own page.`);
        }
      }}
    >
      <TextField
        form={form}
        name="comment"
        label="What do you need from the party?"
        required
        multiline
        rows={3}
        hint="e.g. your latest penetration test summary, an answer to a questionnaire item. The party's contact sees this text and the review's title and due date — nothing else of the review."
      />
    </Form>
  );
}

function PartyQuestions(props: {
  review: Review;
  docNames: Record<string, string>;
  partyName: string;
  onDone: (r: Review, msg: string) => void;
}) {
  const r = props.review;
  const asked = (r.party_requests || []).length + (r.party_responses || []).length > 0;
  return (
    <Section
      title="Questions to the party"
      id="party-questions"
      actions={<AwaitingBadge awaiting={r.awaiting_party} label="Awaiting the party's answer" />}
    >
      {asked ? (
        <Thread
          requests={r.party_requests}
          responses={r.party_responses}
          who={who}
          docNames={props.docNames}
          askedLabel="Asked"
          answeredLabel="Answered"
        />
      ) : (
        <p class="empty">Nothing has been asked of {props.partyName} in this review.</p>
      )}
      {allows(r, 'request_info') && (
        <>
          <h3>Ask the party</h3>
          <AskForm key={r.version} review={r} partyName={props.partyName} onDone={props.onDone} />
        </>
      )}
    </Section>
  );
}

// Documents and SOC 2 reports the documentation cites, by name and linked, never by id.
function Cited(props: { ids: unknown; review: Review }) {
  const ids = Array.isArray(props.ids) ? (props.ids as string[]) : [];
  const c = props.review.context;
  return (
    <ul class="plain">
      {ids.map((id) => {
        const doc = c?.documents.find((d) => d.id === id);
        if (doc)
          return (
            <li>
              <a href={`/api/v1/documents/${doc.id}/content`} download>
                {doc.filename}
              </a>
            </li>
          );
        const soc2 = c?.soc2_reports.find((x) => x.id === id);
        if (soc2 && props.review.party_id)
          return (
            <li>
              <Link href={`/parties/${props.review.party_id}#sec-soc2`}>
                SOC 2 report from {soc2.auditor}, period to {formatDate(soc2.period_end)}
              </Link>
            </li>
          );
        return <li class="muted">a record no longer available</li>;
      })}
    </ul>
  );
}

function Documentation(props: { review: Review }) {
  const r = props.review;
  const d: ReviewDocumentation | null | undefined = r.documentation;
  if (!d) return <p class="empty">Not documented yet.</p>;
  const sections = SECTIONS[r.review_kind] || [];
  const known = new Set<string>([...sections.map((s) => s.name), 'documented_by', 'documented_at']);
  const extra = Object.entries(d).filter(([k]) => !known.has(k));
  const show = (v: unknown): ComponentChildren =>
    v === true
      ? '✓ Confirmed'
      : v === false
        ? '✕ Not confirmed'
        : Array.isArray(v)
          ? v.join(', ')
          : v === null || v === undefined
            ? ''
            : String(v);
  return (
    <>
      <p class="muted">
        Documented by {who(d.documented_by)} on <DateText value={d.documented_at} time />
      </p>
      <dl class="doc-sections">
        {sections.map((s) => (
          <div>
            <dt>{s.label}</dt>
            <dd>{show(d[s.name]) || <span class="muted">—</span>}</dd>
          </div>
        ))}
        {extra.map(([k, v]) => (
          <div>
            <dt>{k === 'evidence' ? 'Evidence' : k === 'soc2_report_ids' ? 'SOC 2 reports' : humanize(k)}</dt>
            <dd>{k === 'evidence' || k === 'soc2_report_ids' ? <Cited ids={v} review={r} /> : show(v)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function ReviewPage(props: { id: string }) {
  const { user } = useSession().info;
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState('');
  const data = useLoad(
    async (signal) => {
      const review = await get<Review>(`/api/v1/reviews/${props.id}`, undefined, signal);
      // Opening a review reads the party's answers on it (My work's news).
      if ((review.party_responses || []).length > 0 && isWorkforce(user.role)) {
        markRead([{ kind: 'vendor_answer', id: review.id }]).catch(() => {});
      }
      // The accounts are needed only to choose an assignee, and only by whoever may assign.
      const [users, docNames] = await Promise.all([
        allows(review, 'assign') ? officers(signal).catch(() => [] as UserRef[]) : Promise.resolve([] as UserRef[]),
        documentNames(review.party_responses || [], signal),
      ]);
      return { review, users, docNames };
    },
    [props.id, tick],
  );
  const done = (_: Review, msg: string) => {
    setNotice(msg);
    setTick((t) => t + 1);
    announceWorkChanged();
  };
  const title = data.data?.review.title || 'Review';
  return (
    <Page title={title} subtitle={<Link href="/reviews">← All reviews</Link>}>
      <div role="status" class="review-notice">
        {notice && <Alert kind="ok">{notice}</Alert>}
      </div>
      <Loading state={data} label="the review">
        {({ review: r, users, docNames }) => {
          const partyName = r.party_name || r.party_id || '';
          const mayAssign = allows(r, 'assign');
          const mayDocument = allows(r, 'document');
          const mayDecide = allows(r, 'approve') || allows(r, 'reject');
          const showQuestions =
            !!r.party_id &&
            (allows(r, 'request_info') || (r.party_requests || []).length > 0 || (r.party_responses || []).length > 0);
          const waiting =
            r.status === 'open'
              ? 'It waits to be assigned by the Security Officer.'
              : r.status === 'assigned' && !mayDocument
                ? `It waits for ${who(r.assignee)} to document it.`
                : r.status === 'documented' && !mayDecide
                  ? 'It waits for the Security Officer to approve or reject it.'
                  : '';
          return (
            <>
              <Section title="Facts" id="facts">
                <Workflow status={r.status} />
                <Facts
                  items={[
                    ['Kind', <KindLabel kind={r.review_kind} />],
                    ['Status', <Badge value={r.status} />],
                    ['Due', <DueText review={r} />],
                    [
                      'Party',
                      r.party_id ? <Link href={`/parties/${r.party_id}`}>{partyName}</Link> : 'The whole organisation',
                    ],
                    ['Assignee', r.assignee ? who(r.assignee) : 'Nobody yet'],
                    [
                      'Opened',
                      <>
                        <DateText value={r.created_at} time /> by{' '}
                        {r.opened_by?.id === 'system' ? 'the schedule' : who(r.opened_by)}
                      </>,
                    ],
                    [
                      'Approved',
                      r.approved_at ? (
                        <>
                          <DateText value={r.approved_at} time /> by {who(r.approved_by)}{' '}
                          {r.on_time === false ? '(late)' : r.on_time ? '(on time)' : ''}
                        </>
                      ) : null,
                    ],
                    ['Period', r.period_label],
                    ['Rejections', r.rejections?.length ? String(r.rejections.length) : null],
                  ]}
                />
              </Section>
              {(mayAssign || mayDocument || mayDecide || waiting) && (
                <Section title="Next step" id="next-step">
                  {waiting && <p>{waiting}</p>}
                  <ApprovalNote approval={r.context?.approval} />
                  {mayDocument && (
                    <>
                      <h3>Document the review</h3>
                      <p class="muted">
                        Every section below is required for a {kindLabel(r.review_kind).toLowerCase()}.
                      </p>
                      <DocumentForm key={r.version} review={r} onDone={done} />
                    </>
                  )}
                  {mayDecide && (
                    <>
                      <h3>Approve or reject</h3>
                      <DecideForm
                        key={r.version}
                        review={r}
                        ownDocumentation={r.documentation?.documented_by?.id === user.id}
                        onDone={done}
                      />
                    </>
                  )}
                  {mayAssign && (
                    <>
                      <h3>{r.assignee ? 'Re-assign' : 'Assign'}</h3>
                      <AssignForm key={r.version} review={r} users={users} onDone={done} />
                    </>
                  )}
                </Section>
              )}
              <ReviewAbout review={r} />
              {showQuestions && (
                <PartyQuestions review={r} docNames={docNames} partyName={r.party_name || 'the party'} onDone={done} />
              )}
              <Section title="Documentation" id="documentation">
                <Documentation review={r} />
              </Section>
              <Section title="History" id="history">
                <HistoryList steps={steps(r)} />
              </Section>
            </>
          );
        }}
      </Loading>
    </Page>
  );
}
