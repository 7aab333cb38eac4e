// The portal's data table: a scrolling wrapper, an optional caption and one header row whose
// secondary columns fold away below 760 px (`hideNarrow`). The rows come as children.
import type { ComponentChildren } from 'preact';

export interface Column {
  label: ComponentChildren;
  hideNarrow?: boolean;
  // A sortable column's current order (aria-sort on its header).
  sort?: 'ascending' | 'descending' | 'none';
}

export function Table(props: {
  // Falsy entries are left out, so a column can depend on the role.
  columns: (Column | string | false | null | undefined)[];
  caption?: ComponentChildren;
  captionClass?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table class={props.class}>
        {props.caption !== undefined && <caption class={props.captionClass}>{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((c) => {
              if (!c) return null;
              const col = typeof c === 'string' ? { label: c } : c;
              return (
                <th scope="col" class={col.hideNarrow ? 'hide-narrow' : undefined} aria-sort={col.sort}>
                  {col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

// The dash a table or list shows for a value that is not there.
export function Missing() {
  return <span class="muted">—</span>;
}

// A secondary column: hidden below 760 px.
export function secondary(label: ComponentChildren): Column {
  return { label, hideNarrow: true };
}
