// Journey: the day's intake and plain words (issue 20, items 6, 7, 9, 10). Relay SMS's contact
// submits its SOC 2 report as such (an empty form first: each error beside its field), sees it
// await review and never our review of it; the Security Officer reviews it, is told beside
// the field when a HIPAA citation is not one, records an exception and a control, and the
// exception opens a finding.
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const pdf = (tag) =>
  Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

await journey('intake', async ({ server, browser }) => {
  // ---- 6. SOC 2 intake: the contact submits ----
  const contact = await newPage(browser, server, { email: 'contact@relaysms.example' });
  await goto(contact, server, '/#sec-soc2');
  const soc2 = contact.locator('section', { has: contact.locator('#sec-soc2') });
  await soc2.getByRole('heading', { name: 'SOC 2 reports' }).waitFor();
  await soc2.getByRole('button', { name: 'Submit a SOC 2 report' }).click();
  const form = soc2.getByRole('form', { name: 'SOC 2 report' });
  await form.getByRole('button', { name: 'Submit the report' }).click();
  await form.locator('.field-error', { hasText: 'choose a file' }).waitFor();
  await form
    .getByLabel(/^The report/)
    .setInputFiles({ name: 'relay-soc2-2026.pdf', mimeType: 'application/pdf', buffer: pdf('r') });
  await form.getByRole('button', { name: 'Submit the report' }).click();
  // The server's own reasons, beside the fields they concern.
  await form.locator('.field-error').first().waitFor();
  assert((await form.getByLabel(/^Audit firm/).getAttribute('aria-invalid')) === 'true', 'the auditor is marked');
  assert((await form.getByLabel(/^Period to/).getAttribute('aria-invalid')) === 'true', 'the period end is marked');
  await form.getByLabel(/^Audit firm/).fill('Example Assurance LLP');
  await form.getByLabel(/^Period from/).fill(day(-380));
  await form.getByLabel(/^Period to/).fill(day(-20));
  await form.getByLabel(/^The auditor's opinion/).selectOption('qualified');
  await form
    .getByLabel(/^The letter/)
    .setInputFiles({ name: 'bridge.pdf', mimeType: 'application/pdf', buffer: pdf('b') });
  await form.getByLabel(/^Covers until/).fill(day(60));
  await checkA11y(contact, 'intake-soc2-form');
  await form.getByRole('button', { name: 'Submit the report' }).click();
  await contact.getByText(/SOC 2 Type II report from Example Assurance LLP submitted: we will review it/).waitFor();
  const row = soc2.locator('tbody tr').first();
  await row.getByText('Awaiting review').waitFor();
  await row.getByText(/Bridge letter to/).waitFor();
  assert(
    (await soc2.getByRole('columnheader', { name: 'What we found' }).count()) === 0,
    'no review column for the contact',
  );
  assert((await row.getByRole('button', { name: 'Review…' }).count()) === 0, 'the contact does not review');
  await shot(contact, 'intake-soc2-submitted');

  // ---- the Security Officer reviews ----
  const officer = await newPage(browser, server, { email: 'officer@luma.example' });
  // It waits in the Security Officer's My work, linked to where it is reviewed.
  await goto(officer, server, '/');
  await officer.getByRole('heading', { name: /SOC 2 reports to review/ }).waitFor();
  await officer.getByRole('link', { name: /SOC 2 Type II report from Example Assurance LLP/ }).click();
  await officer.locator('#sec-soc2').waitFor();
  const ours = officer.locator('section', { has: officer.locator('#sec-soc2') });
  const submitted = ours.locator('tbody tr', { hasText: 'Awaiting review' });
  await submitted.getByText('Not reviewed yet').waitFor();
  await submitted.getByRole('button', { name: 'Review…' }).click();
  const review = ours.getByRole('form', { name: 'SOC 2 review' });
  await review.getByRole('button', { name: 'Add an exception' }).click();
  await review.getByLabel(/^Exception 1: control/).fill('CC6.1 logical access');
  await review.getByLabel(/^Severity/).selectOption('high');
  await review.getByLabel(/^What the auditor found/).fill('A shared administrator account on the SMS gateway.');
  await review.getByRole('button', { name: 'Add a control' }).click();
  await review.getByLabel(/^Control 1/).fill('We enforce MFA for our users of their console');
  await review.getByLabel(/^Owner here/).selectOption({ index: 1 });
  await review.getByLabel(/^HIPAA specification/).fill('164.999(z)');
  await review.getByRole('button', { name: 'Record the review' }).click();
  const citeError = review.locator('.field-error', { hasText: 'not a HIPAA section' });
  await citeError.waitFor();
  assert(
    (await review.getByLabel(/^HIPAA specification/).getAttribute('aria-invalid')) === 'true',
    'the citation is marked',
  );
  await checkA11y(officer, 'intake-soc2-review-form');
  await shot(officer, 'intake-soc2-review-error');
  await review.getByLabel(/^HIPAA specification/).fill('164.308(a)(1)(ii)(A)');
  await review.getByLabel('In place today').check();
  await review.getByRole('button', { name: 'Record the review' }).click();
  // The qualified opinion and the exception: two findings.
  await officer.getByText('SOC 2 report reviewed: 2 findings opened.').waitFor();
  const reviewed = ours.locator('tbody tr', { hasText: 'CC6.1 logical access' });
  await reviewed.getByText('Reviewed', { exact: true }).waitFor();
  await reviewed.getByText('2 findings opened').waitFor();
  const tag = reviewed.locator('.req-tag', { hasText: '164.308(a)(1)(ii)(A)' });
  assert((await tag.getAttribute('title')).includes('HIPAA'), 'the citation is a tag with its meaning on hover');
  await shot(officer, 'intake-soc2-reviewed');
  const findings = await api(server, 'security_officer', 'GET', `/api/v1/findings?party_id=${server.contactParty}`);
  assert(
    findings.items.some((f) => f.title.includes('CC6.1 logical access')),
    'the exception opened a finding',
  );

  // The contact sees that it was reviewed, and nothing of what we found.
  await contact.reload();
  await soc2.locator('tbody tr').first().getByText('Reviewed', { exact: true }).waitFor();
  assert(
    (await contact.getByText('CC6.1 logical access').count()) === 0,
    'our exceptions are not shown to the contact',
  );
  await checkA11y(contact, 'intake-soc2-contact-after');

  // ---- 9. Plain words ----
  // An officer's address opened by the contact: "not available", with the way back.
  for (const path of ['/access', '/reviews', '/ledger', '/dashboard']) {
    await goto(contact, server, path);
    await contact.getByRole('heading', { name: 'Not available', level: 1 }).waitFor();
    await contact.getByText('not available to your organisation’s account').waitFor();
  }
  await checkA11y(contact, 'intake-not-available');
  await shot(contact, 'intake-not-available');
  await contact.getByRole('link', { name: "Go to your organisation's page" }).click();
  await contact.getByRole('heading', { name: 'Relay SMS', level: 1 }).waitFor();

  // Requirement ids are small tags with their statement on hover, never the words themselves.
  await goto(officer, server, '/reviews');
  const kindCell = officer.locator('td[data-label="Kind"]').first();
  await kindCell.waitFor();
  const tagTitle = await kindCell.locator('.req-tag').getAttribute('title');
  assert(tagTitle && tagTitle.length > 20, `the requirement tag explains itself (${tagTitle})`);
  assert(!/\(TP-\d+\)/.test(await kindCell.innerText()), 'no requirement code in parentheses in the words');
  // No role keys on the screens a person reads.
  for (const path of ['/reviews', '/parties/' + server.contactParty, '/access']) {
    await goto(officer, server, path);
    await officer.locator('main h1').first().waitFor();
    await officer.waitForLoadState('networkidle');
    const text = await officer.locator('main').innerText();
    for (const key of ['security_officer', 'privacy_officer', 'third_party_contact', 'CONTRACT.md', '/api/v1']) {
      assert(!text.includes(key), `${path} shows "${key}"`);
    }
  }
  await checkA11y(officer, 'intake-access-plain');

  // ---- 7. A review says what it is about ----
  const relayReviews = await api(
    server,
    'security_officer',
    'GET',
    `/api/v1/reviews?party_id=${server.contactParty}&review_kind=party_review`,
  );
  const partyReview = relayReviews.items.find((r) => r.status === 'assigned' || r.status === 'open');
  assert(partyReview, 'the demo has an open review of Relay SMS');
  if (partyReview.status === 'open') {
    const privacy = (await api(server, 'security_officer', 'GET', '/api/v1/users?limit=500')).items.find(
      (u) => u.role === 'privacy_officer',
    );
    await api(server, 'security_officer', 'POST', `/api/v1/reviews/${partyReview.id}/actions`, {
      action: 'assign',
      assignee_id: privacy.id,
    });
  }
  const relayDocs = await api(server, 'security_officer', 'GET', `/api/v1/parties/${server.contactParty}/documents`);
  const evidence = relayDocs.items.find((d) => d.filename === 'SOC 2 report - relay-soc2-2026.pdf');
  await api(server, 'privacy_officer', 'POST', `/api/v1/reviews/${partyReview.id}/actions`, {
    action: 'document',
    documentation: {
      sla_performance: 'Uptime 99.95% against 99.9%.',
      security_performance: 'One qualified SOC 2 opinion, followed up.',
      compliance_performance: 'BAA and SLA in force.',
      contacts_confirmed: true,
      evidence: [evidence.id],
    },
  });
  const po = await newPage(browser, server, { email: 'privacy@luma.example' });
  await goto(po, server, '/reviews/' + partyReview.id);
  const about = po.locator('section', { has: po.locator('#about') });
  await about.getByRole('heading', { name: 'What this review is about' }).waitFor();
  await about.getByText(/SLA terms: uptime 99.9%/).waitFor();
  await about.getByText(/SOC 2 Type II from Example Assurance LLP/).waitFor();
  await about.getByText(/CC6.1 logical access/).waitFor();
  await about.getByRole('link', { name: 'SOC 2 report - relay-soc2-2026.pdf' }).waitFor();
  // Blocked before the click, in words: the Privacy Officer does not approve in this profile.
  const blocked = po.locator('#approval-blocked');
  await blocked.getByText('Only the Security Officer approves reviews.').waitFor();
  // The documentation's evidence by name, never by id.
  const documentation = po.locator('section', { has: po.locator('#documentation') });
  await documentation.getByRole('link', { name: 'SOC 2 report - relay-soc2-2026.pdf' }).waitFor();
  assert(!(await documentation.innerText()).includes(evidence.id), 'no raw document id in the documentation');
  await checkA11y(po, 'intake-review-context');
  await shot(po, 'intake-review-context');

  // The partner-list review shows the list it asks to confirm.
  const lists = await api(server, 'security_officer', 'GET', '/api/v1/reviews?review_kind=partner_list_review');
  const listReview =
    lists.items[0] ||
    (await api(server, 'security_officer', 'POST', '/api/v1/reviews', {
      review_kind: 'partner_list_review',
      due_at: new Date(Date.now() + 30 * 86400000).toISOString(),
    }));
  await goto(officer, server, '/reviews/' + listReview.id);
  const table = officer.locator('table.partner-list');
  await table.locator('tr', { hasText: 'Relay SMS' }).getByText('SMS appointment reminders').waitFor();
  await officer.getByText(/nothing to compare with|Compared with the list approved on/).waitFor();
  await checkA11y(officer, 'intake-partner-list');
  await shot(officer, 'intake-partner-list');
});
