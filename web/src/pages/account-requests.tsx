// Colleagues' accounts asked for by third parties' contacts (issue 28, item 2): the Security
// Officer approves one (the contact account is created; its first password is shown here once,
// to be given to the person over a separate channel) or declines it with a reason. The requester
// is emailed either way.
import { useState } from 'preact/hooks';
import { listAll, post } from '../api';
import { Alert, Badge, DateText, Empty, Form, Loading, Page, Section, TextField, useForm, useLoad } from '../ui';
import { REQUEST_WORDS, type AccountRequest } from './questionnaire-colleagues';

type Named = { id: string; name: string };

interface Decided {
  request: AccountRequest;
  user?: { id: string; email: string };
  initial_password?: string;
}

export function AccountRequestsPage() {
  const [status, setStatus] = useState('pending');
  const requests = useLoad(
    (signal) =>
      Promise.all([
        listAll<AccountRequest>('/api/v1/account-requests', status ? { status } : {}, signal),
        listAll<Named>('/api/v1/parties', { limit: 500 }, signal),
      ]),
    [status],
  );
  const [approved, setApproved] = useState<Decided | null>(null);
  return (
    <Page title="Account requests" subtitle="Colleagues’ accounts asked for by third parties’ contacts">
      {approved?.initial_password && (
        <Alert kind="ok">
          The account for {approved.user?.email} is created. Its first password, shown only now:{' '}
          <code class="secret">{approved.initial_password}</code>. Give it to the person over a separate channel (a
          phone call, not the email the request came from); they choose their own when they first sign in.
        </Alert>
      )}
      <div class="field">
        <label for="acr-status">Show</label>
        <select id="acr-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="pending">Waiting for a decision</option>
          <option value="approved">Approved</option>
          <option value="declined">Declined</option>
          <option value="">All</option>
        </select>
      </div>
      <Loading state={requests} label="account requests">
        {([items, parties]) =>
          items.length === 0 ? (
            <Empty>No account requests here.</Empty>
          ) : (
            <>
              {items.map((r) => (
                <RequestCard
                  r={r}
                  party={parties.find((p) => p.id === r.party_id)?.name || r.party_id}
                  onDecided={(d) => {
                    if (d.initial_password) setApproved(d);
                    requests.reload();
                  }}
                />
              ))}
            </>
          )
        }
      </Loading>
    </Page>
  );
}

function RequestCard(props: { r: AccountRequest; party: string; onDecided: (d: Decided) => void }) {
  const { r } = props;
  const actions = r.allowed_actions || [];
  const [declining, setDeclining] = useState(false);
  const approve = useForm({});
  const decline = useForm({ reason: '' });
  return (
    <Section title={`${r.name} for ${props.party}`} id={r.id}>
      <p>
        {r.email} · asked <DateText value={r.created_at} /> · <Badge value={r.status} label={REQUEST_WORDS[r.status]} />
      </p>
      <p>
        <strong>Why:</strong> {r.reason}
      </p>
      {r.decline_reason && (
        <p>
          <strong>Declined because:</strong> {r.decline_reason}
        </p>
      )}
      {actions.includes('approve') && !declining && (
        <Form
          form={approve}
          label={`Approve ${r.name}`}
          submitLabel="Approve and create the account"
          onSubmit={() =>
            void approve
              .submit(() => post<Decided>(`/api/v1/account-requests/${r.id}/actions`, { action: 'approve' }))
              .then((d) => d && props.onDecided(d))
          }
          secondary={
            actions.includes('decline') && (
              <button type="button" class="btn" onClick={() => setDeclining(true)}>
                Decline…
              </button>
            )
          }
        >
          {null}
        </Form>
      )}
      {declining && (
        <Form
          form={decline}
          label={`Decline ${r.name}`}
          submitLabel="Decline the request"
          onSubmit={() =>
            void decline
              .submit((v) =>
                post<Decided>(`/api/v1/account-requests/${r.id}/actions`, { action: 'decline', reason: v.reason }),
              )
              .then((d) => d && props.onDecided(d))
          }
          secondary={
            <button type="button" class="btn" onClick={() => setDeclining(false)}>
              Cancel
            </button>
          }
        >
          <TextField form={decline} name="reason" label="Why (the contact is told)" required />
        </Form>
      )}
    </Section>
  );
}
