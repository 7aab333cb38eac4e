// A workflow object's history as a timeline: each step in words, who took it, when, and the
// comment given. Reviews, findings and report requests each name their own steps.
import { DateText } from '../ui';

export interface HistoryStep {
  what: string;
  by?: string;
  at: string;
  comment?: string;
  tone?: string;
}

export function HistoryList(props: { steps: HistoryStep[] }) {
  return (
    <ol class="timeline review-history">
      {props.steps.map((s) => (
        <li class={s.tone ? `tl-${s.tone}` : ''}>
          <div>
            <strong>{s.what}</strong>
            {s.by && <> by {s.by}</>}
          </div>
          <div class="when">
            <DateText value={s.at} time />
          </div>
          {s.comment && <blockquote class="tl-comment">“{s.comment}”</blockquote>}
        </li>
      ))}
    </ol>
  );
}
