// Journey: third-party access requested with the gate deciding live —
// (a) the Security Officer asks for production ePHI for a subcontractor: denied by TP-4 before
// submitting, recorded denied;
// (b) a staff member asks for staging for a customer whose BAA has expired: denied by TP-6,
// then allowed once a BAA is executed (set up over the API), submitted; the Security Officer,
// not the requester (separation of duties), approves it; active.
// Each result shows beside the button that caused it, takes the focus and is red when denied;
// the gate column says what the grant is now; one searchable party picker everywhere.
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('access requests with the live gate', async ({ server, browser }) => {
  const parties = (await api(server, 'security_officer', 'GET', '/api/v1/parties?limit=500')).items;
  const systems = (await api(server, 'security_officer', 'GET', '/api/v1/systems?limit=500')).items;
  const relay = parties.find((p) => p.name === 'Relay SMS');
  const lakeside = parties.find((p) => p.name === 'Lakeside Dental');
  const prod = systems.find((s) => s.environment === 'production' && s.contains_ephi && !s.infrastructure);
  const staging = systems.find((s) => s.environment === 'staging' && !s.contains_ephi && !s.infrastructure);
  assert(relay && lakeside && prod && staging, 'demo parties and systems exist');

  const page = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(page, server, '/access');
  await page.getByRole('heading', { name: 'Access', level: 1 }).waitFor();
  const live = page.locator('#gate-live');
  // Nothing chosen yet: the panel asks for what is missing, softly (no form error).
  await live.getByText(/Fill in .*the party/).waitFor();
  assert((await page.locator('.field-error').count()) === 0, 'incomplete input is not a form error');

  // (a) production ePHI for a third party: TP-4 denies before anything is submitted.
  await page.getByLabel('Party: find a party', { exact: true }).fill('relay');
  await page.getByRole('combobox', { name: 'Party', exact: true }).selectOption(relay.id);
  await page.waitForFunction(() => document.querySelector('select[name="contact_id"]')?.value);
  await page.getByLabel('System (line 1)').selectOption(prod.id);
  await page.getByLabel('Justification (line 1)').fill('Debug delivery failures');
  await page.getByLabel('Purpose').fill('Investigate SMS delivery');
  await live.locator('[data-decision="deny"]').waitFor();
  await live.locator('.gate-rule-deny').getByText('TP-4', { exact: true }).waitFor();
  await live.getByText('third parties never get access to production systems containing ePHI').waitFor();
  assert((await live.getAttribute('aria-live')) === 'polite', 'the decision is announced politely');
  const submitButton = page.getByRole('button', { name: 'Submit the request' });
  await submitButton.click();
  // The result: beside the button, focused, red, with the rule that denied it in words.
  const result = page.locator('#request-result');
  await result.getByText(/Request recorded for Relay SMS: Denied/).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'request-result');
  assert((await result.getAttribute('data-tone')) === 'bad', 'a denied request is shown as a refusal');
  assert((await result.getAttribute('role')) === 'alert', 'a denial is announced');
  const colour = await result.evaluate((el) => getComputedStyle(el).color);
  assert(/rgb\(161, 26, 26\)/.test(colour), `the refusal is red (${colour})`);
  const [button, box] = [await submitButton.boundingBox(), await result.boundingBox()];
  assert(box.y >= button.y && box.y - (button.y + button.height) < 120, 'the result sits right below the button');
  await result.getByText('TP-4', { exact: true }).waitFor();
  await shot(page, 'access-denied-result');
  let row = page.locator('tr[data-grant]').first();
  await row.getByRole('link', { name: 'Relay SMS' }).waitFor();
  await row.getByText('Denied', { exact: true }).first().waitFor();
  // The recorded decision explains itself.
  await row.getByRole('button', { name: /Why\?/ }).click();
  await page.locator('.grant-detail').getByText('TP-4', { exact: true }).first().waitFor();
  await row.getByRole('button', { name: /Hide/ }).click();

  // (b) staging for Lakeside Dental, whose BAA expired, asked by a staff member: TP-6 denies.
  const staff = await newPage(browser, server, { email: 'staff@luma.example' });
  await goto(staff, server, '/access');
  await staff.getByRole('heading', { name: 'Access', level: 1 }).waitFor();
  const staffLive = staff.locator('#gate-live');
  await staff.getByRole('combobox', { name: 'Party', exact: true }).selectOption(lakeside.id);
  await staff.waitForFunction(() => document.querySelector('select[name="contact_id"]')?.value);
  await staff.getByLabel('System (line 1)').selectOption(staging.id);
  await staff.getByLabel('Justification (line 1)').fill('Test the integration');
  await staff.getByLabel('Purpose').fill('Integration testing');
  await staffLive.locator('[data-decision="deny"]').waitFor();
  await staffLive.locator('.gate-rule-deny').getByText('TP-6', { exact: true }).waitFor();
  await staffLive.getByText(/required agreement is missing/).waitFor();
  await checkA11y(page, 'access (deny)');

  // The BAA is executed (set-up over the API), and the officer re-checks.
  const year = 365 * 86400000;
  await api(server, 'security_officer', 'POST', `/api/v1/parties/${lakeside.id}/agreements`, {
    type: 'baa',
    status: 'executed',
    effective_at: new Date(Date.now() - 86400000).toISOString(),
    expires_at: new Date(Date.now() + 2 * year).toISOString(),
    signed_by: 'Dr. Lake',
    baa: {
      safeguards: true,
      subcontractor_flow_down: true,
      incident_reporting: true,
      responsibilities: 'Each party secures ePHI in its custody.',
    },
  });
  await staff.getByLabel('Purpose').fill('Integration testing of the new booking API');
  await staffLive.locator('[data-decision="needs_approval"], [data-decision="allow"]').waitFor();
  const decided = await staffLive.locator('[data-decision]').getAttribute('data-decision');
  await staff.getByRole('button', { name: 'Submit the request' }).click();
  await staff.getByText(/Request recorded for Lakeside Dental/).waitFor();
  const staffRow = staff.locator('tr[data-grant]').first();
  await staffRow.getByRole('link', { name: 'Lakeside Dental' }).waitFor();
  assert((await staffRow.getByRole('button', { name: 'Approve' }).count()) === 0, 'the requester cannot approve');
  // Only the grant's allowed_actions become buttons: the Privacy Officer is no approver in this
  // profile, so a requested grant offers them nothing.
  const po = await newPage(browser, server, { email: 'privacy@luma.example' });
  await goto(po, server, '/access');
  const poRow = po.locator('tr[data-grant]', { has: po.getByRole('link', { name: 'Lakeside Dental' }) }).first();
  await poRow.waitFor();
  const poGrant = (await api(server, 'privacy_officer', 'GET', `/api/v1/access/grants?party_id=${lakeside.id}`))
    .items[0];
  assert(
    (await poRow.locator('.grant-actions button').count()) === poGrant.allowed_actions.length,
    `the Privacy Officer's buttons are the server's: ${poGrant.allowed_actions}`,
  );
  await goto(page, server, '/access');
  row = page.locator('tr[data-grant]', { has: page.getByRole('link', { name: 'Lakeside Dental' }) }).first();
  await row.waitFor();
  if (decided === 'needs_approval') {
    await row.getByText('Requested', { exact: true }).waitFor();
    await row.getByText('Needs approval', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Approve' }).click();
    const approved = row.locator('.action-result', { hasText: 'The grant is approved.' });
    await approved.waitFor();
    assert(
      await approved.evaluate((el) => el === document.activeElement),
      'the approval result takes the focus beside its button',
    );
  }
  row = page.locator('tr[data-grant]', { has: page.getByRole('link', { name: 'Lakeside Dental' }) }).first();
  await row.getByText('Active', { exact: true }).waitFor();
  // The gate column: what the grant is now, not only what the gate said when it was asked.
  await row.locator('td[data-label="Gate"]').getByText('Allowed', { exact: true }).waitFor();
  // The same picker filters the grants: one match is chosen, and the address keeps it.
  await page.getByLabel('Filter by party: find a party', { exact: true }).fill('lakes');
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('party_id') === id, lakeside.id);
  // Until the filtered list arrives there are two such rows: wait until none is left.
  await page
    .locator('tr[data-grant]', { has: page.getByRole('link', { name: 'Relay SMS' }) })
    .first()
    .waitFor({ state: 'detached' });
  const grants = (await api(server, 'security_officer', 'GET', `/api/v1/access/grants?party_id=${lakeside.id}`)).items;
  assert(
    grants.some((g) => g.status === 'approved'),
    'the grant is approved on the server',
  );

  // The auditor reads the grants and may do nothing with them.
  const auditor = await newPage(browser, server, { email: 'auditor@luma.example' });
  await goto(auditor, server, '/access');
  await auditor.locator('tr[data-grant]').first().waitFor();
  assert((await auditor.locator('.grant-actions').count()) === 0, 'no grant action for the auditor');

  // Revoke needs a comment: the error shows beside the field.
  await row.getByRole('button', { name: 'Revoke…' }).click();
  await row.getByRole('button', { name: 'Revoke the grant' }).click();
  await row.locator('.field-error').waitFor();
  await checkA11y(page, 'access');
  await shot(page, 'access');
  await row.getByRole('button', { name: 'Cancel' }).click();

  // Phone width: the form, the live decision and the grants stack.
  const phone = await newPage(browser, server, {
    email: 'officer@luma.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phone, server, '/access');
  await phone.getByRole('combobox', { name: 'Party', exact: true }).selectOption(relay.id);
  await phone.getByLabel('System (line 1)').selectOption(prod.id);
  await phone.locator('#gate-live [data-decision="deny"]').waitFor();
  await phone.locator('tr[data-grant]').first().waitFor();
  await checkA11y(phone, 'access phone');
  await shot(phone, 'access-phone');
});
