// Journey: the auditor checks the ledger in the browser — the signed checkpoint (its Ed25519
// signature checked against the keys recorded in the ledger), the newest event from the list
// verified by its inclusion proof (WebCrypto SHA-256 over the raw leaf bytes), a tampered copy
// that does not verify, an index out of range refused beside its field, and a direct link
// /ledger?index=0 as other pages use it. Laptop and phone width.
import { assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

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
  await page.getByRole('link', { name: `Check event #${newest}` }).click();
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
  assert((await page.locator('pre.event').last().textContent()).includes('"type"'), 'the event JSON is shown');
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

  // Older pages of the list.
  await page.getByRole('button', { name: 'Older →' }).click();
  await page.getByText(`Events #${size - 40} to #${size - 21} of ${size}`).waitFor();

  // A direct link to the first event.
  await goto(page, server, '/ledger?index=0');
  await page.getByText(`Verified: event #0 is included in the ledger of size`).waitFor();
  assert((await page.locator('pre.event').last().textContent()).includes('org.created'), 'event #0 is org.created');
  await checkA11y(page, 'ledger-index-0');

  // Phone width.
  const phone = await newPage(browser, server, { email, viewport: { width: 390, height: 844 } });
  await goto(phone, server, '/ledger?index=1');
  await phone.getByText('Verified: event #1 is included').waitFor();
  await phone.locator('table.entries tbody tr').first().waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `no sideways scrolling at 390 px (${overflow} px)`);
  await checkA11y(phone, 'ledger-phone');
  await shot(phone, 'ledger-phone');
});
