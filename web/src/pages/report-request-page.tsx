// One audit-report request: who asks, for which report and by when; the party it is linked to
// (confirming a suggested link, or choosing one); the NDA; the report to deliver; the decision
// (approve with a download link, decline), a new link (reissue), cancelling; downloads left;
// history. Only the buttons the server allows this person are drawn.
import { HistoryList } from '../components/history-list';
import { useState } from 'preact/hooks';
import { get, post, type ListPage } from '../api';
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
import { announceWorkChanged } from '../work-marks';
import { plainRefusal } from './review-common';
import type { Party, PartyDocument } from './party/model';
import {
  downloadsLeft,
  isSuggestion,
  reportLabel,
  requestStatus,
  type Decision,
  type Delivery,
  type ReportRequest,
} from './report-request-model';
import { allows, who } from './workflow-model';

type Done = (r: ReportRequest, msg: string) => void;

function act(id: string, body: Record<string, unknown>) {
  return post<ReportRequest>(`/api/v1/report-requests/${id}/actions`, body).catch(plainRefusal);
}

interface Report {
  id: string;
  label: string;
}

// Our reports: the documents filed under our certifications.
async function ourReports(signal: AbortSignal): Promise<Report[]> {
  const certs = await get<ListPage<{ id: string; name: string }>>('/api/v1/certifications', { limit: 100 }, signal);
  const lists = await Promise.all(
    certs.items.map((c) =>
      get<ListPage<PartyDocument>>(`/api/v1/certifications/${c.id}/documents`, undefined, signal).then((p) =>
        p.items.map((d) => ({ id: d.id, label: `${c.name}: ${d.filename}` })),
      ),
    ),
  );
  return lists.flat();
}

function LinkForm(props: { r: ReportRequest; onDone: Done }) {
  const r = props.r;
  const form = useForm({ search: '', party_id: '' });
  const [found, setFound] = useState<Party[] | null>(null);
  const suggestion = isSuggestion(r);
  return (
    <>
      {suggestion && (
        <div class="suggestion">
          <p>
            The organisation's name matches <Link href={`/parties/${r.party_id}`}>{r.party_name}</Link>, but its email
            address does not prove it. Check it is the same organisation before the NDA step.
          </p>
          <button
            type="button"
            class="btn btn-primary"
            disabled={form.busy}
            onClick={async () => {
              const x = await form.submit(() => act(r.id, { action: 'link' }));
              if (x) props.onDone(x, `Linked to ${r.party_name}.`);
            }}
          >
            Confirm: it is {r.party_name}
          </button>
        </div>
      )}
      <Form
        form={form}
        label="Link to a party"
        submitLabel="Find"
        onSubmit={async () => {
          const page = await form.submit(() =>
            get<ListPage<Party>>('/api/v1/parties', { q: form.values.search, limit: 10 }),
          );
          if (page) setFound(page.items.filter((p) => p.kind === 'customer' || p.kind === 'partner'));
        }}
      >
        <TextField
          form={form}
          name="search"
          label={suggestion ? 'Or find another customer or partner' : 'Find the customer or partner'}
          required
        />
      </Form>
      {found && (
        <ul class="plain-list">
          {found.length === 0 && <li class="muted">No customer or partner has that name.</li>}
          {found.map((p) => (
            <li>
              {p.name}{' '}
              <button
                type="button"
                class="btn btn-small"
                disabled={form.busy}
                onClick={async () => {
                  const x = await form.submit(() => act(r.id, { action: 'link', party_id: p.id }));
                  if (x) props.onDone(x, `Linked to ${p.name}.`);
                }}
              >
                Link to {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ApproveForm(props: { r: ReportRequest; reports: Report[]; reissue?: boolean; onDone: Done }) {
  const delivery = props.r.delivery as Delivery | null | undefined;
  // A customer's inheritance matrix is rendered when it is approved: no document to pick.
  const matrix = props.r.report_type === 'inheritance_matrix';
  // A customer's questionnaire (issue 28, part 5) is the request's own: nothing to pick either.
  const questionnaire = props.r.report_type === 'customer_questionnaire';
  const form = useForm({
    document_id: matrix || questionnaire ? '' : delivery?.document_id || props.reports[0]?.id || '',
    format: 'html',
    expires_in_days: '7',
    max_downloads: '3',
  });
  const action = props.reissue ? 'reissue' : 'approve';
  return (
    <Form
      form={form}
      label={props.reissue ? 'Send a new download link' : 'Approve and send the report'}
      submitLabel={props.reissue ? 'Send a new link' : 'Approve and send'}
      onSubmit={async () => {
        const x = await form.submit((v) =>
          act(props.r.id, {
            action,
            ...(v.document_id ? { document_id: v.document_id } : {}),
            ...(matrix && !props.reissue ? { format: v.format as 'html' | 'csv' } : {}),
            expires_in_days: Number(v.expires_in_days),
            max_downloads: Number(v.max_downloads),
          }),
        );
        if (x) props.onDone(x, `A download link was emailed to ${x.requester.email}.`);
      }}
    >
      {questionnaire ? (
        <p>The customer's answered questionnaire, as it is when they download it.</p>
      ) : matrix ? (
        !props.reissue && (
          <SelectField
            form={form}
            name="format"
            label="The customer's own matrix, as"
            options={[
              { value: 'html', label: 'A web page (HTML)' },
              { value: 'csv', label: 'A spreadsheet (CSV)' },
            ]}
          />
        )
      ) : (
        <SelectField
          form={form}
          name="document_id"
          label="Report to deliver"
          placeholder={props.reports.length ? undefined : 'The current report of this kind'}
          options={props.reports.map((d) => ({ value: d.id, label: d.label }))}
        />
      )}
      <div class="form-grid">
        <TextField form={form} name="expires_in_days" label="Link works for (days)" type="number" hint="1 to 30" />
        <TextField form={form} name="max_downloads" label="Downloads allowed" type="number" hint="1 to 20" />
      </div>
    </Form>
  );
}

function ReasonForm(props: { r: ReportRequest; action: 'reject' | 'cancel'; onDone: Done }) {
  const form = useForm({ comment: '' });
  const reject = props.action === 'reject';
  return (
    <Form
      form={form}
      label={reject ? 'Decline the request' : 'Cancel the request'}
      submitLabel={reject ? 'Decline' : 'Cancel the request'}
      onSubmit={async () => {
        const x = await form.submit((v) => act(props.r.id, { action: props.action, comment: v.comment }));
        if (x) props.onDone(x, reject ? 'Declined; the requester was told.' : 'Cancelled.');
      }}
    >
      <TextField
        form={form}
        name="comment"
        label={reject ? 'Why it is declined' : 'Why it is cancelled'}
        multiline
        rows={2}
        required
      />
    </Form>
  );
}

function NdaText(props: { r: ReportRequest }) {
  const nda = props.r.nda;
  if (nda?.accepted_at)
    return (
      <>
        Accepted on <DateText value={nda.accepted_at} />
      </>
    );
  if (nda?.agreement_id) return <>Covered by an NDA in force with the party</>;
  if (nda?.sent_at) {
    return (
      <>
        Sent on <DateText value={nda.sent_at} />, not accepted yet
        {nda.link_expires_at && (
          <>
            {' '}
            (its link works until <DateText value={nda.link_expires_at} />)
          </>
        )}
      </>
    );
  }
  return <span class="muted">Checked once the request is linked to a party</span>;
}

function DeliveryFacts(props: { r: ReportRequest }) {
  const d = props.r.delivery as Delivery | null | undefined;
  if (!d) return <p class="muted">Nothing sent yet.</p>;
  const left = downloadsLeft(d);
  return (
    <>
      <Facts
        items={[
          ['Report', d.filename],
          ['Link works until', <DateText value={d.expires_at} />],
          ['Downloads left', left === null ? null : `${left} of ${d.max_downloads}`],
        ]}
      />
      {(d.downloads || []).length > 0 && (
        <>
          <h3>Downloads</h3>
          <ul class="plain-list">
            {(d.downloads || []).map((x) => (
              <li>
                <DateText value={x.at} time /> by {x.email}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function ReportRequestPage(props: { id: string }) {
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState('');
  const data = useLoad(
    async (signal) => {
      const r = await get<ReportRequest>(`/api/v1/report-requests/${props.id}`, undefined, signal);
      const reports =
        allows(r, 'approve') || allows(r, 'reissue') ? await ourReports(signal).catch(() => [] as Report[]) : [];
      return { r, reports };
    },
    [props.id, tick],
  );
  const done: Done = (_, msg) => {
    setNotice(msg);
    setTick((t) => t + 1);
    announceWorkChanged();
  };
  return (
    <Page
      title={data.data ? `${data.data.r.organisation}: ${reportLabel(data.data.r.report_type)}` : 'Report request'}
      subtitle={<Link href="/report-requests">← All report requests</Link>}
    >
      <div role="status">{notice && <Alert kind="ok">{notice}</Alert>}</div>
      <Loading state={data} label="the request">
        {({ r, reports }) => {
          const s = requestStatus(r.status);
          const decision = r.decision as Decision | null | undefined;
          return (
            <>
              <Section title="The request" id="facts">
                <Facts
                  items={[
                    ['Status', <Badge value={r.status} label={s.label} tone={s.tone} />],
                    ['Requester', `${r.requester.name} <${r.requester.email}>`],
                    ['Organisation', r.organisation],
                    ['Report asked for', reportLabel(r.report_type)],
                    ['Needed by', r.needed_by ? <DateText value={r.needed_by} /> : null],
                    ['Message', r.message],
                    ['Came in', r.source === 'public_form' ? 'Through the public request form' : 'Logged by our staff'],
                    [
                      'Party',
                      r.party_id && !isSuggestion(r) ? (
                        <Link href={`/parties/${r.party_id}`}>{r.party_name}</Link>
                      ) : isSuggestion(r) ? (
                        `Suggested: ${r.party_name} (to confirm)`
                      ) : (
                        'Not linked yet'
                      ),
                    ],
                    ['NDA', <NdaText r={r} />],
                    [
                      'Decision',
                      decision?.action ? (
                        <>
                          {decision.action === 'approved' ? 'Approved' : 'Declined'} by {who(decision.by)} on{' '}
                          <DateText value={decision.at} />
                          {decision.reason ? `: ${decision.reason}` : ''}
                        </>
                      ) : null,
                    ],
                  ]}
                />
              </Section>
              {allows(r, 'link') && (
                <Section title="Link to a party" id="link">
                  <LinkForm r={r} onDone={done} />
                </Section>
              )}
              {(allows(r, 'approve') || allows(r, 'reject')) && (
                <Section title="Decide" id="decide">
                  {allows(r, 'approve') && <ApproveForm key={r.version} r={r} reports={reports} onDone={done} />}
                  {allows(r, 'reject') && <ReasonForm key={r.version} r={r} action="reject" onDone={done} />}
                </Section>
              )}
              {r.status === 'in_progress' && !allows(r, 'approve') && (
                <p class="muted">It waits for the Security or Privacy Officer to approve or decline it.</p>
              )}
              <Section title="Delivery" id="delivery">
                <DeliveryFacts r={r} />
                {allows(r, 'reissue') && (
                  <>
                    <h3>Send a new link</h3>
                    <ApproveForm key={r.version} r={r} reports={reports} reissue onDone={done} />
                  </>
                )}
              </Section>
              {(allows(r, 'send_nda') || allows(r, 'cancel')) && (
                <Section title="Other steps" id="other">
                  {allows(r, 'send_nda') && (
                    <p>
                      <button
                        type="button"
                        class="btn"
                        onClick={async () => {
                          const x = await act(r.id, { action: 'send_nda' }).catch(() => undefined);
                          if (x) done(x, 'The NDA link was emailed again.');
                        }}
                      >
                        Email the NDA again
                      </button>
                    </p>
                  )}
                  {allows(r, 'cancel') && <ReasonForm key={'c' + r.version} r={r} action="cancel" onDone={done} />}
                </Section>
              )}
              <Section title="History" id="history">
                <HistoryList
                  steps={r.history.map((h) => ({
                    what: requestStep(h.action),
                    by: h.by.role === 'requester' ? 'the requester' : h.by.role === 'system' ? undefined : who(h.by),
                    at: h.at,
                    comment: h.comment || undefined,
                  }))}
                />
              </Section>
            </>
          );
        }}
      </Loading>
    </Page>
  );
}

const STEPS: Record<string, string> = {
  submitted: 'Request received',
  linked: 'Linked to the party',
  nda_sent: 'NDA sent',
  nda_accepted: 'NDA accepted',
  nda_checked: 'NDA checked',
  approved: 'Approved: download link sent',
  reissued: 'New download link sent',
  downloaded: 'Report downloaded',
  reject: 'Declined',
  cancel: 'Cancelled',
};
const requestStep = (a: string) => STEPS[a] || a.replace(/_/g, ' ');
