// The result of what a person just did, shown where their eye is: right beside the button
// they pressed. Focus moves to it (so a screen reader reads it and a keyboard user is there),
// and a refusal is red and announced at once.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './action-result.css';

export type ResultTone = 'ok' | 'warn' | 'bad';

export function ActionResult(props: { tone: ResultTone; children: ComponentChildren; id?: string; seq?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // Each new result (seq) takes the focus once.
  useEffect(() => {
    ref.current?.focus();
  }, [props.seq]);
  return (
    <div
      ref={ref}
      id={props.id}
      tabIndex={-1}
      class={`action-result action-result-${props.tone}`}
      role={props.tone === 'bad' ? 'alert' : 'status'}
      data-tone={props.tone}
    >
      <span class="action-result-mark" aria-hidden="true">
        {props.tone === 'ok' ? '✓' : props.tone === 'bad' ? '✕' : '!'}
      </span>
      <div>{props.children}</div>
    </div>
  );
}
