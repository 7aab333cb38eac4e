// Changes the party announces before it makes them (a new subprocessor, a new data
// location, …); a substantial one opens a risk assessment. What became of a change
// (implemented, withdrawn) is recorded where the notice's allowed_actions offer it.
import { useState } from 'preact/hooks';
import { describe, post } from '../../api';
import { CancelButton, Reveal } from '../../components/reveal';
import { secondary, Table } from '../../components/table';
import { Link } from '../../router';
import { isOfficer } from '../../session';
import { Alert, Badge, CheckboxField, DateText, Empty, Form, Loading, Section, TextField, useForm } from '../../ui';
import { allows } from '../workflow-model';
import { bodyOf, type Party } from './common';
import { tomorrow, useList, type SectionProps } from './kit';
import type { ChangeNotice } from './model';

export function ChangeNotices(props: SectionProps) {
  const list = useList<ChangeNotice>('/api/v1/change-notices', { party_id: props.party.id }, [props.party.id]);
  const officer = isOfficer(props.role);
  const contact = props.role === 'third_party_contact';
  const [notice, setNotice] = useState('');
  return (
    <Section title="Change notices" id="sec-changes">
      {contact && (
        <p class="muted">
          Tell us before you change your services (new subprocessor, new data location, new gateway…): we review the
          change before it happens.
        </p>
      )}
      {notice && <Alert kind="ok">{notice}</Alert>}
      {(officer || contact) && (
        <Reveal label={contact ? 'Announce a change' : 'Record a change notice'}>
          {(close) => (
            <ChangeNoticeForm
              party={props.party}
              officer={officer}
              close={close}
              done={(c) => {
                close();
                setNotice(
                  `Change notice “${c.title}” submitted${c.substantial ? ': it is substantial, so a risk assessment was opened too' : ''}.`,
                );
                list.reload();
                props.changed();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="change notices">
        {(d) => {
          const items = d.items.filter((c) => c.party_id === props.party.id);
          return items.length === 0 ? (
            <Empty>No change notices.</Empty>
          ) : (
            <Table columns={['Change', 'Status', 'Planned', !contact && secondary('Assessment')]}>
              {[...items].reverse().map((c) => (
                <tr key={c.id}>
                  <td>
                    <strong>{c.title}</strong>
                    {c.description && <div class="small">{c.description}</div>}
                  </td>
                  <td>
                    <Badge value={c.status} tone={c.status === 'under_review' ? 'warn' : undefined} />
                    <ChangeNoticeActions
                      notice={c}
                      done={(msg) => {
                        setNotice(msg);
                        list.reload();
                        props.changed();
                      }}
                    />
                  </td>
                  <td>
                    <DateText value={c.planned_at} />
                  </td>
                  {!contact && (
                    <td class="hide-narrow">
                      {c.substantial ? (
                        <Badge value="substantial" tone="warn" label="Substantial" />
                      ) : (
                        <Badge value="routine" tone="muted" label="Routine" />
                      )}
                      {(c.substantial_reasons || []).length > 0 && (
                        <ul class="clauses">
                          {(c.substantial_reasons as string[]).map((r) => (
                            <li>{r}</li>
                          ))}
                        </ul>
                      )}
                      {c.change_review_id && (
                        <div class="small">
                          <Link href={`/reviews/${encodeURIComponent(c.change_review_id)}`}>Change review</Link>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </Table>
          );
        }}
      </Loading>
    </Section>
  );
}

// What the server lets the caller record about the change: it happened, or it was withdrawn.
// Both are final, so each asks once more before it is recorded.
function ChangeNoticeActions(props: { notice: ChangeNotice; done: (msg: string) => void }) {
  const c = props.notice;
  const [asking, setAsking] = useState<'' | 'implemented' | 'withdrawn'>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const offered = (['implemented', 'withdrawn'] as const).filter((a) => allows(c, a));
  if (!offered.length) return null;
  async function run(action: 'implemented' | 'withdrawn') {
    setBusy(true);
    setError('');
    try {
      const r = await post<ChangeNotice>(`/api/v1/change-notices/${encodeURIComponent(c.id)}/actions`, { action });
      setAsking('');
      props.done(
        action === 'withdrawn'
          ? `Change notice “${c.title}” withdrawn.`
          : `Change notice “${c.title}” marked implemented${r.finding_id ? ' before its change review was approved, so a finding was opened' : ''}.`,
      );
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="change-actions">
      {error && <Alert kind="error">{error}</Alert>}
      {asking ? (
        <div class="form-actions">
          <button type="button" class="btn btn-small btn-primary" disabled={busy} onClick={() => run(asking)}>
            {asking === 'implemented' ? 'Yes, it is implemented' : 'Yes, withdraw it'}
          </button>
          <button type="button" class="btn btn-small" disabled={busy} onClick={() => setAsking('')}>
            Cancel
          </button>
        </div>
      ) : (
        <div class="form-actions">
          {offered.map((a) => (
            <button type="button" class="btn btn-small" onClick={() => setAsking(a)}>
              {a === 'implemented' ? 'Mark implemented…' : 'Withdraw…'}
              <span class="sr-only"> {c.title}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function ChangeNoticeForm(props: {
  party: Party;
  officer: boolean;
  close: () => void;
  done: (c: ChangeNotice) => void;
}) {
  const form = useForm({
    title: '',
    description: '',
    planned_at: '',
    new_data_location: '',
    new_subprocessor: 'false',
    substantial: 'false',
    party_id: '',
  });
  return (
    <>
      <h3>Announce a change</h3>
      <Form
        form={form}
        label="Change notice"
        submitLabel="Submit the change notice"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body = bodyOf(v, { bools: ['new_subprocessor'], skip: ['substantial', 'party_id'] });
              body.party_id = props.party.id;
              if (props.officer && v.substantial === 'true') body.substantial = true;
              return post<ChangeNotice>('/api/v1/change-notices', body);
            })
            .then((c) => c && props.done(c))
        }
      >
        <TextField form={form} name="title" label="What changes" required />
        <TextField
          form={form}
          name="description"
          label="Description"
          required
          multiline
          rows={3}
          hint="What changes, why, and how it affects the service you provide"
        />
        <div class="form-grid">
          <TextField
            form={form}
            name="planned_at"
            label="Planned date"
            type="date"
            required
            min={tomorrow()}
            hint="Must be in the future"
          />
          <TextField
            form={form}
            name="new_data_location"
            label="New data location (if any)"
            hint="e.g. EU (Frankfurt)"
          />
        </div>
        <CheckboxField form={form} name="new_subprocessor" label="The change adds a new subprocessor" />
        {props.officer && (
          <CheckboxField form={form} name="substantial" label="Substantial change (opens a risk assessment)" />
        )}
      </Form>
    </>
  );
}
