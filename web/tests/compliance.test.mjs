// Journey: compliance (issue 23). The Security Officer reads the control catalog with its
// computed statuses, opens 164.308(b)(1) and sees the BAAs that prove it (and the demo's expired
// one that fails it), then a customer's inheritance matrix, where its BAA overrides a row, and
// downloads the matrix as CSV. A party's contact may not open the screen.
import { assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

await journey('compliance: controls, evidence and a customer matrix', async ({ server, browser }) => {
  const page = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(page, server, '/');
  await navTo(page, 'Compliance');
  await page.getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
  await page.getByRole('link', { name: '164.310(a)(1)' }).waitFor();
  await checkA11y(page, 'compliance');
  await shot(page, 'compliance');

  // The demo's Lakeside Dental BAA expired: the business-associate standard fails, with proof.
  await page.getByRole('link', { name: '164.308(b)(1)', exact: true }).click();
  await page.getByRole('heading', { name: /164\.308\(b\)\(1\) Business Associate Contracts/, level: 1 }).waitFor();
  await page.getByText('Failing').first().waitFor();
  await page.getByText('Lakeside Dental').first().waitFor();
  await page.getByText('BAA in force').first().waitFor();
  await checkA11y(page, 'compliance-control');

  // Riverside's BAA keeps audit-log review partly with them.
  await goto(page, server, '/compliance');
  await page.getByRole('link', { name: 'Riverside Medical Group' }).click();
  await page.getByRole('heading', { name: 'What Riverside Medical Group inherits', level: 1 }).waitFor();
  const row = page.getByRole('row', { name: /164\.312\(b\)/ });
  await row.getByText('(by their agreement)').waitFor();
  await row.getByText('Riverside reviews the audit logs of its own users monthly.').waitFor();
  await checkA11y(page, 'compliance-matrix');
  await shot(page, 'compliance-matrix');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  assert(download.suggestedFilename().endsWith('.csv'), 'named ' + download.suggestedFilename());

  const contact = await newPage(browser, server, { email: 'contact@relaysms.example' });
  await goto(contact, server, '/compliance');
  await contact
    .getByText(/not available/i)
    .first()
    .waitFor();
});
