// A file chosen in a form: its name in the form's values (so errors show beside it), the
// File itself in a ref.
import type { FormState } from '../ui';

export function FileField(props: {
  form: FormState;
  name: string;
  label: string;
  fileRef: { current: File | null };
  hint?: string;
  required?: boolean;
  id?: string;
}) {
  const id = props.id || `file-${props.name}`;
  const err = props.form.errors[props.name];
  const describedBy = [props.hint ? id + '-hint' : '', err ? id + '-error' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field file-field${err ? ' field-invalid' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx"
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0] || null;
          props.fileRef.current = f;
          props.form.set(props.name, f ? f.name : '');
        }}
      />
      {props.hint && (
        <p class="hint" id={id + '-hint'}>
          {props.hint}
        </p>
      )}
      {err && (
        <p class="field-error" id={id + '-error'}>
          {err}
        </p>
      )}
    </div>
  );
}
