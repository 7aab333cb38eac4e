// A secret the server shows once (recovery codes, a new API token, an initial password): the
// value itself, a Copy button and a Download button, and the warning that it will not be shown
// again. The download is a text file made in the page (no request), so the value never leaves
// the browser a second time.
import { useState } from 'preact/hooks';
import { saveFile } from '../lib/save-file';
import './one-time-secret.css';

export function OneTimeSecret(props: {
  label: string;
  values: string[];
  filename: string;
  // The file's first lines (what the codes are for, whose they are).
  preamble?: string;
  note?: string;
}) {
  const [copied, setCopied] = useState('');
  const text = props.values.join('\n') + '\n';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      setCopied('The browser did not allow copying: select the text and copy it, or download it.');
    }
  };
  const download = () => {
    saveFile(
      new Blob([(props.preamble ? props.preamble + '\n\n' : '') + text], { type: 'text/plain' }),
      props.filename,
    );
  };
  return (
    <div class="one-time-secret">
      <p>
        <strong>{props.note || 'Shown only this once.'}</strong> Keep it somewhere safe before you leave this page.
      </p>
      <ul class={`secret-values${props.values.length === 1 ? ' secret-single' : ''}`} aria-label={props.label}>
        {props.values.map((v) => (
          <li>
            <code>{v}</code>
          </li>
        ))}
      </ul>
      <div class="secret-actions">
        <button type="button" class="btn" onClick={copy}>
          Copy
        </button>
        <button type="button" class="btn" onClick={download}>
          Download
        </button>
        <span role="status" class="muted small">
          {copied}
        </span>
      </div>
    </div>
  );
}
