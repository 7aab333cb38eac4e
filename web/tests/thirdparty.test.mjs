// Journey: Relay SMS's contact signs in and lands on its own organisation: it announces a
// change (an empty form first: each error beside its field), uploads its SOC 2 report, sees
// no officer-only controls and none of our assessment of it (risk, due diligence, access
// decisions, our timeline), and finds that another party's page is simply not found. The
// Security Officer, not the contact or the auditor, records what became of the change (the
// notice's allowed_actions). Answering what a review asks is requests.test.mjs.
import { api, assert, checkA11y, goto, journey, navLink, newPage, shot } from './harness.mjs';

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

await journey('third-party contact', async ({ server, browser }) => {
  assert(server.contactParty, 'the demo names the contact party');
  const page = await newPage(browser, server, { email: 'contact@relaysms.example' });
  await goto(page, server, '/');
  await page.getByRole('heading', { name: 'Relay SMS', level: 1 }).waitFor();
  await page.getByText('Your organisation ·').waitFor();

  // Nothing for officers only; no internal sections.
  for (const name of [
    'Add agreement',
    'Add due diligence',
    'Add service',
    'Offboard',
    'Update',
    'New party',
    'Record a change notice',
  ]) {
    assert((await page.getByRole('button', { name, exact: true }).count()) === 0, `no "${name}" button for a contact`);
  }
  // Its SOC 2 reports are its to submit (intake.test.mjs); our review of them is not shown.
  await page.getByRole('heading', { name: 'SOC 2 reports' }).waitFor();
  assert(
    (await page.getByRole('columnheader', { name: 'What we found' }).count()) === 0,
    'our SOC 2 review is internal',
  );
  assert((await page.getByRole('heading', { name: 'Reviews', exact: true }).count()) === 0, 'reviews are internal');
  for (const heading of ['Due diligence', 'Access grants', 'Timeline']) {
    assert((await page.getByRole('heading', { name: heading, exact: true }).count()) === 0, `"${heading}" is internal`);
  }
  for (const fact of ['Risk tier', 'Criticality', 'Owner', 'Access to our systems', 'Data categories']) {
    assert((await page.locator('dl.facts dt', { hasText: fact }).count()) === 0, `no "${fact}" for a contact`);
  }
  assert((await navLink(page, 'Parties').count()) === 0, 'no registry link');
  // A contact's few links stand on their own, no menus.
  assert((await page.locator('#main-nav .nav-group-button').count()) === 0, 'no menus for a contact');
  assert(await navLink(page, 'Secure messages').isVisible(), 'the contact sees its links at once');
  await page.getByRole('heading', { name: 'Agreements' }).waitFor();
  await page
    .locator('section', { has: page.locator('#sec-agreements') })
    .getByText('BAA', { exact: true })
    .waitFor();

  // A change notice: empty first, then complete.
  await page.getByRole('button', { name: 'Announce a change' }).click();
  const cn = page.getByRole('form', { name: 'Change notice' });
  await cn.getByRole('button', { name: 'Submit the change notice' }).click();
  await cn.locator('.field-error').first().waitFor();
  assert((await cn.getByLabel(/^What changes/).getAttribute('aria-invalid')) === 'true', 'the title is marked');
  assert((await cn.getByLabel(/^Description/).getAttribute('aria-invalid')) === 'true', 'the description is marked');
  await cn.getByLabel(/^What changes/).fill('New SMS carrier for Canada');
  await cn
    .getByLabel(/^Description/)
    .fill('Messages to Canadian numbers will go through a second carrier from next month.');
  await cn.getByLabel(/^Planned date/).fill(day(21));
  await cn.getByLabel('The change adds a new subprocessor').check();
  await cn.getByRole('button', { name: 'Submit the change notice' }).click();
  await page.getByText(/Change notice “New SMS carrier for Canada” submitted/).waitFor();
  const changes = page.locator('section', { has: page.locator('#sec-changes') });
  await changes.getByText('New SMS carrier for Canada', { exact: true }).waitFor();
  assert((await changes.getByText(/Substantial|Routine/).count()) === 0, 'our assessment of the change is not shown');

  // A SOC 2 report uploaded as a plain document (intake.test.mjs submits one as a report).
  await page.getByRole('button', { name: /^Upload a document/ }).click();
  const up = page.getByRole('form', { name: 'Upload a document' });
  await up.getByRole('button', { name: 'Upload' }).click();
  await up.locator('.field-error', { hasText: 'choose a file' }).waitFor();
  await up
    .getByLabel(/^File/)
    .setInputFiles({ name: 'relay-soc2-type2-2026.pdf', mimeType: 'application/pdf', buffer: pdf });
  assert((await up.getByLabel('What is it?').inputValue()) === 'soc2', 'a SOC 2 report by default');
  // The day the report was signed, kept beside the upload time (the evidence bundle has both).
  await up.getByLabel(/^In effect from/).fill('2026-03-31');
  await up.getByRole('button', { name: 'Upload' }).click();
  await page.getByText('SOC 2 report - relay-soc2-type2-2026.pdf uploaded.').waitFor();
  const docs = page.locator('section', { has: page.locator('#sec-documents') });
  await docs.getByRole('link', { name: 'SOC 2 report - relay-soc2-type2-2026.pdf' }).waitFor();
  await docs.getByText(/In effect from 31 Mar 2026/).waitFor();

  // Requests from our reviews are answered in their own section (requests.test.mjs); the old
  // free-form "Answer a request" document is gone.
  await page.getByRole('heading', { name: 'Requests for information' }).waitFor();
  assert((await page.getByRole('button', { name: 'Answer a request' }).count()) === 0, 'no free-form answer document');

  // The officers see what the contact sent.
  const seen = await api(server, 'security_officer', 'GET', `/api/v1/parties/${server.contactParty}/documents`);
  const names = seen.items.map((d) => d.filename);
  assert(names.includes('SOC 2 report - relay-soc2-type2-2026.pdf'), 'the officer sees the SOC 2 report');
  const notices = await api(
    server,
    'security_officer',
    'GET',
    `/api/v1/change-notices?party_id=${server.contactParty}`,
  );
  assert(
    notices.items.some((c) => c.title === 'New SMS carrier for Canada'),
    'the officer sees the change notice',
  );

  await checkA11y(page, 'third-party');
  await shot(page, 'third-party');

  // What became of the change is the officers' to record, offered as the notice's
  // allowed_actions: the contact and the auditor see no such button; the Security Officer
  // withdraws it after a second question.
  assert((await changes.getByRole('button', { name: /^Withdraw/ }).count()) === 0, 'the contact records nothing');
  const officer = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(officer, server, '/parties/' + server.contactParty);
  const officerChanges = officer.locator('section', { has: officer.locator('#sec-changes') });
  const canada = officerChanges.locator('tr', { hasText: 'New SMS carrier for Canada' });
  await canada.getByRole('button', { name: /^Mark implemented…/ }).waitFor();
  await canada.getByRole('button', { name: /^Withdraw…/ }).click();
  await canada.getByRole('button', { name: 'Yes, withdraw it' }).click();
  await officer.getByText('Change notice “New SMS carrier for Canada” withdrawn.').waitFor();
  await canada.getByText('Withdrawn', { exact: true }).waitFor();
  assert((await canada.getByRole('button').count()) === 0, 'a withdrawn change offers nothing more');
  const auditor = await newPage(browser, server, { email: 'auditor@luma.example' });
  await goto(auditor, server, '/parties/' + server.contactParty);
  await auditor
    .locator('section', { has: auditor.locator('#sec-changes') })
    .getByText('New SMS carrier for Canada', { exact: true })
    .waitFor();
  assert((await auditor.locator('.change-actions').count()) === 0, 'the auditor records nothing');

  // Another party's page: not found, cleanly.
  const others = await api(server, 'security_officer', 'GET', '/api/v1/parties?limit=5');
  const other = others.items.find((p) => p.id !== server.contactParty);
  await goto(page, server, '/parties/' + other.id);
  await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
  await page.getByText('not yours to see').waitFor();
  assert((await page.getByText(other.name).count()) === 0, "the other party's name is not shown");
  await checkA11y(page, 'third-party-not-found');
  await shot(page, 'third-party-not-found');
  await page.getByRole('link', { name: "Go to your organisation's page" }).click();
  await page.getByRole('heading', { name: 'Relay SMS', level: 1 }).waitFor();

  // Phone width.
  const phone = await newPage(browser, server, {
    email: 'contact@relaysms.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phone, server, '/');
  await phone.getByRole('heading', { name: 'Relay SMS', level: 1 }).waitFor();
  await phone.getByRole('heading', { name: 'Change notices' }).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `no sideways scrolling at 390 px (overflow ${overflow})`);
  await shot(phone, 'third-party-phone');
});
