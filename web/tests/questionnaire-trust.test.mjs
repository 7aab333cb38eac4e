// Journey: a customer's questionnaire through the trust center, and a library answer's evidence
// revised (issue 28, part 5). The Security Officer opens the demo's shared Riverside
// questionnaire, sees the link the demo sent, and emails Riverside's security desk a new
// trust-center link. The customer, not signed in, opens the link: the trust center's download
// page names the questionnaire and the Download button gives the answered CSV. The NDA then
// lapses: the same link refuses in plain words. Finally the officer attaches a file as an
// approved answer's evidence (a new draft version), sees who added it when, and approves it.
// axe on each page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

const DESK = 'security@riversidemedicalgroup.example';

// The newest download link emailed to `to`: the outbox keeps an unsent message's body (the
// journey's server has no mail server), read from its database as the mail server would.
function newestDownloadLink(server, to) {
  const out = execFileSync('sqlite3', [
    join(server.dataDir, 'accord.db'),
    `SELECT body FROM outbox WHERE recipient = '${to}' AND body LIKE '%/downloads/%' ORDER BY created_at DESC, id DESC LIMIT 1`,
  ]).toString();
  const m = out.match(/\/downloads\/([A-Za-z0-9_-]+)/);
  assert(m, 'a download link was emailed to ' + to);
  return '/downloads/' + m[1];
}

await journey('questionnaire trust', async ({ server, browser }) => {
  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(so, server, '/');
  await navTo(so, 'Customer questionnaires');
  await so.getByRole('link', { name: 'Riverside vendor security assessment 2026' }).click();
  await so.getByRole('heading', { name: 'Riverside vendor security assessment 2026', level: 1 }).waitFor();
  const links = so.getByRole('table', { name: 'Trust-center links sent' });
  await links
    .getByRole('row', { name: new RegExp(DESK) })
    .first()
    .waitFor();

  await so
    .getByLabel('Send a trust-center link to')
    .selectOption({ label: `Security desk, Riverside Medical Group (${DESK})` });
  await so.getByRole('button', { name: 'Send a trust-center link' }).click();
  await so.getByText(`A personal trust-center link was emailed to ${DESK}.`).waitFor();
  // The list reloads after the message shows: wait for the second row, then count.
  await links
    .getByRole('row', { name: new RegExp(DESK) })
    .nth(1)
    .waitFor();
  assert((await links.getByRole('row', { name: new RegExp(DESK) }).count()) === 2, 'both links are listed');
  const text = await so.locator('main').innerText();
  assert(!text.includes('/api/'), 'no API paths on the questionnaire page');
  await checkA11y(so, 'a questionnaire shared through the trust center');
  await shot(so, 'questionnaire-trust-link');

  // The customer, not signed in, follows the emailed link.
  const link = newestDownloadLink(server, DESK);
  const customer = await newPage(browser, server);
  await customer.goto(server.url + link);
  await customer.getByRole('heading', { name: 'Our answers to your security questionnaire' }).waitFor();
  await customer.getByText('Riverside vendor security assessment 2026.csv').waitFor();
  await checkA11y(customer, 'the trust center download page');
  await shot(customer, 'questionnaire-trust-download');
  const [download] = await Promise.all([
    customer.waitForEvent('download'),
    customer.getByRole('button', { name: 'Download' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert(
    csv.includes('Our last risk analysis was completed in October 2026'),
    'the answered CSV: ' + csv.slice(0, 200),
  );

  // The NDA lapses: the same link refuses, in words.
  const riverside = (await api(server, 'security_officer', 'GET', '/api/v1/parties?q=Riverside')).items[0];
  const agreements = await api(server, 'security_officer', 'GET', `/api/v1/parties/${riverside.id}/agreements`);
  const nda = agreements.items.find((a) => a.type === 'nda' && a.status === 'executed');
  assert(nda, 'Riverside has an executed NDA');
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  await api(server, 'security_officer', 'PATCH', `/api/v1/agreements/${nda.id}`, { expires_at: yesterday });
  await customer.goto(server.url + link);
  await customer.getByRole('heading', { name: 'This questionnaire cannot be downloaded' }).waitFor();
  await customer.getByText(/non-disclosure agreement between your organisation and us is no longer in force/).waitFor();
  const refusal = await customer.locator('main').innerText();
  assert(!/forbidden|403/i.test(refusal), 'plain words, not a code: ' + refusal);
  await checkA11y(customer, 'the refused download page');
  await shot(customer, 'questionnaire-trust-refused');

  // Evidence: the officer attaches a file to an approved answer and approves the new version.
  await goto(so, server, '/answer-library');
  await so.getByRole('link', { name: 'Is ePHI encrypted at rest?', exact: true }).click();
  await so.getByRole('heading', { name: 'Is ePHI encrypted at rest?', level: 1 }).waitFor();
  await so.getByText('Approved (version 1)').waitFor();
  await so.getByLabel(/Attach a file as evidence/).setInputFiles({
    name: 'encryption-standard.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Encryption standard: AES-256 at rest, TLS 1.2+ in transit.\n'),
  });
  await so.getByLabel('What it shows (optional)').fill('Section 3: data at rest');
  await so.getByRole('button', { name: 'Attach', exact: true }).click();
  await so.getByText('Draft (version 2)').waitFor();
  const evidence = so.getByRole('table', { name: 'Evidence' });
  const row = evidence.getByRole('row', { name: /File encryption-standard\.txt/ });
  await row.waitFor();
  await row.getByText(/by Sam Rivera/).waitFor();
  await row.getByText('Section 3: data at rest').waitFor();
  await checkA11y(so, 'a library answer with new evidence');
  await so.getByRole('button', { name: 'Approve this version' }).click();
  await so.getByText('Approved (version 2)').waitFor();
  await shot(so, 'library-answer-evidence');
});
