// The dashboard's first panel: what is wrong now (GET /api/v1/red-flags), each with how long
// and a link to where it is fixed. A few per kind; the rest one click away.
import { useState } from 'preact/hooks';
import { get } from '../api';
import { Link } from '../router';
import { Alert, Loading, humanDates, useLoad } from '../ui';
import { busyGroups, fixLabel, plural, remainder, type Flag, type FlagGroup, type RedFlags } from './my-work-model';

const SHOWN = 5;
const FETCHED = 50;

export function RedFlagsPanel() {
  const flags = useLoad((signal) => get<RedFlags>('/api/v1/red-flags', { limit: FETCHED }, signal), []);
  const clear = flags.data !== undefined && flags.data.total === 0;
  return (
    <section class={`card red-flags${clear ? ' red-flags-clear' : ''}`} aria-labelledby="sec-red-flags">
      <div class="card-head">
        <h2 id="sec-red-flags">What is wrong now</h2>
      </div>
      <Loading state={flags} label="what is wrong now">
        {(f) => <Body flags={f} />}
      </Loading>
    </section>
  );
}

function Body(props: { flags: RedFlags }) {
  const groups = busyGroups(props.flags.groups);
  if (groups.length === 0) {
    return (
      <Alert kind="ok">
        Nothing is wrong right now: every required agreement is in force, SOC 2 reviews are current and nothing is
        overdue.
      </Alert>
    );
  }
  return (
    <>
      <p class="red-flags-total">
        <strong>{plural(props.flags.total, 'problem')}</strong> to fix, the longest-standing first.
      </p>
      <div class="red-flag-groups">
        {groups.map((g) => (
          <Group group={g} />
        ))}
      </div>
    </>
  );
}

function Group(props: { group: FlagGroup }) {
  const { group: g } = props;
  const [all, setAll] = useState(false);
  const items = all ? g.items : g.items.slice(0, SHOWN);
  const hidden = g.items.length - items.length;
  const beyond = remainder(g);
  const id = `flags-${g.kind}`;
  return (
    <div class="red-flag-group" role="group" aria-labelledby={id}>
      <h3 id={id}>
        {g.title} <span class="red-flag-count">({g.count})</span>
      </h3>
      <ul class="red-flag-list">
        {items.map((f) => (
          <Item flag={f} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" class="btn btn-small" aria-expanded={false} onClick={() => setAll(true)}>
          Show {plural(hidden, 'more')}
        </button>
      )}
      {all && beyond > 0 && <p class="muted small">and {plural(beyond, 'more')} not listed here.</p>}
    </div>
  );
}

function Item(props: { flag: Flag }) {
  const { flag: f } = props;
  const who = f.party_name && f.kind !== 'review_overdue' && f.kind !== 'finding_overdue' ? `${f.party_name}: ` : '';
  return (
    <li class="red-flag">
      <div>
        <strong>
          {who}
          {humanDates(f.title)}
        </strong>
        {f.detail && <div class="small">{f.detail}</div>}
      </div>
      {f.href ? (
        <Link href={f.href} class="red-flag-fix" aria-label={`${fixLabel(f)}: ${who}${humanDates(f.title)}`}>
          {fixLabel(f)}
        </Link>
      ) : null}
    </li>
  );
}
