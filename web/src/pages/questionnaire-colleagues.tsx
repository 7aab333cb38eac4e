// Working with colleagues on a questionnaire (issue 28, item 2). A party's contact hands a
// section to another contact account of the party (or takes it back), and asks for an account
// for a colleague who has none; the Security Officer decides those requests on the Account
// requests screen (account-requests.tsx).
import { useState } from 'preact/hooks';
import { describe, get, listAll, post } from '../api';
import { Alert, Badge, DateText, Form, Section, TextField, useForm, useLoad } from '../ui';
import { assignmentOf, type Questionnaire } from './questionnaire-model';

interface Colleague {
  id: string;
  name: string;
  email: string;
  you: boolean;
}

export interface AccountRequest {
  id: string;
  name: string;
  email: string;
  reason: string;
  status: string;
  party_id: string;
  created_at: string;
  decline_reason?: string | null;
  allowed_actions?: string[] | null;
}

export const REQUEST_WORDS: Record<string, string> = {
  pending: 'Waiting for the Security Officer',
  approved: 'Approved',
  declined: 'Declined',
};

// The contact's panel above the answers: each section with the colleague it waits for.
export function SectionAssignments(props: { q: Questionnaire; me: string; onChange: () => void }) {
  const { q } = props;
  const editable = (q.allowed_actions || []).includes('save');
  const colleagues = useLoad(
    (signal) => get<{ items: Colleague[] }>('/api/v1/colleagues', undefined, signal).then((r) => r.items),
    [],
  );
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function assign(section: number, userId: string) {
    setBusy(true);
    setNotice(null);
    try {
      await post(`/api/v1/questionnaires/${q.id}/assignments`, { section, user_id: userId || null });
      const who = (colleagues.data || []).find((c) => c.id === userId);
      const title = q.sections?.[section]?.title || '';
      setNotice({
        kind: 'ok',
        text: who ? `“${title}” is assigned to ${who.name}; they are emailed.` : `“${title}” is no longer assigned.`,
      });
      props.onChange();
    } catch (e) {
      setNotice({ kind: 'error', text: describe(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Who answers which section" id="sections-people">
      <p class="hint">
        Hand a section to a colleague: they see it under Questionnaires to answer and in their work, and get an email.
        Anyone of your organisation may still answer any section and submit.
      </p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {colleagues.error && <Alert kind="error">{describe(colleagues.error)}</Alert>}
      <table class="table assignments-table">
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Assigned to</th>
          </tr>
        </thead>
        <tbody>
          {(q.sections || []).map((s, si) => {
            const a = assignmentOf(q, si);
            return (
              <tr class={a?.user_id === props.me ? 'mine' : ''}>
                <td>
                  <a href={`#qs-${si}`}>{s.title}</a>
                  {a?.user_id === props.me && (
                    <>
                      {' '}
                      <Badge value="mine" tone="info" label="Assigned to you" />
                    </>
                  )}
                </td>
                <td>
                  {editable ? (
                    <select
                      aria-label={`Assign “${s.title}” to`}
                      value={a?.user_id || ''}
                      disabled={busy || colleagues.loading}
                      onChange={(e) => void assign(si, (e.target as HTMLSelectElement).value)}
                    >
                      <option value="">Not assigned</option>
                      {(colleagues.data || []).map((c) => (
                        <option value={c.id}>
                          {c.you ? `${c.name || c.email} (you)` : `${c.name || c.email} (${c.email})`}
                        </option>
                      ))}
                    </select>
                  ) : (
                    a?.user_name || a?.user_email || '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AskForColleague partyId={q.party_id} />
    </Section>
  );
}

// A colleague without an account: ask the Security Officer for one.
function AskForColleague(props: { partyId: string }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  const form = useForm({ name: '', email: '', reason: '' });
  const requests = useLoad(
    (signal) => listAll<AccountRequest>('/api/v1/account-requests', {}, signal),
    [props.partyId, done],
  );
  return (
    <div class="ask-colleague">
      {done && <Alert kind="ok">{done}</Alert>}
      {(requests.data || []).length > 0 && (
        <ul class="plain" aria-label="Accounts asked for">
          {(requests.data || []).map((r) => (
            <li>
              {r.name} ({r.email}): {REQUEST_WORDS[r.status] || r.status}
              {r.decline_reason ? ` — ${r.decline_reason}` : ''} · asked <DateText value={r.created_at} />
            </li>
          ))}
        </ul>
      )}
      {!open ? (
        <button type="button" class="btn" onClick={() => setOpen(true)}>
          Ask for a colleague’s account
        </button>
      ) : (
        <Form
          form={form}
          label="Ask for a colleague’s account"
          submitLabel="Send the request"
          onSubmit={() =>
            void form
              .submit((v) => post<AccountRequest>('/api/v1/account-requests', v))
              .then((r) => {
                if (!r) return;
                setDone(`Your request for ${r.name}’s account is sent to the Security Officer. You’ll get an email.`);
                form.reset();
                setOpen(false);
              })
          }
          secondary={
            <button type="button" class="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
          }
        >
          <TextField form={form} name="name" label="Colleague’s name" required />
          <TextField form={form} name="email" label="Colleague’s work email" type="email" required />
          <TextField
            form={form}
            name="reason"
            label="Why they need an account"
            hint="For example, which sections they will answer."
            required
          />
        </Form>
      )}
    </div>
  );
}

// Who a section went to, under its title: "Assigned to you" for the assignee, the name for the
// rest of the party and for our officer's review page.
export function AssignedTo(props: { q: Questionnaire; section: number; me?: string }) {
  const a = assignmentOf(props.q, props.section);
  if (!a) return null;
  if (a.user_id === props.me) {
    return (
      <p class="assigned-to mine">
        <Badge value="mine" tone="info" label="Assigned to you" /> a colleague asked you to answer this section.
      </p>
    );
  }
  return (
    <p class="muted assigned-to">
      Assigned to {a.user_name || a.user_email}
      {a.user_email && a.user_name ? ` (${a.user_email})` : ''} on <DateText value={a.assigned_at} />
    </p>
  );
}
