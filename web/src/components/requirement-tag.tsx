// A requirement id as a small tag beside the words it backs, its statement on hover (the title,
// which screen readers give as its description): the words carry the meaning, the id is the
// reference.
import { REQUIREMENTS } from '../requirements';
import './requirement-tag.css';

// `statement` overrides the built-in one (the gate's rules carry the profile's own words).
export function RequirementTag(props: { code: string; statement?: string }) {
  const statement = props.statement || REQUIREMENTS[props.code];
  return (
    <span class="req-tag" title={statement || undefined}>
      {props.code}
    </span>
  );
}

// "TP-9 … TP-15": several tags.
export function RequirementTags(props: { codes: string[] }) {
  return (
    <span class="req-tags">
      {props.codes.map((c) => (
        <RequirementTag code={c} />
      ))}
    </span>
  );
}
