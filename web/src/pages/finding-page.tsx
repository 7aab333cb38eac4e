// One finding: what was found, who owns it and by when, its evidence and history, and the
// next step the server allows this person: change the owner, resolve it with evidence, ask to
// accept the risk until a date, approve or decline someone else's request, or reopen it.
import { HistoryList } from '../components/history-list';
import { useRef, useState } from 'preact/hooks';
import { get, post, request, type ListPage } from '../api';
import { FileField } from '../components/file-field';
import { Link } from '../router';
import { ROLE_NAMES, useSession, type Role } from '../session';
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
import { announceWorkChanged } from '../work-marks';
import { officers, plainRefusal } from './review-common';
import type { UserRef } from './review-kinds';
import { checkFile, contentTypeOf, formatSize } from './party/upload';
import type { PartyDocument } from './party/model';
import { sourceLabel, statusLabel, steps, type Finding } from './finding-model';
import { allows, who } from './workflow-model';

type Done = (f: Finding, msg: string) => void;

function act(id: string, body: Record<string, unknown>) {
  return post<Finding>(`/api/v1/findings/${id}/actions`, body).catch(plainRefusal);
}

const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

function AssignForm(props: { f: Finding; users: UserRef[]; onDone: Done }) {
  const form = useForm({ owner_id: props.f.owner?.id || '' });
  const options = props.users
    .filter((u) => u.role === 'security_officer' || u.role === 'privacy_officer' || u.role === 'staff')
    .map((u) => ({ value: u.id, label: `${u.name || u.email} (${ROLE_NAMES[u.role as Role] || u.role})` }));
  return (
    <Form
      form={form}
      label="Change the owner"
      submitLabel="Change owner"
      onSubmit={async () => {
        const x = await form.submit((v) => act(props.f.id, { action: 'assign', owner_id: v.owner_id }));
        if (x) props.onDone(x, `${who(x.owner)} now owns it.`);
      }}
    >
      <SelectField
        form={form}
        name="owner_id"
        label="Owner"
        required
        placeholder="Choose a person…"
        options={options}
      />
    </Form>
  );
}

function ResolveForm(props: { f: Finding; onDone: Done }) {
  const form = useForm({ comment: '', evidence: '' });
  const file = useRef<File | null>(null);
  return (
    <Form
      form={form}
      label="Resolve the finding"
      submitLabel="Resolve"
      onSubmit={async () => {
        const x = await form.submit(
          async (v) => {
            checkFile(file.current, 'evidence');
            const f = file.current!;
            const doc = await request<PartyDocument>('POST', `/api/v1/findings/${props.f.id}/documents`, undefined, {
              raw: f,
              contentType: contentTypeOf(f),
              query: { filename: f.name },
            });
            return act(props.f.id, { action: 'resolve', comment: v.comment, evidence: [doc.id] });
          },
          { content_type: 'evidence', filename: 'evidence' },
        );
        if (x) props.onDone(x, 'Resolved, with its evidence.');
      }}
    >
      <TextField form={form} name="comment" label="What was done" multiline rows={3} required />
      <FileField
        form={form}
        name="evidence"
        label="Evidence"
        fileRef={file}
        required
        hint="The proof that it is fixed: PDF, image, text or office file, at most 25 MiB"
      />
    </Form>
  );
}

function AcceptForm(props: { f: Finding; onDone: Done }) {
  const form = useForm({ comment: '', expires_at: inDays(90) });
  return (
    <Form
      form={form}
      label="Ask to accept the risk"
      submitLabel="Ask for approval"
      onSubmit={async () => {
        const x = await form.submit((v) =>
          act(props.f.id, { action: 'accept_risk', comment: v.comment, expires_at: v.expires_at }),
        );
        if (x) props.onDone(x, 'Asked: another officer approves or declines the risk acceptance.');
      }}
    >
      <TextField form={form} name="comment" label="Why the risk can be accepted" multiline rows={3} required />
      <TextField
        form={form}
        name="expires_at"
        label="Accepted until"
        type="date"
        required
        hint="At most a year. On that day the finding opens again by itself."
      />
    </Form>
  );
}

function DecideForm(props: { f: Finding; onDone: Done }) {
  const form = useForm({ comment: '' });
  const decide = async (action: 'approve_risk' | 'decline_risk') => {
    const x = await form.submit((v) => act(props.f.id, { action, ...(v.comment ? { comment: v.comment } : {}) }));
    if (x) props.onDone(x, action === 'approve_risk' ? 'Risk accepted.' : 'Declined: the finding is open again.');
  };
  return (
    <Form
      form={form}
      label="Approve or decline the risk acceptance"
      submitLabel={allows(props.f, 'approve_risk') ? 'Approve' : 'Withdraw the request'}
      onSubmit={() => decide(allows(props.f, 'approve_risk') ? 'approve_risk' : 'decline_risk')}
      secondary={
        allows(props.f, 'approve_risk') ? (
          <button type="button" class="btn" disabled={form.busy} onClick={() => decide('decline_risk')}>
            Decline
          </button>
        ) : undefined
      }
    >
      <TextField
        form={form}
        name="comment"
        label="Comment"
        multiline
        rows={2}
        hint="Required to decline or withdraw; optional to approve"
      />
    </Form>
  );
}

function ReopenForm(props: { f: Finding; onDone: Done }) {
  const form = useForm({ comment: '' });
  return (
    <Form
      form={form}
      label="Reopen the finding"
      submitLabel="Reopen"
      onSubmit={async () => {
        const x = await form.submit((v) => act(props.f.id, { action: 'reopen', comment: v.comment }));
        if (x) props.onDone(x, 'Reopened.');
      }}
    >
      <TextField form={form} name="comment" label="Why it is open again" multiline rows={2} required />
    </Form>
  );
}

function Acceptance(props: { f: Finding }) {
  const ra = props.f.risk_acceptance;
  if (!ra) return null;
  return (
    <Facts
      items={[
        [
          'Asked by',
          ra.requested_by ? (
            <>
              {who(ra.requested_by)} on <DateText value={ra.requested_at} />
            </>
          ) : null,
        ],
        ['Why', ra.reason],
        ['Accepted until', <DateText value={ra.expires_at} />],
        [
          'Approved by',
          ra.approved_by ? (
            <>
              {who(ra.approved_by)} on <DateText value={ra.approved_at} />
            </>
          ) : (
            'Not yet'
          ),
        ],
      ]}
    />
  );
}

export function FindingPage(props: { id: string }) {
  const { user } = useSession().info;
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState('');
  const data = useLoad(
    async (signal) => {
      const f = await get<Finding>(`/api/v1/findings/${props.id}`, undefined, signal);
      const [users, docs] = await Promise.all([
        allows(f, 'assign') ? officers(signal).catch(() => [] as UserRef[]) : Promise.resolve([] as UserRef[]),
        get<ListPage<PartyDocument>>(`/api/v1/findings/${props.id}/documents`, undefined, signal)
          .then((p) => p.items)
          .catch(() => [] as PartyDocument[]),
      ]);
      return { f, users, docs };
    },
    [props.id, tick],
  );
  const done: Done = (_, msg) => {
    setNotice(msg);
    setTick((t) => t + 1);
    announceWorkChanged();
  };
  return (
    <Page title={data.data?.f.title || 'Finding'} subtitle={<Link href="/findings">← All findings</Link>}>
      <div role="status">{notice && <Alert kind="ok">{notice}</Alert>}</div>
      <Loading state={data} label="the finding">
        {({ f, users, docs }) => {
          const ownRequest = f.status === 'acceptance_requested' && f.risk_acceptance?.requested_by?.id === user.id;
          const deciding = allows(f, 'approve_risk') || allows(f, 'decline_risk');
          const any = ['assign', 'resolve', 'accept_risk', 'reopen'].some((a) => allows(f, a)) || deciding;
          return (
            <>
              <Section title="Facts" id="facts">
                <Facts
                  items={[
                    ['Severity', <Badge value={f.severity} />],
                    ['Status', <Badge value={f.status} label={statusLabel(f.status)} />],
                    [
                      'Party',
                      f.party_id ? (
                        <Link href={`/parties/${f.party_id}`}>{f.party_name || 'Party'}</Link>
                      ) : (
                        'The whole organisation'
                      ),
                    ],
                    ['Owner', f.owner ? who(f.owner) : 'Nobody yet'],
                    [
                      'Due',
                      <>
                        <DateText value={f.due_at} />
                        {f.overdue && (f.status === 'open' || f.status === 'acceptance_requested') && (
                          <>
                            {' '}
                            <Badge value="overdue" label="Overdue" />
                          </>
                        )}
                      </>,
                    ],
                    ['Found by', sourceLabel(f.source?.kind)],
                    ['What was found', f.description],
                  ]}
                />
              </Section>
              {f.risk_acceptance && (
                <Section title="Risk acceptance" id="risk-acceptance">
                  <Acceptance f={f} />
                </Section>
              )}
              {(any || ownRequest) && (
                <Section title="Next step" id="next-step">
                  {ownRequest && (
                    <p>
                      You asked to accept this risk, so another officer approves or declines it. You may withdraw it.
                    </p>
                  )}
                  {deciding && (
                    <>
                      <h3>
                        {allows(f, 'approve_risk') ? 'Approve or decline the risk acceptance' : 'Withdraw the request'}
                      </h3>
                      <DecideForm key={f.version} f={f} onDone={done} />
                    </>
                  )}
                  {allows(f, 'resolve') && (
                    <>
                      <h3>Resolve it</h3>
                      <ResolveForm key={f.version} f={f} onDone={done} />
                    </>
                  )}
                  {allows(f, 'accept_risk') && (
                    <>
                      <h3>Ask to accept the risk</h3>
                      <p class="muted">Another officer approves it; until then the finding stays open.</p>
                      <AcceptForm key={f.version} f={f} onDone={done} />
                    </>
                  )}
                  {allows(f, 'reopen') && (
                    <>
                      <h3>Reopen</h3>
                      <ReopenForm key={f.version} f={f} onDone={done} />
                    </>
                  )}
                  {allows(f, 'assign') && (
                    <>
                      <h3>Owner</h3>
                      <AssignForm key={f.version} f={f} users={users} onDone={done} />
                    </>
                  )}
                </Section>
              )}
              <Section title="Evidence" id="evidence">
                {docs.length === 0 ? (
                  <p class="muted">No evidence uploaded yet.</p>
                ) : (
                  <ul class="plain-list">
                    {docs.map((d) => (
                      <li>
                        <a href={`/api/v1/documents/${d.id}/content`}>{d.filename}</a>{' '}
                        <span class="muted small">
                          {formatSize(d.size)}, uploaded <DateText value={d.created_at} /> by {who(d.uploaded_by)}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
              <Section title="History" id="history">
                <HistoryList steps={steps(f)} />
              </Section>
            </>
          );
        }}
      </Loading>
    </Page>
  );
}
