// The evidence bundle for an auditor (docs/ledger.md): choose a period, and optionally one
// third party or one kind of record, and download one zip that checks itself offline.
import { useState } from 'preact/hooks';
import { ApiError, listAll, withQuery } from '../api';
import type { components } from '../generated/openapi';
import { saveFile } from '../lib/save-file';
import { Alert, Form, Page, SelectField, TextField, useForm, useLoad } from '../ui';

type Party = components['schemas']['Party'];

const KINDS: [string, string][] = [
  ['document', 'Documents'],
  ['agreement', 'Agreements'],
  ['party', 'Third parties'],
  ['grant', 'Access grants'],
  ['review', 'Reviews'],
  ['finding', 'Findings'],
  ['certification', 'Certifications'],
];

async function download(query: Record<string, string>): Promise<string> {
  const res = await fetch(withQuery('/api/v1/ledger/evidence', query), { credentials: 'same-origin' });
  if (!res.ok) {
    let body: { error?: { code?: string; message?: string; details?: { field: string; reason: string }[] } } = {};
    try {
      body = await res.json();
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(
      res.status,
      body.error?.code || 'http_' + res.status,
      body.error?.message || `The bundle could not be made (status ${res.status}).`,
      body.error?.details || [],
    );
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || 'ledger.accord-evidence.zip';
  saveFile(await res.blob(), name, 60000);
  return `${name}: ${res.headers.get('X-Evidence-Events') || 'some'} events.`;
}

export function EvidencePage() {
  const form = useForm({ from: '', to: '', party: '', kind: '' });
  const parties = useLoad((signal) => listAll<Party>('/api/v1/parties', {}, signal), []);
  const [done, setDone] = useState('');
  const partyOptions = (parties.data || []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Page
      title="Evidence bundle"
      subtitle="One file for an auditor: the events of a period with their proofs, the documents they name, the signed checkpoint and a page that checks it all offline."
    >
      <Form
        form={form}
        label="Evidence bundle"
        submitLabel="Download the bundle"
        onSubmit={async () => {
          setDone('');
          const r = await form.submit((v) => download(v));
          if (r) setDone(r);
        }}
      >
        <div class="grid-2">
          <TextField
            form={form}
            name="from"
            label="From"
            type="date"
            hint="The first day recorded. Empty: from the start."
          />
          <TextField
            form={form}
            name="to"
            label="To"
            type="date"
            hint="The last day recorded, included. Empty: up to now."
          />
          <SelectField form={form} name="party" label="Third party" placeholder="All" options={partyOptions} />
          <SelectField
            form={form}
            name="kind"
            label="Records"
            placeholder="All"
            options={KINDS.map(([value, label]) => ({ value, label }))}
          />
        </div>
      </Form>
      {done && (
        <Alert kind="ok">
          Downloaded {done} Open verify.html from the archive in any browser, choose the archive and paste the
          organisation's public key to check it; events recorded after the latest signed checkpoint are in the next
          bundle.
        </Alert>
      )}
    </Page>
  );
}
