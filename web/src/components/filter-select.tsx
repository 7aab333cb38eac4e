// A list filter above a table: a labelled <select> whose first option means "any".
import { humanize, type Option } from '../ui';

export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  // The first option's text, e.g. "Any status".
  any: string;
  // Plain values are shown humanized.
  options: (Option | string)[];
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{props.any}</option>
        {props.options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: humanize(o) } : o;
          return <option value={opt.value}>{opt.label}</option>;
        })}
      </select>
    </div>
  );
}
