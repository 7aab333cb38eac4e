// One account: who it is, its onboarding records (a workforce account signs in only once all
// five are entered and it is activated), the steps the server allows this person (activate,
// deactivate, change the role, reset the authenticator app or the password, each with a
// reason) and its history.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { HistoryList } from '../components/history-list';
import { OneTimeSecret } from '../components/one-time-secret';
import { CancelButton, Reveal } from '../components/reveal';
import { Table } from '../components/table';
import { Link } from '../router';
import { ROLE_NAMES, type Role } from '../session';
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
  useForm,
  useLoad,
} from '../ui';
import {
  ACCOUNT_ACTIONS,
  RECORD_KINDS,
  accountStatus,
  accountStep,
  isWorkforceRole,
  missingRecords,
  onboardingRecords,
  recordLabel,
  type Account,
} from './accounts-model';
import { allows } from './workflow-model';
import './accounts.css';
import { AccountSsoLinks } from './sso-links';
import { ForgeLogins } from './forge-logins';

type Done = (msg: string, secret?: string) => void;
type Fact = [string, ComponentChildren];

// A refusal reads as one sentence; the gate's missing records by their names.
function plain(e: unknown): never {
  if (!(e instanceof ApiError)) throw e;
  const missing = e.details.filter((d) => d.field.startsWith('attestations.'));
  if (missing.length) {
    const list = missing.map((d) => `${recordLabel(d.field.slice('attestations.'.length))} (${d.reason})`);
    throw new ApiError(e.status, e.code, `It can be activated once these records are entered: ${list.join('; ')}.`);
  }
  if (e.status === 403 || e.status === 409) throw new ApiError(e.status, e.code, e.message);
  throw e;
}

const today = () => new Date().toISOString().slice(0, 10);

function RecordForm(props: { account: Account; onDone: Done }) {
  const form = useForm({
    kind: '',
    completed_on: today(),
    evidence: '',
    mdm_enrolled: 'false',
    disk_encrypted: 'false',
    endpoint_protection: 'false',
  });
  const device = form.values.kind === 'managed_device';
  return (
    <Form
      form={form}
      label="Add an onboarding record"
      submitLabel="Add the record"
      onSubmit={async () => {
        const x = await form.submit((v) =>
          post<Account>(`/api/v1/users/${props.account.id}/attestations`, {
            kind: v.kind,
            completed_on: v.completed_on ? v.completed_on + 'T00:00:00Z' : '',
            ...(v.evidence ? { evidence: v.evidence } : {}),
            ...(device
              ? {
                  mdm_enrolled: v.mdm_enrolled === 'true',
                  disk_encrypted: v.disk_encrypted === 'true',
                  endpoint_protection: v.endpoint_protection === 'true',
                }
              : {}),
          }),
        );
        if (x) {
          props.onDone(`${recordLabel(form.values.kind)} recorded.`);
          form.reset();
        }
      }}
    >
      <SelectField
        form={form}
        name="kind"
        label="Record"
        required
        placeholder="Choose a record…"
        options={RECORD_KINDS}
      />
      <TextField form={form} name="completed_on" label="Completed on" type="date" required />
      <TextField
        form={form}
        name="evidence"
        label="Where the proof is kept"
        hint="Optional: a certificate number, the HR file, the device inventory entry"
      />
      {device && (
        <>
          <CheckboxField form={form} name="mdm_enrolled" label="Enrolled in device management" />
          <CheckboxField form={form} name="disk_encrypted" label="Disk encrypted" />
          <CheckboxField form={form} name="endpoint_protection" label="Endpoint protection running" />
        </>
      )}
    </Form>
  );
}

const ROLE_OPTIONS = (Object.keys(ROLE_NAMES) as Role[])
  .filter((r) => r !== 'third_party_contact')
  .map((r) => ({ value: r, label: ROLE_NAMES[r] }));

function ActionForm(props: { account: Account; action: string; close: () => void; onDone: Done }) {
  const { account, action } = props;
  const form = useForm({ comment: '', role: '' });
  const label = ACCOUNT_ACTIONS[action] || action;
  return (
    <Form
      form={form}
      label={label}
      submitLabel={label}
      secondary={<CancelButton onClick={props.close} />}
      onSubmit={async () => {
        const x = await form.submit((v) =>
          post<Account | { user: Account; initial_password: string }>(`/api/v1/users/${account.id}/actions`, {
            action,
            comment: v.comment,
            ...(action === 'change_role' ? { role: v.role } : {}),
          }).catch(plain),
        );
        if (!x) return;
        if ('initial_password' in x) {
          props.onDone(
            'The password is reset: give them this initial password in person or by phone.',
            x.initial_password,
          );
        } else {
          const words: Record<string, string> = {
            activate: 'Activated: they can sign in.',
            deactivate: 'Deactivated: their sessions and API tokens have ended.',
            change_role: `The role is now ${ROLE_NAMES[x.role as Role] || x.role}.`,
            reset_mfa: 'The authenticator app is reset: they set up a new one at their next sign-in.',
          };
          props.onDone(words[action] || 'Done.');
        }
        form.reset();
      }}
    >
      {action === 'change_role' && (
        <SelectField
          form={form}
          name="role"
          label="New role"
          required
          placeholder="Choose a role…"
          options={ROLE_OPTIONS.filter((o) => o.value !== account.role)}
        />
      )}
      <TextField form={form} name="comment" label="Reason" multiline rows={2} required />
    </Form>
  );
}

function Records(props: { account: Account }) {
  const rows = onboardingRecords(props.account);
  return (
    <Table columns={['Record', 'Completed on', 'Proof']} caption="Onboarding records" captionClass="visually-hidden">
      {rows.map(({ kind, record }) => (
        <tr>
          <td>{recordLabel(kind)}</td>
          <td>
            {record ? <DateText value={record.completed_on} /> : <Badge value="missing" label="Missing" tone="warn" />}
          </td>
          <td>
            {record?.evidence || ''}
            {kind === 'managed_device' && record && (
              <div class="small muted">
                {[
                  record.mdm_enrolled ? 'managed' : 'not managed',
                  record.disk_encrypted ? 'disk encrypted' : 'disk not encrypted',
                  record.endpoint_protection ? 'endpoint protection' : 'no endpoint protection',
                ].join(', ')}
              </div>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function AccountPage(props: { id: string }) {
  const state = useLoad((signal) => get<Account>(`/api/v1/users/${props.id}`, undefined, signal), [props.id]);
  const [result, setResult] = useState<{ msg: string; secret?: string } | null>(null);
  const done: Done = (msg, secret) => {
    setResult({ msg, secret });
    state.reload();
  };
  return (
    <Loading state={state} label="the account">
      {(a) => {
        const s = accountStatus(a.status);
        const workforce = isWorkforceRole(a.role);
        const missing = workforce ? missingRecords(a) : [];
        const manages = (a.allowed_actions?.length ?? 0) > 0;
        const actions = Object.keys(ACCOUNT_ACTIONS).filter((x) => allows(a, x));
        return (
          <Page title={a.name || a.email} subtitle={`${ROLE_NAMES[a.role as Role] || a.role} · ${a.email}`}>
            {result && (
              <Alert kind="ok">
                <p>{result.msg}</p>
                {result.secret && (
                  <OneTimeSecret
                    label="Initial password"
                    values={[result.secret]}
                    filename="initial-password.txt"
                    note="The initial password is shown only this once and works for 7 days."
                  />
                )}
              </Alert>
            )}
            <Section title="Account">
              <Facts
                items={[
                  ['Status', <Badge value={a.status} label={s.label} tone={s.tone} />],
                  ['Role', ROLE_NAMES[a.role as Role] || a.role],
                  ['Email', a.email],
                  ...(a.party_id
                    ? [['Organisation', <Link href={`/parties/${a.party_id}`}>Their organisation</Link>] as Fact]
                    : []),
                  ['Authenticator app', a.mfa_enrolled ? 'Set up' : 'Not set up yet'],
                  [
                    'Access until',
                    a.access_until || a.expires_at ? (
                      <DateText value={a.access_until || a.expires_at} />
                    ) : (
                      'No end date'
                    ),
                  ],
                  ['Created', <DateText value={a.created_at} />],
                ]}
              />
            </Section>
            {workforce && (
              <Section title="Onboarding records">
                {missing.length > 0 ? (
                  <Alert kind="warn">
                    {a.status === 'active'
                      ? 'Renew before access lapses: '
                      : 'Needed before the account can be activated: '}
                    {missing.join(', ')}.
                  </Alert>
                ) : (
                  <p class="muted">All five records are entered. Trainings must be repeated every year.</p>
                )}
                <Records account={a} />
                {manages && <RecordForm account={a} onDone={done} />}
              </Section>
            )}
            {actions.length > 0 && (
              <Section title="Manage the account">
                <div class="action-list">
                  {actions.map((x) => (
                    <Reveal key={x} label={ACCOUNT_ACTIONS[x]}>
                      {(close) => (
                        <ActionForm
                          account={a}
                          action={x}
                          close={close}
                          onDone={(msg, secret) => {
                            close();
                            done(msg, secret);
                          }}
                        />
                      )}
                    </Reveal>
                  ))}
                </div>
              </Section>
            )}
            {workforce && (
              <Section title="Code review logins">
                <ForgeLogins account={a} manages={manages} onDone={(msg) => done(msg)} />
              </Section>
            )}
            {workforce && (
              <Section title="Single sign-on">
                <AccountSsoLinks userId={props.id} />
              </Section>
            )}
            <Section title="History">
              <HistoryList steps={(a.history || []).map(accountStep)} />
            </Section>
          </Page>
        );
      }}
    </Loading>
  );
}
