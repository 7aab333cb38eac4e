// Your account: change the password, make new recovery codes (shown once, to copy or download),
// your API tokens (make one, shown once; revoke one), single sign-on links and signing out
// everywhere.
import { useState } from 'preact/hooks';
import { ApiError, del, get, post, type ListPage } from '../api';
import { OneTimeSecret } from '../components/one-time-secret';
import { secondary, Table } from '../components/table';
import { ROLE_NAMES, isOfficer, isWorkforce, useSession, type Role } from '../session';
import {
  Alert,
  Badge,
  DateText,
  Empty,
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
import { plainRefusal } from './review-common';
import { MySsoLinks } from './sso-links';
import { NotificationSettings } from './notification-settings';
import './accounts.css';

// TODO(schema): GET /api/v1/tokens items; the generated type names the same fields.
interface Token {
  id: string;
  name: string;
  role: string;
  created_at: string;
  expires_at?: string | null;
  revoked_at?: string | null;
  last_used_at?: string | null;
  user_id?: string | null;
}

function PasswordForm() {
  const form = useForm({ current_password: '', new_password: '', repeat: '' });
  const [done, setDone] = useState(false);
  return (
    <Form
      form={form}
      label="Change your password"
      submitLabel="Change the password"
      onSubmit={async () => {
        setDone(false);
        const x = await form.submit(async (v) => {
          if (v.new_password !== v.repeat) {
            throw new ApiError(422, 'validation_failed', 'The new passwords differ.', [
              { field: 'repeat', reason: 'is not the same as the new password' },
            ]);
          }
          return post<{ changed: boolean }>('/api/v1/auth/password', {
            current_password: v.current_password,
            new_password: v.new_password,
          });
        });
        if (x) {
          form.reset();
          setDone(true);
        }
      }}
    >
      {done && (
        <Alert kind="ok">Your password is changed. Everywhere else you were signed in, you are now signed out.</Alert>
      )}
      <TextField
        form={form}
        name="current_password"
        label="Current password"
        type="password"
        autocomplete="current-password"
        required
      />
      <TextField
        form={form}
        name="new_password"
        label="New password"
        type="password"
        autocomplete="new-password"
        required
        hint="At least 12 characters; a few unrelated words make a strong one"
      />
      <TextField
        form={form}
        name="repeat"
        label="New password again"
        type="password"
        autocomplete="new-password"
        required
      />
    </Form>
  );
}

function RecoveryCodes(props: { enrolled: boolean; email: string }) {
  const form = useForm({ current_password: '' });
  const [codes, setCodes] = useState<string[] | null>(null);
  if (!props.enrolled) {
    return <p class="muted">Recovery codes come with an authenticator app, which this account has not set up.</p>;
  }
  return (
    <>
      <p>
        A recovery code signs you in when your authenticator app is not at hand; each works once. New codes replace all
        the old ones.
      </p>
      {codes ? (
        <OneTimeSecret
          label="Your new recovery codes"
          values={codes}
          filename="accord-recovery-codes.txt"
          preamble={`Accord recovery codes for ${props.email}. Each works once.`}
          note="Your new recovery codes are shown only this once; the old ones no longer work."
        />
      ) : (
        <Form
          form={form}
          label="Make new recovery codes"
          submitLabel="Make new recovery codes"
          onSubmit={async () => {
            const x = await form.submit((v) =>
              post<{ recovery_codes: string[] }>('/api/v1/auth/recovery-codes', v).catch(plainRefusal),
            );
            if (x) {
              form.reset();
              setCodes(x.recovery_codes);
            }
          }}
        >
          <TextField
            form={form}
            name="current_password"
            label="Your password"
            type="password"
            autocomplete="current-password"
            required
          />
        </Form>
      )}
    </>
  );
}

const in90Days = () => new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10);

function Tokens(props: { me: string; role: Role }) {
  const list = useLoad((signal) => get<ListPage<Token>>('/api/v1/tokens', { limit: 500 }, signal), []);
  const form = useForm({ name: '', expires_at: in90Days(), access: '' });
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const revoke = async (t: Token) => {
    try {
      await del(`/api/v1/tokens/${t.id}`);
      setNote({ kind: 'ok', text: `The token “${t.name}” is revoked: it stops working within a second.` });
      list.reload();
    } catch (e) {
      setNote({ kind: 'error', text: (e as Error).message });
    }
  };
  return (
    <>
      <p>
        A token lets a script or another tool use Accord as you. It acts with your access (or read-only), and every
        token ends by its expiry date.
      </p>
      {note && <Alert kind={note.kind}>{note.text}</Alert>}
      <Loading state={list} label="your tokens">
        {(page) => {
          const mine = page.items.filter((t) => t.user_id === props.me && !t.revoked_at);
          return mine.length === 0 ? (
            <Empty>You have no API token.</Empty>
          ) : (
            <Table
              class="tokens-table"
              caption="Your API tokens"
              captionClass="visually-hidden"
              columns={['Name', 'Access', secondary('Created'), 'Expires', secondary('Last used'), 'Revoke']}
            >
              {mine.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.role === props.role ? 'As you' : `Read-only (${ROLE_NAMES[t.role as Role] || t.role})`}</td>
                  <td class="hide-narrow">
                    <DateText value={t.created_at} />
                  </td>
                  <td>
                    {t.expires_at ? (
                      <DateText value={t.expires_at} />
                    ) : (
                      <Badge value="none" label="Never" tone="warn" />
                    )}
                  </td>
                  <td class="hide-narrow">{t.last_used_at ? <DateText value={t.last_used_at} time /> : 'Not yet'}</td>
                  <td>
                    <button type="button" class="btn btn-small btn-danger" onClick={() => revoke(t)}>
                      Revoke<span class="visually-hidden"> {t.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          );
        }}
      </Loading>
      {made && (
        <Alert kind="ok">
          <p>The token “{made.name}” is made.</p>
          <OneTimeSecret
            label="Your new API token"
            values={[made.token]}
            filename="accord-api-token.txt"
            note="The token is shown only this once."
          />
        </Alert>
      )}
      <div class="token-new">
        <Form
          form={form}
          label="Make an API token"
          submitLabel="Make the token"
          onSubmit={async () => {
            const x = await form.submit((v) =>
              post<{ id: string; token: string }>('/api/v1/tokens', {
                name: v.name,
                expires_at: v.expires_at ? v.expires_at + 'T23:59:59Z' : undefined,
                ...(v.access ? { role: v.access } : {}),
              }).catch(plainRefusal),
            );
            if (x) {
              setMade({ name: form.values.name, token: x.token });
              form.reset({ name: '', expires_at: in90Days(), access: '' });
              setNote(null);
              list.reload();
            }
          }}
        >
          <TextField form={form} name="name" label="Name" required hint="What uses it, e.g. “nightly export”" />
          <TextField
            form={form}
            name="expires_at"
            label="Expires on"
            type="date"
            required
            hint="At most a year from today"
          />
          {isOfficer(props.role) && (
            <SelectField
              form={form}
              name="access"
              label="Access"
              options={[
                { value: '', label: 'As you' },
                { value: 'auditor', label: 'Read-only' },
              ]}
            />
          )}
        </Form>
      </div>
    </>
  );
}

export function MyAccount() {
  const session = useSession();
  const { user } = session.info;
  const [error, setError] = useState('');
  return (
    <Page title="Your account" subtitle={user.email}>
      <Section title="You">
        <Facts
          items={[
            ['Name', user.name || user.email],
            ['Email', user.email],
            ['Role', ROLE_NAMES[user.role] || user.role],
            ['Authenticator app', user.mfa_enrolled ? 'Set up' : 'Not set up'],
          ]}
        />
      </Section>
      <Section title="Password">
        <PasswordForm />
      </Section>
      {isWorkforce(user.role) && (
        <Section title="Notifications">
          <NotificationSettings />
        </Section>
      )}
      <Section title="Single sign-on">
        <MySsoLinks />
      </Section>
      <Section title="Recovery codes">
        <RecoveryCodes enrolled={!!user.mfa_enrolled} email={user.email} />
      </Section>
      <Section title="API tokens">
        <Tokens me={user.id} role={user.role} />
      </Section>
      <Section title="Sign out everywhere">
        <p>
          Ends every session of yours, on every device and browser, this one included. API tokens keep working until you
          revoke them.
        </p>
        {error && <Alert kind="error">{error}</Alert>}
        <button
          type="button"
          class="btn btn-danger"
          onClick={() => session.signOut(true).catch((e) => setError((e as Error).message))}
        >
          Sign out everywhere
        </button>
      </Section>
    </Page>
  );
}
