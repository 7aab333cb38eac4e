// Single sign-on links (issue 25): on Your account, link this account to the identity
// provider (the browser goes there and comes back), see the links and remove one; on an
// account's page, the Security Officer sees them read-only.
import { useState } from 'preact/hooks';
import { get, post, type ApiResponse } from '../api';
import { Table } from '../components/table';
import { Alert, DateText, Empty, Form, Loading, TextField, useForm, useLoad } from '../ui';
import { plainRefusal } from './review-common';

type MyLinks = ApiResponse<'/api/v1/account/sso-links'>;
type SsoLink = MyLinks['links'][number];

function LinkTable(props: { links: SsoLink[]; onUnlink?: (l: SsoLink) => void }) {
  return (
    <Table
      caption="Identities linked to this account"
      captionClass="visually-hidden"
      columns={props.onUnlink ? ['Identity', 'Linked', 'Unlink'] : ['Identity', 'Linked']}
    >
      {props.links.map((l) => (
        <tr key={l.issuer + ' ' + l.subject}>
          <td>
            {l.subject}
            <div class="muted small">{l.issuer}</div>
          </td>
          <td>
            <DateText value={l.linked_at} />
          </td>
          {props.onUnlink && (
            <td>
              <button type="button" class="btn btn-small btn-danger" onClick={() => props.onUnlink!(l)}>
                Unlink<span class="visually-hidden"> {l.subject}</span>
              </button>
            </td>
          )}
        </tr>
      ))}
    </Table>
  );
}

function UnlinkForm(props: { link: SsoLink; needsPassword: boolean; onDone: (ok: boolean) => void }) {
  const form = useForm({ password: '' });
  return (
    <Form
      form={form}
      label={`Unlink ${props.link.subject}`}
      submitLabel="Unlink"
      onSubmit={async () => {
        const x = await form.submit((v) =>
          post<{ unlinked: boolean }>('/api/v1/account/sso-links/remove', {
            issuer: props.link.issuer,
            subject: props.link.subject,
            ...(props.needsPassword ? { password: v.password } : {}),
          }).catch(plainRefusal),
        );
        if (x) props.onDone(true);
      }}
    >
      {props.needsPassword && (
        <TextField
          form={form}
          name="password"
          label="Your password"
          type="password"
          autocomplete="current-password"
          required
        />
      )}
      <button type="button" class="btn btn-secondary" onClick={() => props.onDone(false)}>
        Keep the link
      </button>
    </Form>
  );
}

export function MySsoLinks() {
  const state = useLoad((signal) => get<MyLinks>('/api/v1/account/sso-links', {}, signal), []);
  const [unlinking, setUnlinking] = useState<SsoLink | null>(null);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setNote(null);
    try {
      const x = await post<{ url: string }>('/api/v1/account/sso-links', undefined);
      window.location.assign(x.url);
    } catch (e) {
      setNote({ kind: 'error', text: (e as Error).message });
      setBusy(false);
    }
  };
  return (
    <Loading state={state} label="your single sign-on links">
      {(me) =>
        !me.provider ? (
          <p class="muted">Single sign-on is not set up on this server.</p>
        ) : (
          <>
            <p>
              Link your account to {me.provider} to sign in with it. You go to {me.provider}, sign in there, and come
              back here.
            </p>
            {note && <Alert kind={note.kind}>{note.text}</Alert>}
            {me.links.length === 0 ? (
              <Empty>Your account is not linked to {me.provider}.</Empty>
            ) : (
              <LinkTable links={me.links} onUnlink={(l) => setUnlinking(l)} />
            )}
            {unlinking && (
              <UnlinkForm
                link={unlinking}
                needsPassword={me.has_password}
                onDone={(ok) => {
                  setUnlinking(null);
                  if (ok) {
                    setNote({ kind: 'ok', text: `The link to ${unlinking.subject} is removed.` });
                    state.reload();
                  }
                }}
              />
            )}
            <button type="button" class="btn" disabled={busy} onClick={start}>
              Link to {me.provider}
            </button>
          </>
        )
      }
    </Loading>
  );
}

export function AccountSsoLinks(props: { userId: string }) {
  const state = useLoad(
    (signal) => get<ApiResponse<'/api/v1/users/{id}/sso-links'>>(`/api/v1/users/${props.userId}/sso-links`, {}, signal),
    [props.userId],
  );
  return (
    <Loading state={state} label="single sign-on links">
      {(x) =>
        x.links.length === 0 ? <Empty>Not linked to the identity provider.</Empty> : <LinkTable links={x.links} />
      }
    </Loading>
  );
}
