// A shared customer questionnaire through the trust center (issue 28, part 5): an officer emails
// one of the customer's contacts a personal link to our trust center's download page, which works
// only while the questionnaire stays shared and the customer's NDA is in force (without one, the
// contact is asked to accept our NDA first). The links sent are listed with what became of them.
import { useState } from 'preact/hooks';
import { describe, get, post } from '../api';
import { Table } from '../components/table';
import { Alert, DateText, Empty, useLoad } from '../ui';

export interface TrustLink {
  request_id: string;
  name: string;
  email: string;
  status: string;
  sent_at: string;
  downloads: number;
}
interface Contact {
  id: string;
  name: string;
  email: string;
}

const LINK_STATUS: Record<string, string> = {
  approved: 'Link sent, not downloaded yet',
  completed: 'Downloaded',
  nda_sent: 'Waiting for the customer to accept our NDA',
  in_progress: 'NDA accepted: waiting for an officer to approve it on the request',
  received: 'Waiting to be linked to the customer',
  cancelled: 'Cancelled',
  rejected: 'Declined',
};

export function TrustLinks(props: {
  id: string;
  partyId: string;
  shared: boolean;
  links: TrustLink[];
  onSent: () => void;
}) {
  const list = useLoad(
    (signal) =>
      get<{ items: Contact[] }>(
        `/api/v1/parties/${encodeURIComponent(props.partyId)}/contacts`,
        { limit: 200 },
        signal,
      ),
    [props.partyId],
  );
  const contacts = list.data?.items || [];
  const [contact, setContact] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const send = async (e: Event) => {
    e.preventDefault();
    setError('');
    setNotice('');
    if (!contact) return setError('Choose the contact to send the link to.');
    try {
      const r = await post<{ status: string; requester: { name: string; email: string } }>(
        `/api/v1/customer-questionnaires/${encodeURIComponent(props.id)}/trust-link`,
        { contact_id: contact },
      );
      setNotice(
        r.status === 'nda_sent'
          ? `No NDA is in force with the customer: ${r.requester.email} was asked to accept our NDA first. Approve the request once they have.`
          : `A personal trust-center link was emailed to ${r.requester.email}.`,
      );
      props.onSent();
    } catch (err) {
      setError(describe(err));
    }
  };
  return (
    <div class="stack">
      {props.shared ? (
        <form class="stack" onSubmit={send}>
          <label for="cq-contact">Send a trust-center link to</label>
          <select id="cq-contact" value={contact} onChange={(e) => setContact((e.target as HTMLSelectElement).value)}>
            <option value="">Choose a contact of the customer…</option>
            {contacts.map((c) => (
              <option value={c.id} key={c.id}>
                {c.name} ({c.email})
              </option>
            ))}
          </select>
          <div>
            <button type="submit" class="btn">
              Send a trust-center link
            </button>
          </div>
          <p class="muted">
            The link works for 14 days and five downloads, only while the questionnaire is shared and the customer's NDA
            is in force. Every download is recorded.
          </p>
        </form>
      ) : (
        <p class="muted">Share the questionnaire with the customer first.</p>
      )}
      {notice && <Alert kind="ok">{notice}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {props.links.length === 0 ? (
        <Empty>No trust-center link sent yet.</Empty>
      ) : (
        <Table
          caption="Trust-center links sent"
          captionClass="visually-hidden"
          columns={['To', 'Sent', 'What happened', 'Downloads']}
        >
          {props.links.map((l) => (
            <tr key={l.request_id}>
              <td>
                {l.name} ({l.email})
              </td>
              <td>
                <DateText value={l.sent_at} time />
              </td>
              <td>{LINK_STATUS[l.status] || l.status}</td>
              <td>{l.downloads}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
