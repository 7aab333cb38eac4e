// A review's kind in words, with the requirement it meets as a small tag.
import { RequirementTag } from '../components/requirement-tag';
import { KIND_REQUIREMENTS, kindLabel } from './review-kinds';

export function KindLabel(props: { kind: string }) {
  const code = KIND_REQUIREMENTS[props.kind];
  return (
    <>
      {kindLabel(props.kind)}
      {code && <RequirementTag code={code} />}
    </>
  );
}
