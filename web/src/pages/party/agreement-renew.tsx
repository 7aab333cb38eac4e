// Renewing an agreement (where its allowed_actions offer "renew"): a new agreement with the same
// terms and new dates; the old one is kept as it was (POST /api/v1/agreements/{id}/renew).
import { post } from '../../api';
import { CancelButton } from '../../components/reveal';
import { Form, SelectField, TextField, useForm } from '../../ui';
import { bodyOf, label } from './common';
import type { Agreement } from './model';
import { renewalDates } from './renewal';

export function AgreementRenew(props: { a: Agreement; close: () => void; done: (a: Agreement) => void }) {
  const { a } = props;
  const form = useForm({ ...renewalDates(a), status: 'draft', signed_by: '' });
  const what = label(a.type);
  return (
    <>
      <h3>
        Renew the {what}
        {a.title && a.title !== what ? `: ${a.title}` : ''}
      </h3>
      <p class="muted">
        The renewal keeps the terms of this {what} with the dates below; once signed it is in force from its start date.
        This one stays on record as it is.
      </p>
      <Form
        form={form}
        label={`Renew ${what}`}
        submitLabel={`Renew the ${what}`}
        class="form form-wide"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => post<Agreement>(`/api/v1/agreements/${a.id}/renew`, bodyOf(v)))
            .then((n) => n && props.done(n))
        }
      >
        <div class="form-grid">
          <TextField form={form} name="effective_at" label="In force from" type="date" required />
          <TextField form={form} name="expires_at" label="Expires on" type="date" />
          <SelectField
            form={form}
            name="status"
            label="Where it stands"
            options={[
              { value: 'draft', label: 'Draft' },
              { value: 'sent', label: 'Sent for signature' },
              { value: 'executed', label: 'Signed' },
            ]}
          />
          <TextField form={form} name="signed_by" label="Signed by (for the party)" />
        </div>
      </Form>
    </>
  );
}
