// Journey: the auditor checks the ledger in the browser — the signed checkpoint (its Ed25519
// signature checked against the keys recorded in the ledger), the newest event from the list
// verified by its inclusion proof (WebCrypto SHA-256 over the raw leaf bytes) and read in words,
// a tampered copy that does not verify, an index out of range refused beside its field, and a
// direct link /ledger?index=0 as other pages use it; then the audit log: names, filters by
// event, person, party and dates (in the address), the CSV file, and two checkpoints compared
// by a consistency proof checked in the browser. Laptop and phone width.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('ledger: verify an event in the browser', async ({ server, browser }) => {
  const email = 'auditor@luma.example';
  const page = await newPage(browser, server, { email });
  await goto(page, server, '/ledger');
  await page.getByRole('heading', { name: 'Ledger', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Signed checkpoint' }).waitFor();
  await page.getByText('Signature valid').waitFor();
  const size = Number((await page.locator('.facts dd').nth(1).textContent()).replace(/[^0-9]/g, ''));
  assert(size > 10, `the checkpoint has events (size ${size})`);

  // The list of the latest events, newest first: pick the newest.
  const rows = page.locator('table.entries tbody tr');
  await rows.first().waitFor();
  assert((await rows.count()) === 20, 'twenty events per page');
  const newest = size - 1;
  const newestLink = page.getByRole('link', { name: `Check event #${newest}` });
  if ((await newestLink.count()) > 0) await newestLink.click();
  else {
    // The scheduler's jobs wrote more than a page of events after the checkpoint: ask by index.
    await page.getByLabel('Event index').fill(String(newest));
    await page.getByRole('button', { name: 'Check this event' }).click();
  }
  await page.waitForURL(new RegExp(`index=${newest}`));
  const verdict = page.locator('.verdict').first();
  await verdict.waitFor();
  const text = await verdict.textContent();
  assert(
    text.includes(`Verified: event #${newest} is included in the ledger of size ${size} with root`),
    'verified: ' + text,
  );
  const root = await page.locator('.facts .hash').first().textContent();
  assert(text.includes(root), 'the verdict names the checkpoint root');
  assert((await page.locator('pre.event').last().textContent()).includes('"type"'), 'the event JSON is kept');
  assert(!(await page.locator('pre.event').last().isVisible()), 'the JSON stays behind a disclosure');
  await page.getByRole('heading', { name: 'What it records' }).waitFor();
  await checkA11y(page, 'ledger');
  await shot(page, 'ledger');

  // A tampered copy (one byte flipped) does not verify.
  await page.getByRole('button', { name: 'Check a tampered copy' }).click();
  const tampered = page.locator('.verdict.tampered');
  await tampered.waitFor();
  const t = await tampered.textContent();
  assert(
    /does not verify/.test(t) && (await tampered.evaluate((e) => e.classList.contains('verdict-bad'))),
    'tampered: ' + t,
  );
  assert((await verdict.textContent()).startsWith('✓ Verified'), 'the real event still verifies');
  await shot(page, 'ledger-tampered');

  // An index beyond the checkpoint is refused beside the field, the typed value kept.
  await page.getByLabel('Event index').fill(String(size + 1000));
  await page.getByRole('button', { name: 'Check this event' }).click();
  await page.locator('.field-error').waitFor();
  assert(
    /signed checkpoint holds events #0 to/.test(await page.locator('.field-error').textContent()),
    'range error beside the field',
  );
  assert((await page.getByLabel('Event index').inputValue()) === String(size + 1000), 'the typed value is kept');

  // Type an index: the URL follows, the event verifies.
  await page.getByLabel('Event index').fill('5');
  await page.getByRole('button', { name: 'Check this event' }).click();
  await page.waitForURL(/index=5/);
  await page.getByText('Verified: event #5 is included').waitFor();

  // Older pages of the list, and back.
  const firstIndex = async () => Number((await rows.first().locator('td').first().textContent()).replace('#', ''));
  const top = await firstIndex();
  await page.getByRole('button', { name: 'Older →' }).click();
  await page.waitForURL(/before=/);
  await page.waitForFunction(
    (t) => Number(document.querySelector('table.entries tbody td')?.textContent?.replace('#', '')) < t - 19,
    top,
  );
  await page.getByRole('button', { name: '← Newer' }).click();
  await page.waitForFunction(
    (t) => Number(document.querySelector('table.entries tbody td')?.textContent?.replace('#', '')) >= t,
    top,
  );

  // A direct link to the first event.
  await goto(page, server, '/ledger?index=0');
  await page.getByText(`Verified: event #0 is included in the ledger of size`).waitFor();
  assert((await page.locator('pre.event').last().textContent()).includes('org.created'), 'event #0 is org.created');
  await checkA11y(page, 'ledger-index-0');

  await auditLog(page, server);

  // Phone width.
  const phone = await newPage(browser, server, { email, viewport: { width: 390, height: 844 } });
  await goto(phone, server, '/ledger?index=1');
  await phone.getByText('Verified: event #1 is included').waitFor();
  await phone.locator('table.entries tbody tr').first().waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `no sideways scrolling at 390 px (${overflow} px)`);
  await checkA11y(phone, 'ledger-phone');
  await shot(phone, 'ledger-phone');
  await phone
    .locator('section', { has: phone.locator('h2#audit-log') })
    .screenshot({ path: join(ARTIFACTS, 'ledger-phone-audit-log.png') });
});

// The audit log: names instead of ids, the filters (kept in the address), the CSV file, and two
// checkpoints compared.
async function auditLog(page, server) {
  // One more checkpoint than the demo's first, so that there are two to compare.
  const before = (await api(server, 'security_officer', 'GET', '/api/v1/ledger/checkpoints')).items.length;
  const org = (await api(server, 'security_officer', 'GET', '/api/v1/ledger/entries/0')).event.subject.id;
  await api(server, 'security_officer', 'POST', '/api/v1/notes', {
    subject: { kind: 'org', id: org },
    text: 'Quarterly access review done',
  });
  for (let i = 0; i < 60; i++) {
    const cps = await api(server, 'security_officer', 'GET', '/api/v1/ledger/checkpoints');
    if (cps.items.length > Math.max(before, 1)) break;
    await new Promise((ok) => setTimeout(ok, 250)); // the checkpoint thread signs within a second
  }
  await goto(page, server, '/ledger');
  const log = page.locator('section', { has: page.locator('h2#audit-log') });
  const rows = log.locator('table.entries tbody tr');
  await rows.first().waitFor();

  // Who: the officer by name; every row is theirs, named, the id at most small print.
  await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Sam Rivera' });
  await page.waitForURL(/actor=usr_/);
  await log.getByText('filtered').waitFor();
  const who = await log.locator('table.entries tbody tr td:nth-child(4)').allTextContents();
  assert(who.length > 0 && who.every((t) => t.startsWith('Sam Rivera')), 'every row is Sam Rivera’s: ' + who);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((u) => !u.search.includes('actor='));

  // What happened and which party: the party's name in each row, and the address keeps both.
  await page.getByLabel('What happened').selectOption({ label: 'Agreement created' });
  await page.waitForURL(/type=agreement.created/);
  await page.getByLabel('Party', { exact: true }).selectOption({ label: 'Nimbus Cloud Hosting' });
  await page.waitForURL(/party=pty_/);
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('table.entries tbody tr td:nth-child(6)')];
    return cells.length > 0 && cells.every((c) => c.textContent === 'Nimbus Cloud Hosting');
  });
  const parties = await log.locator('table.entries tbody tr td:nth-child(6)').allTextContents();
  const what = await log.locator('table.entries tbody tr td:nth-child(2) .event-words').allTextContents();
  assert(
    what.every((t) => t === 'Agreement created'),
    'only agreements created: ' + what,
  );
  const summary = await log.locator('.event-summary').first().textContent();
  assert(!/[{}"]/.test(summary), 'the body in words, not JSON: ' + summary);
  await checkA11y(page, 'ledger-audit-log');
  await shot(page, 'ledger-audit-log');

  // The same rows as a CSV file, by name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert(lines[0].startsWith('Index,Time,Event,Event type,Actor,'), 'the CSV has its columns: ' + lines[0]);
  assert(lines.length === parties.length + 1, `one line per row shown (${lines.length - 1} vs ${parties.length})`);
  assert(
    lines
      .slice(1)
      .every((l) => l.includes(',Agreement created,agreement.created,') && l.includes('Nimbus Cloud Hosting')),
    'the CSV names the party',
  );

  // Dates: nothing after tomorrow; the address keeps the filters across a reload.
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  await page.getByLabel('From').fill(tomorrow);
  await page.waitForURL(/since=/);
  await log.getByText('No event matches these filters.').waitFor();
  await page.reload();
  await log.getByText('No event matches these filters.').waitFor();
  assert((await page.getByLabel('From').inputValue()) === tomorrow, 'the date is kept');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await rows.first().waitFor();

  // Two checkpoints compared: the browser checks the consistency proof and both signatures.
  const compare = page.locator('section', { has: page.locator('h2#compare-checkpoints') });
  await compare.getByLabel('Earlier checkpoint').waitFor();
  await compare.getByRole('button', { name: 'Check they are consistent' }).click();
  const verdict = compare.locator('.consistency-verdict');
  await verdict.waitFor();
  assert(
    /^✓ Consistent: the ledger of [\d,]+ events contains the ledger of [\d,]+ events unchanged/.test(
      await verdict.textContent(),
    ),
    'consistent: ' + (await verdict.textContent()),
  );
  await compare.scrollIntoViewIfNeeded();
  await shot(page, 'ledger-compare');
  // The same checkpoint twice is refused beside the field.
  const first = await compare.getByLabel('Later checkpoint').inputValue();
  await compare.getByLabel('Earlier checkpoint').selectOption(first);
  await compare.getByRole('button', { name: 'Check they are consistent' }).click();
  await compare.locator('.field-error').getByText('more events than the earlier one').waitFor();
  await checkA11y(page, 'ledger-compare');
}
