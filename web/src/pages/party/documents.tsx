// The party's documents: download them; officers and the party's contact upload more.
import { useRef, useState } from 'preact/hooks';
import { FileField } from '../../components/file-field';
import { CancelButton, Reveal } from '../../components/reveal';
import { secondary, Table } from '../../components/table';
import { isOfficer, ROLE_NAMES, type Role } from '../../session';
import { Alert, DateText, Empty, Form, Loading, Section, SelectField, TextField, useForm } from '../../ui';
import type { Party } from './common';
import { useList, type SectionProps } from './kit';
import type { PartyDocument } from './model';
import { checkFile, contentTypeOf, formatSize, uploadDocument } from './upload';

const DOC_PURPOSES: [string, string][] = [
  ['soc2', 'SOC 2 report'],
  ['evidence', 'Evidence for a review or questionnaire'],
  ['other', 'Other document'],
];
const DOC_PREFIX: Record<string, string> = { soc2: 'SOC 2 report - ', evidence: 'Evidence - ', other: '' };

export function Documents(props: SectionProps & { rev: number }) {
  const list = useList<PartyDocument>(`/api/v1/parties/${props.party.id}/documents`, undefined, [
    props.party.id,
    props.rev,
  ]);
  const contact = props.role === 'third_party_contact';
  const canUpload = isOfficer(props.role) || contact;
  const [notice, setNotice] = useState('');
  return (
    <Section title="Documents" id="sec-documents">
      {notice && <Alert kind="ok">{notice}</Alert>}
      {canUpload && (
        <Reveal label={contact ? 'Upload a document (e.g. your SOC 2 report)' : 'Upload a document'}>
          {(close) => (
            <UploadForm
              party={props.party}
              contact={contact}
              close={close}
              done={(d) => {
                close();
                setNotice(`${d.filename} uploaded.`);
                props.changed();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="documents">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No documents yet.</Empty>
          ) : (
            <Table columns={['File', secondary('Type'), 'Size', 'Uploaded', secondary('By')]}>
              {[...d.items].reverse().map((doc) => (
                <tr key={doc.id}>
                  <td>
                    <a href={`/api/v1/documents/${doc.id}/content`} download={doc.filename}>
                      {doc.filename}
                    </a>
                    {doc.agreement_id && <div class="muted small">Agreement document</div>}
                    {doc.effective_at && (
                      <div class="muted small">
                        In effect from <DateText value={doc.effective_at} />
                      </div>
                    )}
                  </td>
                  <td class="hide-narrow">{doc.content_type}</td>
                  <td>{formatSize(doc.size)}</td>
                  <td>
                    <DateText value={doc.created_at} />
                  </td>
                  <td class="hide-narrow">
                    {doc.uploaded_by ? ROLE_NAMES[doc.uploaded_by.role as Role] || doc.uploaded_by.role : '—'}
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}

function UploadForm(props: { party: Party; contact: boolean; close: () => void; done: (d: PartyDocument) => void }) {
  const form = useForm({ file: '', purpose: props.contact ? 'soc2' : 'other', filename: '', effective_at: '' });
  const file = useRef<File | null>(null);
  return (
    <>
      <h3>Upload a document</h3>
      <Form
        form={form}
        label="Upload a document"
        submitLabel="Upload"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit(
              (v) => {
                checkFile(file.current, 'file');
                const f = file.current!;
                const name = (DOC_PREFIX[v.purpose] || '') + f.name;
                return uploadDocument(props.party.id, f, name, contentTypeOf(f), v.effective_at);
              },
              { content_type: 'file', 'Content-Type': 'file', body: 'file', filename: 'file' },
            )
            .then((d) => d && props.done(d))
        }
      >
        <FileField
          form={form}
          name="file"
          label="File"
          fileRef={file}
          required
          hint="PDF, PNG, JPEG, text, CSV, DOCX or XLSX; at most 25 MiB"
        />
        <SelectField
          form={form}
          name="purpose"
          label="What is it?"
          options={DOC_PURPOSES.map(([value, l]) => ({ value, label: l }))}
          hint="Shown at the start of the file's name so our team knows what it is"
        />
        <TextField
          form={form}
          name="effective_at"
          label="In effect from (optional)"
          type="date"
          hint="When a policy took effect or a report was signed; the upload time is kept as well"
        />
      </Form>
    </>
  );
}
