// The breach section's action forms (TR-8): email a notice, record it as sent another way, send
// the list of individuals by Secure Message (never email), and record a law-enforcement delay with
// its document (164.412). Each names its customer in a heading and can be cancelled.
import { useRef } from 'preact/hooks';
import { ApiError, post, request } from '../api';
import { FileField } from '../components/file-field';
import { RequirementTag } from '../components/requirement-tag';
import { Form, SelectField, TextField, useForm } from '../ui';
import type { Assessment, Breach, Notice } from './breach-section';
import { contentTypeOf } from './party/upload';
import { plainRefusal } from './review-common';

// A date field's day as the API's time: its midnight UTC.
export function dayToTime(day: string): string | undefined {
  return day ? `${day}T00:00:00Z` : undefined;
}

function noticeAction(id: string, body: Record<string, unknown>) {
  return post<Notice>(`/api/v1/breach-notices/${id}/actions`, body).catch(plainRefusal);
}

export function SendForm(props: { n: Notice; onDone: (msg: string) => void; onCancel: () => void }) {
  const form = useForm({ recipient: '' });
  return (
    <Form
      form={form}
      label={`Email the notice to ${props.n.party_name}`}
      secondary={
        <button type="button" class="btn" onClick={props.onCancel}>
          Cancel
        </button>
      }
      submitLabel="Email the notice"
      onSubmit={async () => {
        const x = await form.submit((v) => noticeAction(props.n.id, { action: 'send', recipient: v.recipient }));
        if (x) props.onDone(`Notice to ${props.n.party_name} queued for email.`);
      }}
    >
      <h3>{`Email the notice to ${props.n.party_name}`}</h3>
      <TextField form={form} name="recipient" label="Their privacy contact's email" type="email" required />
      <details class="breach-notice-text">
        <summary>What the email says</summary>
        <p>
          <strong>{props.n.notice.subject}</strong>
        </p>
        <pre>{props.n.notice.body}</pre>
      </details>
    </Form>
  );
}

export function RecordSentForm(props: { n: Notice; onDone: (msg: string) => void; onCancel: () => void }) {
  const form = useForm({ sent_at: '', method: '' });
  return (
    <Form
      form={form}
      label={`Record the notice to ${props.n.party_name} as sent`}
      secondary={
        <button type="button" class="btn" onClick={props.onCancel}>
          Cancel
        </button>
      }
      submitLabel="Record as sent"
      onSubmit={async () => {
        const x = await form.submit((v) =>
          noticeAction(props.n.id, {
            action: 'record_sent',
            ...(v.sent_at ? { sent_at: dayToTime(v.sent_at) } : {}),
            ...(v.method ? { method: v.method } : {}),
          }),
        );
        if (x) props.onDone(`Notice to ${props.n.party_name} recorded as sent.`);
      }}
    >
      <h3>{`Record the notice to ${props.n.party_name} as sent`}</h3>
      <div class="form-grid">
        <TextField form={form} name="sent_at" label="Sent on" type="date" hint="Today if left empty" />
        <TextField form={form} name="method" label="How it was sent" placeholder="letter, phone, their portal" />
      </div>
    </Form>
  );
}

// The list of individuals goes by Secure Message only: the server refuses it in any email.
export function ListForm(props: { n: Notice; onDone: (msg: string) => void; onCancel: () => void }) {
  const form = useForm({ recipient: '', list: '' });
  return (
    <Form
      form={form}
      label={`Send ${props.n.party_name} the list of individuals`}
      secondary={
        <button type="button" class="btn" onClick={props.onCancel}>
          Cancel
        </button>
      }
      submitLabel="Send by Secure Message"
      onSubmit={async () => {
        const x = await form.submit(
          async (v) => {
            const smg = await post<{ id: string }>('/api/v1/secure-messages', {
              recipient: v.recipient,
              subject: 'Individuals affected by the breach we notified you of',
              body: v.list,
            });
            return noticeAction(props.n.id, { action: 'link_list', secure_message_id: smg.id });
          },
          { body: 'list' },
        );
        if (x) props.onDone(`List sent to ${props.n.party_name} by Secure Message.`);
      }}
    >
      <h3>{`Send ${props.n.party_name} the list of individuals`}</h3>
      <TextField form={form} name="recipient" label="Recipient's email" type="email" required />
      <TextField
        form={form}
        name="list"
        label="Affected individuals"
        multiline
        rows={4}
        required
        hint={
          <>
            One name per line. It is encrypted; the recipient gets only a link and a one-time code, never the list by
            email. <RequirementTag code="164.410(c)(1)" />
          </>
        }
      />
    </Form>
  );
}

export function DelayForm(props: { a: Assessment; onDone: (b: Breach) => void; onCancel: () => void }) {
  const form = useForm({ written: 'true', stated_at: '', days: '30', official: '', statement: '' });
  const file = useRef<File | null>(null);
  return (
    <Form
      form={form}
      label="Record a law enforcement delay"
      secondary={
        <button type="button" class="btn" onClick={props.onCancel}>
          Cancel
        </button>
      }
      submitLabel="Record the delay"
      onSubmit={async () => {
        const x = await form.submit(
          async (v) => {
            const f = file.current;
            if (!f)
              throw new ApiError(422, 'validation_failed', 'the statement is required', [
                { field: 'statement', reason: 'attach the statement, or our record of an oral one' },
              ]);
            const doc = await request<{ id: string }>(
              'POST',
              `/api/v1/breach-assessments/${props.a.id}/documents`,
              undefined,
              {
                raw: f,
                contentType: contentTypeOf(f),
                query: { filename: f.name },
              },
            );
            return post<Breach>(`/api/v1/breach-assessments/${props.a.id}/law-enforcement-delay`, {
              written: v.written === 'true',
              stated_at: dayToTime(v.stated_at),
              days: Number(v.days),
              official: v.official,
              document_id: doc.id,
            }).catch(plainRefusal);
          },
          { document_id: 'statement', filename: 'statement', content_type: 'statement' },
        );
        if (x) props.onDone(x);
      }}
    >
      <h3>Record a law enforcement delay</h3>
      <div class="form-grid">
        <SelectField
          form={form}
          name="written"
          label="The official's statement"
          required
          options={[
            { value: 'true', label: 'In writing: the period it specifies' },
            { value: 'false', label: 'Oral: at most 30 days' },
          ]}
        />
        <TextField form={form} name="stated_at" label="Stated on" type="date" required />
        <TextField form={form} name="days" label="Days of delay" type="number" min="1" required />
        <TextField form={form} name="official" label="Official and agency" required />
      </div>
      <p class="hint">
        Every notice still due moves by the days stated; an oral statement delays at most 30 days.{' '}
        <RequirementTag code="164.412" />
      </p>
      <FileField
        form={form}
        name="statement"
        label="The written statement, or our record of the oral one"
        fileRef={file}
        required
      />
    </Form>
  );
}
