// Journey: the auditor downloads an evidence bundle from the portal and checks it offline in
// the bundle's own verify.html (opened from the disk, the bundle chosen with the file picker),
// then every kind of tampering fails there, naming the file: a byte in an event, a document, a
// proof, the checkpoint or the manifest, a removed or an added file, the key of another log.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('evidence: export a bundle and check it offline in verify.html', async ({ server, browser }) => {
  const page = await newPage(browser, server, { email: 'auditor@luma.example' });
  await goto(page, server, '/ledger');
  await page.getByRole('link', { name: 'Download an evidence bundle for an auditor' }).click();
  await page.getByRole('heading', { name: 'Evidence bundle', level: 1 }).waitFor();
  await checkA11y(page, 'evidence');

  // A period that ends before it starts is refused beside the field.
  await page.getByLabel('From').fill('2026-12-31');
  await page.getByLabel('To').fill('2026-01-01');
  await page.getByRole('button', { name: 'Download the bundle' }).click();
  await page.getByText('must not be before from').waitFor();
  await page.getByLabel('From').fill('');
  await page.getByLabel('To').fill('');

  const dir = mkdtempSync(join(tmpdir(), 'accord-evidence-'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the bundle' }).click(),
  ]);
  assert(download.suggestedFilename().endsWith('.accord-evidence.zip'), 'named ' + download.suggestedFilename());
  const bundle = join(dir, download.suggestedFilename());
  await download.saveAs(bundle);
  await page.getByText('Downloaded').waitFor();
  await shot(page, 'evidence');

  const keys = await api(server, 'auditor', 'GET', '/api/v1/ledger/keys');
  const key = keys.items[keys.items.length - 1].verifier_key;
  const files = unzipSync(readFileSync(bundle));
  const page_ = join(dir, 'verify.html');
  writeFileSync(page_, files['verify.html']);

  const v = await newPage(browser, server);
  await v.goto(pathToFileURL(page_).href);
  await v.getByRole('heading', { name: 'Check an Accord evidence bundle' }).waitFor();
  const check = async (zip, withKey = key) => {
    await v.setInputFiles('#bundle', zip);
    await v.getByLabel("The organisation's public key").fill(withKey);
    await v.getByRole('button', { name: 'Check the bundle' }).click();
    await v.locator('#verdict[data-ok]').waitFor({ timeout: 120000 });
    return { ok: await v.locator('#verdict').getAttribute('data-ok'), text: await v.locator('#verdict').textContent() };
  };

  const good = await check(bundle);
  assert(good.ok === 'true' && good.text.startsWith('Bundle OK'), 'the demo bundle verifies: ' + good.text);
  await v.getByRole('table', { name: /Events/ }).waitFor();
  await checkA11y(v, 'verify-html');
  await shot(v, 'verify-html');

  const names = Object.keys(files);
  const first = (prefix) => names.find((n) => n.startsWith(prefix));
  const variant = (label, change) => {
    const copy = {};
    for (const [n, b] of Object.entries(files)) copy[n] = new Uint8Array(b);
    change(copy);
    const p = join(dir, `${label}.accord-evidence.zip`);
    writeFileSync(p, zipSync(copy));
    return p;
  };
  const flip = (name) => (copy) => {
    copy[name][copy[name].length >> 1] ^= 1;
  };
  const cases = [
    ['event', first('events/'), flip(first('events/'))],
    ['document', first('documents/'), flip(first('documents/'))],
    ['proof', first('proofs/0'), flip(first('proofs/0'))],
    ['checkpoint', 'checkpoint.note', flip('checkpoint.note')],
    ['manifest', 'manifest.json', flip('manifest.json')],
    ['removed', first('events/'), (copy) => delete copy[first('events/')]],
    [
      'added',
      'events/999999999999.json',
      (copy) => (copy['events/999999999999.json'] = new TextEncoder().encode('{}')),
    ],
  ];
  for (const [label, file, change] of cases) {
    assert(file, `the bundle has a file for the ${label} case`);
    const r = await check(variant(label, change));
    assert(r.ok === 'false' && r.text.startsWith(`FAILED: ${file}:`), `${label}: names ${file}: ${r.text}`);
  }
  // Checked with the key of another log.
  const parts = key.split('+');
  const other = `accord/org_other+${parts[1]}+${parts.slice(2).join('+')}`;
  const r = await check(bundle, other);
  assert(r.ok === 'false' && r.text.startsWith('FAILED: manifest.sig:'), 'another log: ' + r.text);
  await shot(v, 'verify-html-failed');

  // Not a zip at all.
  const junk = join(dir, 'junk.accord-evidence.zip');
  writeFileSync(junk, 'not a zip');
  const j = await check(junk);
  assert(j.ok === 'false' && /not a readable zip/.test(j.text), 'junk: ' + j.text);
});
