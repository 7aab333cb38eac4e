// Shared pieces of every screen: pages, forms with the server's field errors beside each
// field, data loading, tables, badges and dates.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describe } from './api';
import { formatDate, humanDates, humanize } from './format';

// The pure helpers live in format.ts (unit-tested without a DOM); screens import them here.
export { daysUntil, formatDate, humanDates, humanize } from './format';

// ---- pages ----

// A screen: sets the document title and moves focus to the heading on arrival, so keyboard
// and screen-reader users land on the new content after each navigation.
export function Page(props: {
  title: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
  subtitle?: ComponentChildren;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  // A server-composed title ("… (due 2026-12-06)") reads like every other date.
  const title = humanDates(props.title);
  useEffect(() => {
    document.title = `${title} · Accord`;
    h1.current?.focus();
  }, [title]);
  return (
    <>
      <div class="page-head">
        <div>
          <h1 tabIndex={-1} ref={h1}>
            {title}
          </h1>
          {props.subtitle && <p class="subtitle">{props.subtitle}</p>}
        </div>
        {props.actions && <div class="page-actions">{props.actions}</div>}
      </div>
      {props.children}
    </>
  );
}

export function Section(props: {
  title: string;
  id?: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const id = props.id || 'sec-' + props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <section class="card" aria-labelledby={id}>
      <div class="card-head">
        <h2 id={id}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

// ---- loading ----

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

// Runs `load` when `deps` change; aborts the previous run. It starts right after the DOM
// commit (a layout effect), not after the next paint: a plain effect waits for a frame.
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useLayoutEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, loading: false }),
      (error) => !ctl.signal.aborted && (error as Error)?.name !== 'AbortError' && setState({ error, loading: false }),
    );
    return () => ctl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

// Shows loading / error / the content.
export function Loading<T>(props: { state: Loaded<T>; children: (data: T) => ComponentChildren; label?: string }) {
  const { state } = props;
  if (state.error) return <Alert kind="error">{describe(state.error)}</Alert>;
  if (state.data === undefined) {
    return (
      <p class="muted" role="status">
        Loading {props.label || ''}…
      </p>
    );
  }
  // While a newer answer loads (a filter changed, a reload after an action), the last one stays
  // on screen so nothing jumps, but dimmed and marked busy, so nobody takes it for the new one.
  // The wrapper has no box of its own (display: contents): layouts see the children as before.
  return (
    <div class="loaded" aria-busy={state.loading ? 'true' : 'false'}>
      {props.children(state.data)}
    </div>
  );
}

export function Alert(props: { kind: 'error' | 'ok' | 'info' | 'warn'; children: ComponentChildren; id?: string }) {
  return (
    <div id={props.id} class={`alert alert-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

// ---- forms ----

export type Values = Record<string, string>;

export interface FormState {
  values: Values;
  errors: Record<string, string>;
  formError: string;
  busy: boolean;
  set: (name: string, value: string) => void;
  setValues: (v: Values) => void;
  // Runs `action`; on an ApiError shows each detail beside its field (`fieldMap` renames
  // server fields to form fields) and the rest above the form. Returns the result or undefined.
  submit: <T>(action: (v: Values) => Promise<T>, fieldMap?: Record<string, string>) => Promise<T | undefined>;
  reset: (v?: Values) => void;
}

export function useForm(initial: Values = {}): FormState {
  const [values, setValuesState] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const ref = useRef(values);
  ref.current = values;
  const set = useCallback((name: string, value: string) => {
    setValuesState((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!(name in e)) return e;
      const { [name]: _, ...rest } = e;
      return rest;
    });
  }, []);
  const submit = async <T,>(action: (v: Values) => Promise<T>, fieldMap: Record<string, string> = {}) => {
    setBusy(true);
    setFormError('');
    setErrors({});
    try {
      return await action(ref.current);
    } catch (e) {
      if (e instanceof ApiError) {
        const fieldErrors: Record<string, string> = {};
        const other: string[] = [];
        for (const d of e.details) {
          const f = fieldMap[d.field] ?? d.field;
          if (f && f in ref.current) {
            if (!(f in fieldErrors)) fieldErrors[f] = d.reason;
          } else {
            other.push(d.field ? `${d.field}: ${d.reason}` : d.reason);
          }
        }
        setErrors(fieldErrors);
        const n = Object.keys(fieldErrors).length;
        setFormError(
          other.length
            ? other.join('; ')
            : n
              ? `Please correct the ${n === 1 ? 'field' : n + ' fields'} marked below.`
              : e.message,
        );
        // Focus the first field in error so keyboard users land on it.
        setTimeout(() => {
          const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
          first?.focus();
        }, 0);
      } else {
        setFormError(describe(e));
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const reset = (v: Values = initial) => {
    setValuesState(v);
    setErrors({});
    setFormError('');
  };
  return { values, errors, formError, busy, set, setValues: setValuesState, submit, reset };
}

let fieldSeq = 0;
function useId(prefix: string) {
  const r = useRef('');
  if (!r.current) r.current = `${prefix}-${++fieldSeq}`;
  return r.current;
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: ComponentChildren;
  required?: boolean;
}

function FieldShell(props: FieldProps & { id: string; children: ComponentChildren }) {
  const err = props.form.errors[props.name];
  return (
    <div class={`field${err ? ' field-invalid' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.children}
      {props.hint && (
        <p class="hint" id={props.id + '-hint'}>
          {props.hint}
        </p>
      )}
      {err && (
        <p class="field-error" id={props.id + '-error'}>
          {err}
        </p>
      )}
    </div>
  );
}

function describedBy(props: FieldProps, id: string) {
  const ids = [];
  if (props.hint) ids.push(id + '-hint');
  if (props.form.errors[props.name]) ids.push(id + '-error');
  return ids.join(' ') || undefined;
}

export function TextField(
  props: FieldProps & {
    type?: string;
    autocomplete?: string;
    inputMode?: string;
    placeholder?: string;
    multiline?: boolean;
    rows?: number;
    min?: string;
    max?: string;
  },
) {
  const id = useId('f-' + props.name);
  const common = {
    id,
    name: props.name,
    value: props.form.values[props.name] ?? '',
    required: props.required,
    'aria-invalid': props.form.errors[props.name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props, id),
    onInput: (e: Event) => props.form.set(props.name, (e.target as HTMLInputElement).value),
  };
  return (
    <FieldShell {...props} id={id}>
      {props.multiline ? (
        <textarea {...common} rows={props.rows || 3} />
      ) : (
        <input
          {...common}
          type={props.type || 'text'}
          autoComplete={props.autocomplete}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          min={props.min}
          max={props.max}
        />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { options: (Option | string)[]; placeholder?: string }) {
  const id = useId('f-' + props.name);
  return (
    <FieldShell {...props} id={id}>
      <select
        id={id}
        name={props.name}
        value={props.form.values[props.name] ?? ''}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props, id)}
        onChange={(e) => props.form.set(props.name, (e.target as HTMLSelectElement).value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: humanize(o) } : o;
          return <option value={opt.value}>{opt.label}</option>;
        })}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: FieldProps) {
  const id = useId('f-' + props.name);
  return (
    <div class={`field field-check${props.form.errors[props.name] ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.form.values[props.name] === 'true'}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props, id)}
        onChange={(e) => props.form.set(props.name, (e.target as HTMLInputElement).checked ? 'true' : 'false')}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={id + '-hint'}>
          {props.hint}
        </p>
      )}
      {props.form.errors[props.name] && (
        <p class="field-error" id={id + '-error'}>
          {props.form.errors[props.name]}
        </p>
      )}
    </div>
  );
}

// A <form> that shows the form-level error and disables its submit button while busy.
export function Form(props: {
  form: FormState;
  onSubmit: () => void;
  submitLabel: string;
  children: ComponentChildren;
  secondary?: ComponentChildren;
  label?: string;
  class?: string;
}) {
  return (
    <form
      class={props.class || 'form'}
      aria-label={props.label}
      noValidate
      onSubmit={(e: JSX.TargetedEvent<HTMLFormElement>) => {
        e.preventDefault();
        if (!props.form.busy) props.onSubmit();
      }}
    >
      {props.form.formError && <Alert kind="error">{props.form.formError}</Alert>}
      {props.children}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={props.form.busy}>
          {props.form.busy ? 'Working…' : props.submitLabel}
        </button>
        {props.secondary}
      </div>
    </form>
  );
}

// ---- display ----

export function DateText(props: { value?: string | null; time?: boolean }) {
  if (!props.value) return <span class="muted">—</span>;
  return (
    <time dateTime={props.value} title={formatDate(props.value, true)}>
      {formatDate(props.value, props.time)}
    </time>
  );
}

const TONES: Record<string, string> = {
  active: 'ok',
  approved: 'ok',
  executed: 'ok',
  completed: 'ok',
  verified: 'ok',
  implemented: 'ok',
  closed: 'ok',
  allow: 'ok',
  pending: 'warn',
  open: 'warn',
  in_progress: 'warn',
  documented: 'warn',
  assigned: 'warn',
  prospect: 'info',
  draft: 'info',
  onboarding: 'info',
  received: 'info',
  nda_sent: 'info',
  due: 'warn',
  medium: 'warn',
  denied: 'bad',
  deny: 'bad',
  rejected: 'bad',
  revoked: 'bad',
  overdue: 'bad',
  expired: 'bad',
  terminated: 'bad',
  critical: 'bad',
  high: 'bad',
  failed: 'bad',
  offboarded: 'muted',
  deleted: 'muted',
  withdrawn: 'muted',
  cancelled: 'muted',
  low: 'info',
};

export function Badge(props: { value: string | undefined | null; tone?: string; label?: string }) {
  if (!props.value) return null;
  const tone = props.tone || TONES[props.value] || 'muted';
  return <span class={`badge badge-${tone}`}>{props.label || humanize(props.value)}</span>;
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="empty">{props.children}</p>;
}

// A small key/value list.
export function Facts(props: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {props.items.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v === undefined || v === null || v === '' ? <span class="muted">—</span> : v}</dd>
        </div>
      ))}
    </dl>
  );
}
