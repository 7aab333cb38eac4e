// Submitting a SOC 2 report (the party's contact, or an officer on its behalf) and reviewing
// a submitted one (officers): the reviewer records the auditor's exceptions and the
// complementary user-entity controls we must run, each with its owner and, where it serves
// one, the HIPAA specification it meets. Field names are the server's, so every error lands
// beside its field (exceptions[0].control, user_entity_controls[1].hipaa_citation).
import { useEffect, useRef, useState } from 'preact/hooks';
import { post } from '../../api';
import { FileField } from '../../components/file-field';
import { CancelButton } from '../../components/reveal';
import { isWorkforce, ROLE_NAMES, type Role } from '../../session';
import { CheckboxField, Form, Loading, SelectField, TextField, useForm, useLoad, type FormState } from '../../ui';
import { officers } from '../review-common';
import type { Party } from './common';
import { today } from './kit';
import type { Soc2Report } from './model';
import { checkFile, contentTypeOf, uploadDocument } from './upload';

const OPINIONS = [
  { value: 'unqualified', label: 'Unqualified (clean)' },
  { value: 'qualified', label: 'Qualified' },
  { value: 'adverse', label: 'Adverse' },
  { value: 'disclaimer', label: 'Disclaimer of opinion' },
];
const SEVERITIES = ['high', 'medium', 'low', 'critical'];

export function Soc2SubmitForm(props: { party: Party; close: () => void; done: (r: Soc2Report) => void }) {
  const form = useForm({
    file: '',
    type: 'type2',
    period_start: '',
    period_end: '',
    auditor: '',
    opinion: 'unqualified',
    issued_at: '',
    bridge_file: '',
    bridge_until: '',
  });
  const file = useRef<File | null>(null);
  const bridge = useRef<File | null>(null);
  // Each file goes up once: a submission the server refuses is corrected and sent again with
  // the documents already stored.
  const uploaded = useRef(new Map<File, string>());
  async function store(f: File, prefix: string) {
    const known = uploaded.current.get(f);
    if (known) return known;
    const d = await uploadDocument(props.party.id, f, prefix + f.name, contentTypeOf(f));
    uploaded.current.set(f, d.id);
    return d.id;
  }
  async function send(v: Record<string, string>) {
    checkFile(file.current, 'file');
    checkFile(bridge.current, 'bridge_file', false);
    const body: Record<string, unknown> = { type: v.type, auditor: v.auditor, opinion: v.opinion };
    for (const k of ['period_start', 'period_end', 'issued_at']) if (v[k]) body[k] = v[k];
    body.document_id = await store(file.current!, 'SOC 2 report - ');
    if (v.bridge_until || bridge.current) {
      const letter: Record<string, unknown> = { covered_until: v.bridge_until };
      if (bridge.current) letter.document_id = await store(bridge.current, 'SOC 2 bridge letter - ');
      body.bridge_letter = letter;
    }
    return post<Soc2Report>(`/api/v1/parties/${props.party.id}/soc2-reports`, body);
  }
  return (
    <>
      <h3>Submit a SOC 2 report</h3>
      <Form
        form={form}
        label="SOC 2 report"
        submitLabel="Submit the report"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit(send, {
              document_id: 'file',
              'bridge_letter.covered_until': 'bridge_until',
              'bridge_letter.document_id': 'bridge_file',
              bridge_letter: 'bridge_until',
              filename: 'file',
            })
            .then((r) => r && props.done(r))
        }
      >
        <FileField
          form={form}
          name="file"
          label="The report"
          fileRef={file}
          required
          id="soc2-file"
          hint="PDF preferred; at most 25 MiB"
        />
        <div class="form-grid">
          <SelectField
            form={form}
            name="type"
            label="Type"
            required
            options={[
              { value: 'type2', label: 'Type II (controls tested over a period)' },
              { value: 'type1', label: 'Type I (controls at one date)' },
            ]}
          />
          <TextField form={form} name="auditor" label="Audit firm" required />
          <TextField
            form={form}
            name="period_start"
            label="Period from"
            type="date"
            hint="Required for a Type II report"
          />
          <TextField form={form} name="period_end" label="Period to" type="date" required max={today()} />
          <SelectField form={form} name="opinion" label="The auditor's opinion" required options={OPINIONS} />
          <TextField form={form} name="issued_at" label="Report date" type="date" />
        </div>
        <fieldset class="subform">
          <legend>Bridge letter (if the period ended more than a few months ago)</legend>
          <div class="form-grid">
            <FileField form={form} name="bridge_file" label="The letter" fileRef={bridge} id="soc2-bridge-file" />
            <TextField form={form} name="bridge_until" label="Covers until" type="date" />
          </div>
        </fieldset>
      </Form>
    </>
  );
}

type Row = number;

export function Soc2ReviewForm(props: { report: Soc2Report; close: () => void; done: (r: Soc2Report) => void }) {
  const form = useForm({ summary: '' });
  const [exceptions, setExceptions] = useState<Row[]>([]);
  const [controls, setControls] = useState<Row[]>([]);
  const [seq, setSeq] = useState(0);
  const people = useLoad((signal) => officers(signal), []);
  // Opened from a button in the table: the keyboard lands on the form's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // A new row's fields start empty in the form's values, so the server's errors about them
  // (exceptions[0].control) land beside them.
  const add = (rows: Row[], set: (r: Row[]) => void, prefix: string, keys: string[]) => {
    const fresh: Record<string, string> = {};
    for (const k of keys) fresh[`${prefix}[${rows.length}].${k}`] = k === 'in_place' ? 'false' : '';
    form.setValues({ ...form.values, ...fresh });
    set([...rows, seq]);
    setSeq(seq + 1);
  };
  function send(v: Record<string, string>) {
    const at = (prefix: string, i: number, k: string) => v[`${prefix}[${i}].${k}`] || '';
    const body: Record<string, unknown> = { action: 'review' };
    if (v.summary) body.summary = v.summary;
    body.exceptions = exceptions.map((_, i) => {
      const x: Record<string, unknown> = { control: at('exceptions', i, 'control') };
      if (at('exceptions', i, 'description')) x.description = at('exceptions', i, 'description');
      if (at('exceptions', i, 'severity')) x.severity = at('exceptions', i, 'severity');
      return x;
    });
    body.user_entity_controls = controls.map((_, i) => {
      const c: Record<string, unknown> = {
        control: at('user_entity_controls', i, 'control'),
        owner_id: at('user_entity_controls', i, 'owner_id'),
        in_place: at('user_entity_controls', i, 'in_place') === 'true',
      };
      if (at('user_entity_controls', i, 'hipaa_citation'))
        c.hipaa_citation = at('user_entity_controls', i, 'hipaa_citation');
      return c;
    });
    return post<Soc2Report>(`/api/v1/soc2-reports/${encodeURIComponent(props.report.id)}/actions`, body);
  }
  return (
    <div class="soc2-review">
      <h3 tabIndex={-1} ref={heading}>
        Review the SOC 2 report from {props.report.auditor}
      </h3>
      <p class="muted">
        Each exception and an opinion that is not clean opens a finding with a due date by its severity.
      </p>
      <Loading state={people} label="the people who can own a control">
        {(users) => {
          const owners = users
            .filter((u) => u.status === 'active' && isWorkforce(u.role as Role))
            .map((u) => ({ value: u.id, label: `${u.name || u.email} (${ROLE_NAMES[u.role as Role] || u.role})` }));
          return (
            <Form
              form={form}
              label="SOC 2 review"
              submitLabel="Record the review"
              secondary={<CancelButton onClick={props.close} />}
              onSubmit={() => form.submit(send).then((r) => r && props.done(r))}
            >
              <fieldset class="subform">
                <legend>Exceptions the auditor noted</legend>
                {exceptions.length === 0 && <p class="muted small">None recorded.</p>}
                {exceptions.map((key, i) => (
                  <div class="form-grid soc2-row" key={key}>
                    <TextField
                      form={form}
                      name={`exceptions[${i}].control`}
                      label={`Exception ${i + 1}: control`}
                      required
                    />
                    <SelectField
                      form={form}
                      name={`exceptions[${i}].severity`}
                      label="Severity"
                      options={SEVERITIES}
                      placeholder="Medium (default)"
                    />
                    <TextField
                      form={form}
                      name={`exceptions[${i}].description`}
                      label="What the auditor found"
                      multiline
                      rows={2}
                    />
                  </div>
                ))}
                <button
                  type="button"
                  class="btn btn-small"
                  onClick={() => add(exceptions, setExceptions, 'exceptions', ['control', 'severity', 'description'])}
                >
                  Add an exception
                </button>
              </fieldset>
              <fieldset class="subform">
                <legend>Complementary user-entity controls (what we must do for the report to hold)</legend>
                {controls.length === 0 && <p class="muted small">None recorded.</p>}
                {controls.map((key, i) => (
                  <ControlRow form={form} i={i} key={key} owners={owners} />
                ))}
                <button
                  type="button"
                  class="btn btn-small"
                  onClick={() =>
                    add(controls, setControls, 'user_entity_controls', [
                      'control',
                      'owner_id',
                      'hipaa_citation',
                      'in_place',
                    ])
                  }
                >
                  Add a control
                </button>
              </fieldset>
              <TextField form={form} name="summary" label="Summary" multiline rows={3} />
            </Form>
          );
        }}
      </Loading>
    </div>
  );
}

function ControlRow(props: { form: FormState; i: number; owners: { value: string; label: string }[] }) {
  const n = `user_entity_controls[${props.i}]`;
  return (
    <div class="form-grid soc2-row">
      <TextField form={props.form} name={`${n}.control`} label={`Control ${props.i + 1}`} required />
      <SelectField
        form={props.form}
        name={`${n}.owner_id`}
        label="Owner here"
        required
        options={props.owners}
        placeholder="Choose a person"
      />
      <TextField
        form={props.form}
        name={`${n}.hipaa_citation`}
        label="HIPAA specification (optional)"
        hint="e.g. 164.308(a)(1)(ii)(A)"
      />
      <CheckboxField form={props.form} name={`${n}.in_place`} label="In place today" />
    </div>
  );
}
