// Files the portal hands to the browser's downloads: bytes the page holds (a one-time secret,
// a fetched export) saved through an <a download> click, and a list's CSV export.

// Saves `blob` as `filename`. The object URL is kept `keepUrlMs` for the browser to start
// reading it (large files want longer).
export function saveFile(blob: Blob, filename: string, keepUrlMs = 1000): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), keepUrlMs);
}

// Asks a list route (`url` with its filters) for `Accept: text/csv` and saves the answer as
// `filename`; a refusal throws an Error whose message names `what` for the page to show.
export async function saveCsv(url: string, filename: string, what: string): Promise<void> {
  const res = await fetch(url, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`The ${what} could not be exported (status ${res.status}). Try again.`);
  saveFile(await res.blob(), filename);
}
