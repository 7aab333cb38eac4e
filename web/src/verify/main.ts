// verify.html: the auditor picks the bundle (a file:// page cannot read its neighbours), the
// page unzips it in memory and runs the same checks as `accord evidence verify`.
import { unzipSync } from 'fflate';
import { checkBundle, type BundleFacts } from './bundle-check';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function cell(row: HTMLTableRowElement, text: string) {
  row.insertCell().textContent = text;
}

function table(caption: string, head: string[], rows: string[][]): HTMLElement {
  const t = document.createElement('table');
  t.createCaption().textContent = caption;
  const h = t.createTHead().insertRow();
  for (const c of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    h.appendChild(th);
  }
  const body = t.createTBody();
  for (const r of rows) {
    const row = body.insertRow();
    for (const c of r) cell(row, c);
  }
  return t;
}

function showDetails(facts: BundleFacts) {
  const details = $('details');
  details.replaceChildren();
  const shown = facts.events.slice(0, 500);
  details.appendChild(
    table(
      facts.events.length > shown.length
        ? `Events (the first ${shown.length} of ${facts.events.length})`
        : `Events (${facts.events.length})`,
      ['Entry', 'What', 'About', 'Recorded', 'Effective'],
      shown.map((e) => [String(e.index), e.type, e.subject, e.recordedAt, e.effectiveAt ?? '']),
    ),
  );
  details.appendChild(
    table(
      `Documents (${facts.documents.length})`,
      ['File', 'SHA-256', 'Recorded', 'Effective'],
      facts.documents.map((d) => [d.filename, d.sha256, d.recordedAt, d.effectiveAt ?? '']),
    ),
  );
}

async function run() {
  const verdict = $('verdict');
  const file = $<HTMLInputElement>('bundle').files?.[0];
  $('details').replaceChildren();
  if (!file) {
    verdict.dataset.ok = 'false';
    verdict.textContent = 'Choose the bundle first.';
    return;
  }
  verdict.removeAttribute('data-ok');
  verdict.textContent = 'Checking…';
  let files: Map<string, Uint8Array>;
  try {
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
    files = new Map(Object.entries(entries));
  } catch (e) {
    verdict.dataset.ok = 'false';
    verdict.textContent = `FAILED: ${file.name} is not a readable zip archive (${(e as Error).message})`;
    return;
  }
  let keys = lines($<HTMLTextAreaElement>('key').value);
  let ownKey = false;
  if (!keys.length && files.has('keys/log.txt')) {
    keys = lines(new TextDecoder().decode(files.get('keys/log.txt')));
    ownKey = true;
  }
  const witnesses = lines($<HTMLTextAreaElement>('witness').value);
  const result = await checkBundle(files, keys, witnesses, (done, total) => {
    verdict.textContent = `Checking… ${done} of ${total} events`;
  });
  if (!result.ok) {
    verdict.dataset.ok = 'false';
    verdict.dataset.file = result.file;
    verdict.textContent = `FAILED: ${result.file}: ${result.problem}`;
    return;
  }
  const f = result.facts;
  verdict.dataset.ok = 'true';
  verdict.removeAttribute('data-file');
  verdict.textContent =
    `Bundle OK: ${f.events.length} events and ${f.documents.length} documents of the log ${f.origin}, ` +
    `all in its signed checkpoint at size ${f.checkpointSize} (root ${f.checkpointRoot}); ${f.files} files checked.` +
    (f.sinceSize !== undefined ? `\nThe log only grew since the earlier checkpoint at size ${f.sinceSize}.` : '') +
    (ownKey ? '\nChecked with the key inside the bundle: compare it with the key the organisation published.' : '');
  showDetails(f);
}

$('check').addEventListener('click', () => {
  run().catch((e: unknown) => {
    const verdict = $('verdict');
    verdict.dataset.ok = 'false';
    verdict.textContent = `FAILED: ${(e as Error).message}`;
  });
});
