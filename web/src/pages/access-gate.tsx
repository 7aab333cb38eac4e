// The access gate's decision, rule by rule: shared by the live request form and the grants list.
import type { components } from '../generated/openapi';
import { RequirementTag } from '../components/requirement-tag';
import { Badge, humanize } from '../ui';

// POST /api/v1/access/evaluate answers a GateDecision (docs/openapi.json).
export type Decision = components['schemas']['GateDecision'];
export type Rule = Decision['rules'][number];

export const DECISION_TEXT: Record<string, string> = {
  allow: 'Allowed',
  needs_approval: 'Needs approval',
  deny: 'Denied',
};

export function decisionClass(d: string) {
  if (d === 'allow') return 'decision decision-allow';
  if (d === 'deny') return 'decision decision-deny';
  return 'decision decision-pending decision-needs';
}

const OUTCOME: Record<string, { label: string; tone: string; mark: string }> = {
  deny: { label: 'Denies', tone: 'bad', mark: '✕' },
  needs_approval: { label: 'Needs approval', tone: 'warn', mark: '!' },
  pass: { label: 'Passes', tone: 'ok', mark: '✓' },
  not_applicable: { label: 'Not applicable', tone: 'muted', mark: '–' },
};

export function OutcomeBadge(props: { outcome: string }) {
  const o = OUTCOME[props.outcome] || { label: humanize(props.outcome), tone: 'muted', mark: '' };
  return (
    <span class={`badge badge-${o.tone}`}>
      <span aria-hidden="true">{o.mark} </span>
      {o.label}
    </span>
  );
}

function RuleItem(props: { rule: Rule; showRemedy: boolean }) {
  const r = props.rule;
  return (
    <li class={`gate-rule gate-rule-${r.outcome}`}>
      <div class="gate-rule-head">
        {r.seed_ref && <RequirementTag code={r.seed_ref} statement={r.statement || undefined} />}
        <OutcomeBadge outcome={r.outcome} />
        <span class="gate-reason">{r.reason}</span>
      </div>
      {props.showRemedy && r.remedy && (
        <p class="gate-remedy">
          <strong>What to do: </strong>
          {r.remedy}
        </p>
      )}
      {r.statement && props.showRemedy && (
        <p class="gate-statement muted">
          Policy: “{r.statement}”{r.citation ? ` (${r.citation})` : ''}
        </p>
      )}
    </li>
  );
}

// The rules that decided first (deny, then needs approval), the rest folded away.
export function DecisionRules(props: { decision: Decision }) {
  const rules = props.decision.rules || [];
  const blocking = rules.filter((r) => r.outcome === 'deny');
  const approval = rules.filter((r) => r.outcome === 'needs_approval');
  const rest = rules.filter((r) => r.outcome !== 'deny' && r.outcome !== 'needs_approval');
  return (
    <>
      {(blocking.length > 0 || approval.length > 0) && (
        <ul class="gate-rules">
          {blocking.map((r) => (
            <RuleItem rule={r} showRemedy />
          ))}
          {approval.map((r) => (
            <RuleItem rule={r} showRemedy />
          ))}
        </ul>
      )}
      {rest.length > 0 && (
        <details class="gate-more">
          <summary>
            {rest.filter((r) => r.outcome === 'pass').length} rules pass,{' '}
            {rest.filter((r) => r.outcome === 'not_applicable').length} do not apply
          </summary>
          <ul class="gate-rules">
            {rest.map((r) => (
              <RuleItem rule={r} showRemedy={false} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function DecisionBadge(props: { decision: string }) {
  const tone = props.decision === 'allow' ? 'ok' : props.decision === 'deny' ? 'bad' : 'warn';
  return <Badge value={props.decision} tone={tone} label={DECISION_TEXT[props.decision] || humanize(props.decision)} />;
}
