// Shared by the parties list and the party page: the party's shape, labels and small helpers.
import type { ComponentChildren } from 'preact';
import { Badge, daysUntil, humanize, type FormState } from '../../ui';

export type { Party } from './model';
// The pure part lives in fields.ts (unit-tested); the screens import it from here.
export {
  ACCESS_LEVELS,
  bodyOf,
  categoryList,
  CRITICALITIES,
  DATA_CATEGORIES,
  label,
  PARTY_KINDS,
  PARTY_STATUSES,
} from './fields';

// "Risk tier: High" as a badge whose text names the tier (colour is never the only signal).
export function RiskBadge(props: { tier?: string | null }) {
  if (!props.tier) return <span class="muted">—</span>;
  return <Badge value={props.tier} label={`${humanize(props.tier)} risk`} />;
}

// "expires in 12 days" / "expired 3 days ago" next to an expiry date.
export function ExpiryNote(props: { at?: string | null; status?: string | null }) {
  const d = daysUntil(props.at);
  if (d === null) return null;
  if (d < 0 || props.status === 'expired') {
    return <Badge value="expired" label={d < 0 ? `expired ${-d} day${-d === 1 ? '' : 's'} ago` : 'expired'} />;
  }
  if (d === 0) return <Badge value="due" label="expires today" />;
  return (
    <Badge
      value={d <= 60 ? 'due' : 'low'}
      tone={d <= 60 ? 'warn' : 'muted'}
      label={`expires in ${d} day${d === 1 ? '' : 's'}`}
    />
  );
}

// A group of checkboxes for an enum list kept in one form value ("ephi,pii"), with the server's
// error for the whole list beside it.
export function CheckGroup(props: {
  form: FormState;
  name: string;
  legend: string;
  options: [string, string][];
  hint?: ComponentChildren;
}) {
  const { form, name } = props;
  const selected = (form.values[name] || '').split(',').filter(Boolean);
  const err = form.errors[name];
  const base = `cg-${name}`;
  return (
    <fieldset
      class={`field check-group${err ? ' field-invalid' : ''}`}
      aria-describedby={err ? base + '-error' : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      <div class="check-group-items">
        {props.options.map(([value, text]) => {
          const id = `${base}-${value}`;
          return (
            <span class="field-check">
              <input
                id={id}
                type="checkbox"
                checked={selected.includes(value)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const next = on ? [...selected, value] : selected.filter((s) => s !== value);
                  form.set(name, next.join(','));
                }}
              />
              <label for={id}>{text}</label>
            </span>
          );
        })}
      </div>
      {err && (
        <p class="field-error" id={base + '-error'}>
          {err}
        </p>
      )}
    </fieldset>
  );
}

export function yesNo(v: boolean | undefined | null) {
  if (v === undefined || v === null) return <span class="muted">—</span>;
  return v ? 'Yes' : 'No';
}
