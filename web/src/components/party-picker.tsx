// One searchable party picker, used wherever a screen asks for a party: a search box that
// narrows a labelled list (so the keyboard and screen readers get a plain <select>), with the
// count it narrowed to. PartyField binds it to a form (its errors beside it); the bare
// PartyPicker suits a filter.
import { useEffect, useState } from 'preact/hooks';
import type { FormState } from '../ui';
import { humanize } from '../ui';

export interface PickableParty {
  id: string;
  name: string;
  kind?: string;
  status?: string | null;
}

export function partyOptionLabel(p: PickableParty, detailed: boolean): string {
  if (!detailed || !p.kind) return p.name;
  return `${p.name} (${humanize(p.kind)}${p.status && p.status !== 'active' ? ', ' + p.status : ''})`;
}

export function PartyPicker(props: {
  id: string;
  label: string;
  parties: PickableParty[];
  value: string;
  onChange: (id: string) => void;
  // The first option: "Choose a party…" in a form, "All parties" in a filter.
  empty: string;
  required?: boolean;
  detailed?: boolean;
  error?: string;
  hint?: string;
}) {
  const [query, setQuery] = useState('');
  // A form reset (the value cleared from outside) clears the search too.
  useEffect(() => {
    if (!props.value) setQuery('');
  }, [props.value]);
  const q = query.trim().toLowerCase();
  const shown = props.parties.filter((p) => !q || p.id === props.value || p.name.toLowerCase().includes(q));
  const described = [`${props.id}-count`, props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field party-picker${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        type="search"
        class="party-picker-search"
        aria-label={`${props.label}: find a party`}
        aria-controls={props.id}
        placeholder="Type to narrow the list"
        value={query}
        onInput={(e) => {
          const text = (e.target as HTMLInputElement).value;
          setQuery(text);
          // One match left: choose it, as a person would.
          const t = text.trim().toLowerCase();
          const hits = props.parties.filter((p) => t && p.name.toLowerCase().includes(t));
          if (hits.length === 1 && hits[0].id !== props.value) props.onChange(hits[0].id);
        }}
      />
      <select
        id={props.id}
        value={props.value}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="">{props.empty}</option>
        {shown.map((p) => (
          <option value={p.id}>{partyOptionLabel(p, !!props.detailed)}</option>
        ))}
      </select>
      <p class="hint" id={`${props.id}-count`}>
        {q
          ? `${shown.length} of ${props.parties.length} parties match “${query.trim()}”.`
          : `${props.parties.length} parties.`}
      </p>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

// The picker as a form field: its value and error live in the form under `name`.
export function PartyField(props: {
  form: FormState;
  name: string;
  label: string;
  parties: PickableParty[];
  required?: boolean;
  detailed?: boolean;
  hint?: string;
}) {
  return (
    <PartyPicker
      id={`f-${props.name}`}
      label={props.label}
      parties={props.parties}
      value={props.form.values[props.name] ?? ''}
      onChange={(v) => props.form.set(props.name, v)}
      empty="Choose a party…"
      required={props.required}
      detailed={props.detailed}
      error={props.form.errors[props.name]}
      hint={props.hint}
    />
  );
}
