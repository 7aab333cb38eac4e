// Adding an agreement and updating one (status, dates, the BAA / SLA checklist).
import { patch, post } from '../../api';
import { CancelButton } from '../../components/reveal';
import { CheckboxField, Form, SelectField, TextField, humanize, useForm, type FormState } from '../../ui';
import {
  AGREEMENT_NEXT,
  AGREEMENT_TYPES,
  BAA_CLAUSES,
  clauseBody,
  clauseValues,
  SLA_SECTIONS,
} from './agreement-clauses';
import { bodyOf, label, type Party } from './common';
import type { Agreement } from './model';

// The BAA checklist / SLA sections as form fields named like the server's error fields
// ("baa.safeguards"), so a refusal shows beside each one.
function ClauseFields(props: { form: FormState; type: string }) {
  const { form, type } = props;
  if (type === 'baa') {
    return (
      <fieldset class="check-group">
        <legend>BAA clauses (HIPAA 164.314(a)(2)(i)) — all required before it is executed</legend>
        {BAA_CLAUSES.map(([k, text]) => (
          <CheckboxField form={form} name={`baa.${k}`} label={text} />
        ))}
        <TextField
          form={form}
          name="baa.responsibilities"
          label="Responsibilities"
          multiline
          rows={2}
          hint="Who secures what, and how breaches are reported"
        />
      </fieldset>
    );
  }
  if (type === 'sla') {
    return (
      <fieldset class="check-group">
        <legend>SLA sections — all required before it is executed</legend>
        {SLA_SECTIONS.map(([k, text]) => (
          <CheckboxField form={form} name={`sla.${k}`} label={text} />
        ))}
      </fieldset>
    );
  }
  return null;
}

export function AgreementForm(props: { party: Party; close: () => void; done: (a: Agreement) => void }) {
  const form = useForm({
    type: '',
    title: '',
    status: 'draft',
    effective_at: '',
    expires_at: '',
    renewal_notice_days: '',
    signed_by: '',
    baa: '',
    sla: '',
    ...clauseValues(null),
  });
  const type = form.values.type;
  return (
    <>
      <h3>Add an agreement</h3>
      <Form
        form={form}
        label="Add agreement"
        submitLabel="Add agreement"
        class="form form-wide"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body = bodyOf(v, { skip: ['baa', 'sla', 'renewal_notice_days'] });
              if (v.renewal_notice_days !== '') body.renewal_notice_days = Number(v.renewal_notice_days);
              Object.assign(body, clauseBody(v.type, v) || {});
              return post<Agreement>(`/api/v1/parties/${props.party.id}/agreements`, body);
            })
            .then((a) => a && props.done(a))
        }
      >
        <div class="form-grid">
          <SelectField
            form={form}
            name="type"
            label="Type"
            required
            placeholder="Choose a type"
            options={AGREEMENT_TYPES.map((t) => ({ value: t, label: label(t) }))}
          />
          <TextField form={form} name="title" label="Title" />
          <SelectField form={form} name="status" label="Status" options={['draft', 'sent', 'executed']} />
          <TextField form={form} name="effective_at" label="Effective from" type="date" />
          <TextField form={form} name="expires_at" label="Expires on" type="date" />
          <TextField
            form={form}
            name="renewal_notice_days"
            label="Renewal notice (days)"
            type="number"
            inputMode="numeric"
            min="0"
          />
          <TextField form={form} name="signed_by" label="Signed by (for the party)" />
        </div>
        {(form.errors.baa || form.errors.sla) && <p class="field-error">{form.errors.baa || form.errors.sla}</p>}
        <ClauseFields form={form} type={type} />
      </Form>
    </>
  );
}

export function AgreementEdit(props: { a: Agreement; close: () => void; done: (a: Agreement) => void }) {
  const { a } = props;
  const status = a.status || 'draft';
  const initial = {
    status: (AGREEMENT_NEXT[status] || []).includes('executed') ? 'executed' : status,
    effective_at: (a.effective_at || '').slice(0, 10),
    expires_at: (a.expires_at || '').slice(0, 10),
    signed_by: a.signed_by || '',
    baa: '',
    sla: '',
    ...clauseValues(a),
  };
  const form = useForm(initial);
  return (
    <>
      <h3>
        Update the {label(a.type)}
        {a.title ? `: ${a.title}` : ''}
      </h3>
      <Form
        form={form}
        label={`Update ${label(a.type)}`}
        submitLabel="Save"
        class="form form-wide"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body: Record<string, unknown> = {};
              if (v.status !== status) body.status = v.status;
              for (const k of ['effective_at', 'expires_at'] as const) {
                if (v[k] !== (a[k] || '').slice(0, 10)) body[k] = v[k] || null;
              }
              if (v.signed_by !== (a.signed_by || '')) body.signed_by = v.signed_by || null;
              const clauses = clauseBody(a.type, v, a);
              if (clauses) {
                const [key, value] =
                  'baa' in clauses ? (['baa', clauses.baa] as const) : (['sla', clauses.sla] as const);
                if (JSON.stringify(value) !== JSON.stringify(a[key] || {})) Object.assign(body, clauses);
              }
              return patch<Agreement>(`/api/v1/agreements/${a.id}`, body);
            })
            .then((n) => n && props.done(n))
        }
      >
        <div class="form-grid">
          <SelectField
            form={form}
            name="status"
            label="Status"
            options={[
              { value: status, label: `${humanize(status)} (now)` },
              ...(AGREEMENT_NEXT[status] || []).map((s) => ({ value: s, label: humanize(s) })),
            ]}
          />
          <TextField form={form} name="effective_at" label="Effective from" type="date" />
          <TextField form={form} name="expires_at" label="Expires on" type="date" />
          <TextField form={form} name="signed_by" label="Signed by (for the party)" />
        </div>
        {(form.errors.baa || form.errors.sla) && <p class="field-error">{form.errors.baa || form.errors.sla}</p>}
        <ClauseFields form={form} type={a.type} />
      </Form>
    </>
  );
}
