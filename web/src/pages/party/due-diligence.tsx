// Due diligence done on the party: when, the result, when it is due again (officers record it).
import { useState } from 'preact/hooks';
import { post } from '../../api';
import { CancelButton, Reveal } from '../../components/reveal';
import { Missing, secondary, Table } from '../../components/table';
import { isOfficer, useSession } from '../../session';
import {
  Alert,
  Badge,
  DateText,
  Empty,
  Form,
  Loading,
  Section,
  SelectField,
  TextField,
  humanize,
  useForm,
} from '../../ui';
import { bodyOf, type Party } from './common';
import { today, useList, type SectionProps } from './kit';
import type { DueDiligence as DueDiligenceRecord } from './model';

export function DueDiligence(props: SectionProps) {
  const list = useList<DueDiligenceRecord>(`/api/v1/parties/${props.party.id}/due-diligence`, undefined, [
    props.party.id,
  ]);
  const officer = isOfficer(props.role);
  const { user } = useSession().info;
  const [notice, setNotice] = useState('');
  return (
    <Section title="Due diligence" id="sec-due-diligence">
      {notice && <Alert kind="ok">{notice}</Alert>}
      {officer && (
        <Reveal label="Add due diligence">
          {(close) => (
            <DueDiligenceForm
              party={props.party}
              reviewer={user.name || user.email}
              close={close}
              done={() => {
                close();
                setNotice('Due diligence recorded.');
                list.reload();
                props.changed();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="due diligence">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No due diligence recorded.</Empty>
          ) : (
            <Table
              columns={['Date', 'Result', secondary('Scope'), secondary('Reviewer'), 'Next due', secondary('Summary')]}
            >
              {[...d.items]
                .sort((x, y) => String(y.date).localeCompare(String(x.date)))
                .map((r) => (
                  <tr key={r.id}>
                    <td>
                      <DateText value={r.date} />
                    </td>
                    <td>
                      <Badge
                        value={r.result}
                        tone={r.result === 'passed' ? 'ok' : r.result === 'failed' ? 'bad' : 'warn'}
                      />
                    </td>
                    <td class="hide-narrow">{humanize(r.scope) || <Missing />}</td>
                    <td class="hide-narrow">{r.reviewer}</td>
                    <td>
                      <DateText value={r.next_due_at} />
                    </td>
                    <td class="hide-narrow">{r.summary || <Missing />}</td>
                  </tr>
                ))}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}

function DueDiligenceForm(props: { party: Party; reviewer: string; close: () => void; done: () => void }) {
  const form = useForm({
    date: today(),
    reviewer: props.reviewer,
    result: '',
    scope: 'security',
    summary: '',
    next_due_at: '',
  });
  return (
    <>
      <h3>Record due diligence</h3>
      <Form
        form={form}
        label="Add due diligence"
        submitLabel="Record due diligence"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => post(`/api/v1/parties/${props.party.id}/due-diligence`, bodyOf(v)))
            .then((r) => r && props.done())
        }
      >
        <div class="form-grid">
          <TextField form={form} name="date" label="Date" type="date" required />
          <TextField form={form} name="reviewer" label="Reviewer" required />
          <SelectField
            form={form}
            name="result"
            label="Result"
            required
            placeholder="Choose a result"
            options={['passed', 'conditional', 'failed']}
          />
          <SelectField
            form={form}
            name="scope"
            label="Scope"
            options={['security', 'privacy', 'financial', 'compliance', 'other']}
          />
          <TextField form={form} name="next_due_at" label="Next due" type="date" hint="When it should be done again" />
        </div>
        <TextField form={form} name="summary" label="Summary" multiline rows={3} />
      </Form>
    </>
  );
}
