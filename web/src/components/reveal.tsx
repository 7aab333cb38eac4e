// An "Add …" button that reveals a small form in place, and the form's Cancel button.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

// The form gets close(): after a success or a cancel the button comes back with the focus.
export function Reveal(props: { label: string; children: (close: () => void) => ComponentChildren; open?: boolean }) {
  const [open, setOpen] = useState(!!props.open);
  const btn = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    setTimeout(() => btn.current?.focus(), 0);
  };
  if (!open) {
    return (
      <button type="button" class="btn btn-small" ref={btn} onClick={() => setOpen(true)}>
        {props.label}
      </button>
    );
  }
  return <div class="inline-form">{props.children(close)}</div>;
}

export function CancelButton(props: { onClick: () => void }) {
  return (
    <button type="button" class="btn" onClick={props.onClick}>
      Cancel
    </button>
  );
}
