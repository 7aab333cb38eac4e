// Journey: the day's follow-up work of issue 20. The findings board: the Security Officer
// filters to what a SOC 2 report found, asks to accept the risk of the hosting provider's
// exception until a date (and is told another officer must approve), the Privacy Officer
// approves it; a finding the Security Officer owns is resolved with an evidence file. Then the
// audit-report requests: a request with an NDA in force is approved with our report (downloads
// left shown); a request whose organisation only matches a customer by name is confirmed as
// that customer and cancelled. axe and a screenshot on each new page; a phone width.
import { api, assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

await journey('findings and report requests', async ({ server, browser }) => {
  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(so, server, '/');
  await navTo(so, 'Findings');
  await so.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
  const exception = 'SOC 2 exception (Nimbus Cloud Hosting): CC6.2 user access removal';
  await so.locator('table.findings-table').getByRole('link', { name: exception }).waitFor();

  // Filters live in the URL.
  await so.getByLabel('Found by').selectOption('soc2_report');
  await so.waitForURL(/source=soc2_report/);
  await so.getByLabel('Severity').selectOption('medium');
  await so.waitForURL(/severity=medium/);
  await so.locator('table.findings-table').getByRole('link', { name: exception }).waitFor();
  await so.getByLabel('Owner').selectOption('me');
  await so.getByText('No finding matches these filters.').waitFor();
  await so.getByLabel('Owner').selectOption('');
  await so.locator('table.findings-table').getByRole('link', { name: exception }).waitFor();
  // Until the new filter's answer arrives, the rows on screen are the old filter's: dimmed and
  // marked busy, never passed off as the answer.
  let release;
  const held = new Promise((r) => (release = r));
  await so.route('**/api/v1/findings?*', async (route) => {
    await held;
    await route.continue();
  });
  await so.getByLabel('Owner').selectOption('me');
  const stale = so.locator('.loaded[aria-busy="true"]', { has: so.getByRole('link', { name: exception }) });
  await stale.waitFor();
  release();
  await so.getByText('No finding matches these filters.').waitFor();
  await so.locator('.loaded[aria-busy="false"]').first().waitFor();
  await so.unroute('**/api/v1/findings?*');
  await so.getByLabel('Owner').selectOption('');
  await so.locator('table.findings-table').getByRole('link', { name: exception }).waitFor();
  await checkA11y(so, 'findings board');
  await shot(so, 'findings-board');

  // Ask to accept the risk: the asker cannot approve it.
  await so.locator('table.findings-table').getByRole('link', { name: exception }).click();
  await so.getByRole('heading', { name: exception, level: 1 }).waitFor();
  const accept = so.getByRole('form', { name: 'Ask to accept the risk' });
  await accept
    .getByLabel(/^Why the risk can be accepted/)
    .fill('Access reviews are now weekly; the auditor re-tests in June.');
  await accept.getByRole('button', { name: 'Ask for approval' }).click();
  await so.getByText('Asked: another officer approves or declines the risk acceptance.').waitFor();
  await so.getByText('You asked to accept this risk, so another officer approves or declines it.').waitFor();
  assert((await so.getByRole('button', { name: 'Approve' }).count()) === 0, 'the asker is offered no approval');
  await so.getByRole('button', { name: 'Withdraw the request' }).waitFor();
  const findingUrl = so.url();

  const po = await newPage(browser, server, { email: 'privacy@luma.example' });
  await po.goto(findingUrl);
  await po.getByRole('heading', { name: exception, level: 1 }).waitFor();
  const decide = po.getByRole('form', { name: 'Approve or decline the risk acceptance' });
  await decide.getByLabel(/^Comment/).fill('Agreed until the re-test.');
  await decide.getByRole('button', { name: 'Approve' }).click();
  await po.getByText('Risk accepted.', { exact: true }).waitFor();
  const acceptance = po.locator('section', { has: po.locator('#risk-acceptance') });
  await acceptance
    .getByText(/Priya|Privacy Officer/)
    .first()
    .waitFor();
  await po.locator('.review-history').getByText('Asked to accept the risk').waitFor();
  await po.locator('.review-history').getByText('Risk accepted', { exact: true }).waitFor();
  await checkA11y(po, 'finding with an accepted risk');
  await shot(po, 'finding-risk-accepted');

  // A finding of one's own, resolved with its evidence.
  const mine = await api(server, 'security_officer', 'POST', '/api/v1/findings', {
    title: 'Backups of the staging database are not encrypted',
    severity: 'high',
  });
  await goto(so, server, `/findings/${mine.id}`);
  await so.getByRole('heading', { name: mine.title, level: 1 }).waitFor();
  const resolve = so.getByRole('form', { name: 'Resolve the finding' });
  await resolve.getByLabel(/^What was done/).fill('Turned on encryption at rest for the staging backups.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await resolve.locator('.field-invalid .field-error').waitFor();
  await resolve.getByLabel(/^Evidence/).setInputFiles({
    name: 'backup-encryption.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Staging backups: encryption at rest enabled (AES-256).\n'),
  });
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await so.getByText('Resolved, with its evidence.').waitFor();
  await so
    .locator('section', { has: so.locator('#evidence') })
    .getByRole('link', { name: 'backup-encryption.txt' })
    .waitFor();
  await so.locator('.review-history').getByText('Resolved', { exact: true }).waitFor();
  await checkA11y(so, 'finding resolved');
  await shot(so, 'finding-resolved');

  // Report requests: the demo's request (NDA in force) waits for a decision.
  await navTo(so, 'Requests');
  await so.getByRole('heading', { name: 'Report requests', level: 1 }).waitFor();
  // (Riverside's other request is the questionnaire the demo sent through the trust center.)
  const row = so
    .locator('table.requests-table tr', { hasText: 'Riverside Medical Group' })
    .filter({ hasText: 'Waiting for a decision' });
  await row.getByText('Waiting for a decision').waitFor();
  await row.getByRole('link', { name: 'Riverside Medical Group' }).click();
  await so.getByRole('heading', { name: /Riverside Medical Group: SOC 2 Type II report/, level: 1 }).waitFor();
  await so.getByText('Covered by an NDA in force with the party').waitFor();
  const approve = so.getByRole('form', { name: 'Approve and send the report' });
  assert((await approve.getByLabel('Report to deliver').inputValue()) !== '', 'our report is chosen');
  await approve.getByRole('button', { name: 'Approve and send' }).click();
  await so.getByText(/A download link was emailed to dana\.kim@/).waitFor();
  const delivery = so.locator('section', { has: so.locator('#delivery') });
  await delivery.getByText('3 of 3').waitFor();
  await so.getByRole('form', { name: 'Send a new download link' }).waitFor();
  await checkA11y(so, 'report request approved');
  await shot(so, 'report-request-approved');

  // A name-only match: a suggestion to confirm, then cancelled.
  await fetch(server.url + '/api/v1/public/report-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Sam Lee',
      email: 'sam.lee@freemail.example',
      organisation: 'Bayview Pediatrics',
      report_type: 'iso27001',
      message: 'For our security questionnaire.',
    }),
  });
  await goto(so, server, '/report-requests?status=received');
  const suggested = so.locator('table.requests-table tr', { hasText: 'Bayview Pediatrics' });
  await suggested.getByText('Suggested: Bayview Pediatrics').waitFor();
  await checkA11y(so, 'report requests');
  await shot(so, 'report-requests');
  await suggested.getByRole('link', { name: 'Bayview Pediatrics' }).click();
  await so.getByRole('button', { name: 'Confirm: it is Bayview Pediatrics' }).click();
  await so.getByText('Linked to Bayview Pediatrics.').waitFor();
  await so.getByText(/not accepted yet/).waitFor();
  const cancel = so.getByRole('form', { name: 'Cancel the request' });
  await cancel.getByRole('button', { name: 'Cancel the request' }).click();
  await cancel.locator('.field-invalid .field-error').waitFor();
  await cancel.getByLabel(/^Why it is cancelled/).fill('Asked by phone instead; handled there.');
  await cancel.getByRole('button', { name: 'Cancel the request' }).click();
  await so.getByText('Cancelled.', { exact: true }).waitFor();
  await so.locator('.review-history').getByText('Linked to the party').waitFor();
  await shot(so, 'report-request-cancelled');

  // Phone width: the board fits.
  const phone = await newPage(browser, server, {
    email: 'privacy@luma.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phone, server, '/findings?status=any');
  await phone.locator('table.findings-table tbody tr').first().waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `no sideways scrolling at 390 px (overflow ${overflow})`);
  await shot(phone, 'findings-phone');
});
