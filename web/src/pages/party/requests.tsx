// Requests for information: what our reviews asked this party and its answers. The contact
// answers each request here (with a file if need be); officers, staff and auditors see the
// same list read-only (the review page is where officers ask).
import { useRef, useState } from 'preact/hooks';
import { ApiError, get, post, type ApiResponse } from '../../api';
import { FileField } from '../../components/file-field';
import { CancelButton, Reveal } from '../../components/reveal';
import { Link } from '../../router';
import { ROLE_NAMES, type Role } from '../../session';
import {
  Alert,
  Badge,
  DateText,
  Empty,
  Form,
  Loading,
  Section,
  TextField,
  humanDates,
  humanize,
  useForm,
  useLoad,
} from '../../ui';
import { AwaitingBadge, documentNames, Thread } from '../request-thread';
import { plainRefusal } from '../review-common';
import type { Party } from './common';
import type { SectionProps } from './kit';
import { checkFile, contentTypeOf, uploadDocument } from './upload';

// Every review that asked this party something, with its questions and the answers.
type RequestsPage = ApiResponse<'/api/v1/parties/{party_id}/requests'>;
type PartyRequestItem = RequestsPage['items'][number];

export function Requests(props: SectionProps & { own: boolean; rev: number }) {
  const { own } = props;
  const [tick, setTick] = useState(0);
  const data = useLoad(
    async (signal) => {
      const page = await get<RequestsPage>(`/api/v1/parties/${props.party.id}/requests`, undefined, signal);
      const docNames = await documentNames(
        page.items.flatMap((r) => r.party_responses || []),
        signal,
      );
      return { items: page.items, docNames };
    },
    [props.party.id, props.rev, tick],
  );
  const [notice, setNotice] = useState('');
  const who = (a: { id: string; role: string }) =>
    a.role === 'third_party_contact'
      ? own
        ? 'your organisation'
        : 'the party’s contact'
      : ROLE_NAMES[a.role as Role] || humanize(a.role);
  return (
    <Section title="Requests for information" id="sec-requests">
      {own && (
        <p class="muted">
          When one of our reviews needs something from you — an answer, evidence, a report — it is asked here. Answer
          each request below; you may attach a file.
        </p>
      )}
      <div aria-live="polite">{notice && <Alert kind="ok">{notice}</Alert>}</div>
      <Loading state={data} label="requests">
        {({ items, docNames }) =>
          items.length === 0 ? (
            <Empty>
              {own ? 'Nothing is asked of you at the moment.' : 'No open review has asked this party anything.'}
            </Empty>
          ) : (
            <ul class={`request-list${own ? '' : ' qa-compact'}`}>
              {items.map((r) => (
                <li class="request-item" key={r.id}>
                  <h3>
                    {own ? (
                      humanDates(r.title)
                    ) : (
                      <Link href={`/reviews/${encodeURIComponent(r.id)}`}>{humanDates(r.title)}</Link>
                    )}
                  </h3>
                  <div class="request-facts">
                    <span>
                      Due <DateText value={r.due_at} />
                    </span>
                    {r.awaiting_party ? (
                      <AwaitingBadge awaiting label={own ? 'Awaiting your answer' : 'Awaiting the party’s answer'} />
                    ) : (
                      <Badge value="answered" tone="ok" label="Answered" />
                    )}
                  </div>
                  <Thread
                    requests={r.party_requests}
                    responses={r.party_responses}
                    who={who}
                    docNames={docNames}
                    askedLabel="Asked"
                    answeredLabel="Answered"
                  />
                  {own &&
                    (r.awaiting_party ? (
                      <RespondForm
                        party={props.party}
                        item={r}
                        done={(msg) => {
                          setNotice(msg);
                          setTick((t) => t + 1);
                          props.changed();
                        }}
                      />
                    ) : (
                      <Reveal label="Send more for this review">
                        {(close) => (
                          <RespondForm
                            party={props.party}
                            item={r}
                            close={close}
                            done={(msg) => {
                              close();
                              setNotice(msg);
                              setTick((t) => t + 1);
                              props.changed();
                            }}
                          />
                        )}
                      </Reveal>
                    ))}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </Section>
  );
}

function RespondForm(props: { party: Party; item: PartyRequestItem; close?: () => void; done: (msg: string) => void }) {
  const form = useForm({ message: '', file: '' });
  const file = useRef<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const r = props.item;
  return (
    <Form
      form={form}
      label={`Answer: ${r.title}`}
      submitLabel="Send the answer"
      secondary={props.close && <CancelButton onClick={props.close} />}
      onSubmit={() =>
        form
          .submit(
            async (v) => {
              checkFile(file.current, 'file', false);
              // Do not leave an orphan upload behind an answer the server would refuse anyway.
              if (file.current && !v.message.trim()) {
                throw new ApiError(422, 'validation_failed', 'message', [
                  { field: 'message', reason: 'must not be empty' },
                ]);
              }
              const documents: string[] = [];
              if (file.current) {
                const f = file.current;
                const d = await uploadDocument(props.party.id, f, f.name, contentTypeOf(f)).catch((e) => {
                  if (e instanceof ApiError && !e.details.length)
                    throw new ApiError(e.status, e.code, e.message, [{ field: 'file', reason: e.message }]);
                  throw e;
                });
                documents.push(d.id);
              }
              await post(`/api/v1/reviews/${encodeURIComponent(r.id)}/responses`, {
                message: v.message,
                documents,
              }).catch(plainRefusal);
              return documents.length ? 'with-file' : 'sent';
            },
            { documents: 'file', content_type: 'file', filename: 'file', body: 'file' },
          )
          .then((how) => {
            if (!how) return;
            form.reset();
            file.current = null;
            setFileKey((k) => k + 1);
            props.done(`Your answer to “${r.title}” was sent${how === 'with-file' ? ' with its file' : ''}.`);
          })
      }
    >
      <TextField form={form} name="message" label="Your answer" required multiline rows={4} />
      <FileField
        key={fileKey}
        form={form}
        name="file"
        id={`file-${r.id}`}
        label="Attach a file (optional)"
        fileRef={file}
        hint="PDF, PNG, JPEG, text, CSV, DOCX or XLSX; at most 25 MiB. It is kept with your organisation's documents."
      />
    </Form>
  );
}
