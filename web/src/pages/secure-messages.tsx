// Secure messages (issue 26): write one (for anything carrying health information), track what
// was sent (read or not, every opening recorded), read what was received, retract.
import { useRef, useState } from 'preact/hooks';
import { csrfHeaders, get, post, type ListPage } from '../api';
import { FileField } from '../components/file-field';
import { Table } from '../components/table';
import { saveFile } from '../lib/save-file';
import { Link } from '../router';
import { isWorkforce } from '../roles';
import { useSession } from '../session';
import { Alert, Badge, DateText, Empty, Facts, Form, Loading, Page, Section, TextField, useForm, useLoad } from '../ui';

interface SecureMessage {
  id: string;
  direction: 'sent' | 'received';
  sender: { id: string; name: string };
  recipient: string;
  recipient_has_account: boolean;
  subject: string | null;
  status: 'unread' | 'read' | 'retracted' | 'expired';
  attachments: number;
  size: number;
  in_reply_to: string | null;
  created_at: string;
  expires_at: string;
  read_at: string | null;
  retracted_at: string | null;
  events?: { ledger_index: number; type: string; at: string }[];
}

interface Opened {
  id: string;
  subject: string;
  body: string;
  sender_name: string;
  attachments: { index: number; filename: string; content_type: string; size: number }[];
}

const STATUS: Record<SecureMessage['status'], string> = {
  unread: 'Not read yet',
  read: 'Read',
  retracted: 'Retracted',
  expired: 'Expired',
};

const EVENT_WORDS: Record<string, string> = {
  'secure_message.sent': 'Sent (the recipient got a link)',
  'secure_message.code_sent': 'A one-time code was sent to the recipient',
  'secure_message.opened': 'Opened',
  'secure_message.downloaded': 'An attachment was downloaded',
  'secure_message.retracted': 'Retracted',
  'secure_message.expired': 'Expired: its content was destroyed',
};

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function Write(props: { onSent: () => void }) {
  const form = useForm({ recipient: '', subject: '', body: '', file: '' });
  const file = useRef<File | null>(null);
  const [sent, setSent] = useState('');
  const send = () =>
    form.submit(
      async (v) => {
        const attachments = [];
        if (file.current) {
          attachments.push({
            filename: file.current.name,
            content_type: file.current.type || 'application/octet-stream',
            content_base64: toBase64(await file.current.arrayBuffer()),
          });
        }
        await post('/api/v1/secure-messages', {
          recipient: v.recipient,
          subject: v.subject,
          body: v.body,
          attachments,
        });
        setSent(v.recipient);
        file.current = null;
        form.reset();
        props.onSent();
      },
      { 'attachments[0].filename': 'file', attachments: 'file' },
    );
  return (
    <Section title="Write a secure message">
      <p class="hint">
        For anything that carries health information. It is stored encrypted; the recipient gets only a link by email
        and proves who they are with a one-time code before reading it.
      </p>
      {sent && <Alert kind="ok">Sent. {sent} gets a link by email; you will see here when it is read.</Alert>}
      <Form form={form} onSubmit={send} submitLabel="Send securely" label="Write a secure message">
        <TextField form={form} name="recipient" label="Recipient's email" type="email" required autocomplete="off" />
        <TextField form={form} name="subject" label="Subject" required />
        <TextField form={form} name="body" label="Message" multiline rows={6} required />
        <FileField form={form} name="file" label="Attachment (optional)" fileRef={file} />
      </Form>
    </Section>
  );
}

function List(props: { tick: number }) {
  const list = useLoad(
    (signal) => get<ListPage<SecureMessage>>('/api/v1/secure-messages', { limit: 100 }, signal),
    [props.tick],
  );
  return (
    <Section title="Sent and received">
      <Loading state={list} label="secure messages">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No secure message yet.</Empty>
          ) : (
            <Table
              columns={[
                'Subject',
                'With',
                'Status',
                { label: 'Sent', hideNarrow: true },
                { label: 'Read', hideNarrow: true },
              ]}
            >
              {page.items.map((m) => (
                <tr>
                  <td>
                    <Link href={`/secure-messages/${m.id}`}>{m.subject ?? '(no longer readable)'}</Link>
                  </td>
                  <td>{m.direction === 'sent' ? `To ${m.recipient}` : `From ${m.sender.name}`}</td>
                  <td>
                    <Badge value={m.status} label={STATUS[m.status]} />
                  </td>
                  <td class="hide-narrow">
                    <DateText value={m.created_at} time />
                  </td>
                  <td class="hide-narrow">{m.read_at ? <DateText value={m.read_at} time /> : '—'}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}

export function SecureMessages() {
  const role = useSession().info.user.role;
  const [tick, setTick] = useState(0);
  return (
    <Page
      title="Secure messages"
      subtitle="Health information travels only here: encrypted, and every opening recorded."
    >
      {isWorkforce(role) && <Write onSent={() => setTick((t) => t + 1)} />}
      <List tick={tick} />
    </Page>
  );
}

async function download(id: string, a: Opened['attachments'][number]) {
  const res = await fetch(`/api/v1/secure-messages/${id}/attachments/${a.index}`, {
    method: 'POST',
    headers: csrfHeaders(),
    credentials: 'same-origin',
  });
  if (!res.ok) throw new Error(`The attachment could not be downloaded (status ${res.status}).`);
  saveFile(await res.blob(), a.filename);
}

function Reader(props: { message: SecureMessage }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState('');
  const reply = useForm({ body: '' });
  const [replied, setReplied] = useState(false);
  const m = props.message;
  if (m.status === 'retracted' || m.status === 'expired') {
    return (
      <Alert kind="info">
        This message can no longer be opened: it was {m.status === 'retracted' ? 'retracted' : 'kept until it expired'}.
      </Alert>
    );
  }
  if (!opened) {
    return (
      <div class="form-actions">
        {error && <Alert kind="error">{error}</Alert>}
        <button
          type="button"
          class="btn btn-primary"
          onClick={async () => {
            try {
              setOpened(await post<Opened>(`/api/v1/secure-messages/${m.id}/open`));
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        >
          Read the message
        </button>
        <span class="hint">Opening it is recorded.</span>
      </div>
    );
  }
  return (
    <>
      <h3>{opened.subject}</h3>
      <p class="secure-body" style="white-space: pre-wrap">
        {opened.body}
      </p>
      {opened.attachments.length > 0 && (
        <ul>
          {opened.attachments.map((a) => (
            <li>
              <button type="button" class="btn" onClick={() => download(m.id, a).catch((e) => setError(e.message))}>
                Download {a.filename}
              </button>{' '}
              ({a.size} bytes)
            </li>
          ))}
        </ul>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      {m.direction === 'received' &&
        (replied ? (
          <Alert kind="ok">Your reply was sent as a secure message.</Alert>
        ) : (
          <Form
            form={reply}
            label="Reply"
            submitLabel="Send the reply securely"
            onSubmit={() =>
              reply.submit(async (v) => {
                await post('/api/v1/secure-messages', {
                  in_reply_to: m.id,
                  subject: `Re: ${opened.subject}`,
                  body: v.body,
                });
                setReplied(true);
              })
            }
          >
            <TextField form={reply} name="body" label="Your reply" multiline rows={4} required />
          </Form>
        ))}
    </>
  );
}

export function SecureMessagePage(props: { id: string }) {
  const [tick, setTick] = useState(0);
  const [error, setError] = useState('');
  const state = useLoad(
    (signal) => get<SecureMessage>(`/api/v1/secure-messages/${props.id}`, undefined, signal),
    [props.id, tick],
  );
  return (
    <Loading state={state} label="the secure message">
      {(m) => (
        <Page title={m.subject ?? 'Secure message'} subtitle={<Link href="/secure-messages">All secure messages</Link>}>
          <Section title="Tracking">
            <Facts
              items={[
                ['Status', STATUS[m.status]],
                [m.direction === 'sent' ? 'To' : 'From', m.direction === 'sent' ? m.recipient : m.sender.name],
                ['Sent', <DateText value={m.created_at} time />],
                ['First read', m.read_at ? <DateText value={m.read_at} time /> : 'Not yet'],
                ['Readable until', <DateText value={m.expires_at} time />],
                ['Attachments', String(m.attachments)],
              ]}
            />
            {m.direction === 'sent' && m.status !== 'retracted' && (
              <div class="form-actions">
                {error && <Alert kind="error">{error}</Alert>}
                <button
                  type="button"
                  class="btn btn-danger"
                  onClick={async () => {
                    if (!window.confirm('Retract this message? Nobody will be able to open it again.')) return;
                    try {
                      await post(`/api/v1/secure-messages/${m.id}/retract`);
                      setTick((t) => t + 1);
                    } catch (e) {
                      setError((e as Error).message);
                    }
                  }}
                >
                  Retract
                </button>
              </div>
            )}
          </Section>
          <Section title="Message">
            <Reader message={m} />
          </Section>
          <Section title="Recorded in the ledger">
            <ol>
              {(m.events || []).map((e) => (
                <li>
                  {EVENT_WORDS[e.type] || e.type} — <DateText value={e.at} time />
                </li>
              ))}
            </ol>
          </Section>
        </Page>
      )}
    </Loading>
  );
}
