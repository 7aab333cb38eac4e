// Journey: accounts, entitlement reviews and your own account (issue 20 item 12), and the trust
// center on a phone. The Security Officer finds the new hire waiting for onboarding, is told
// in words which records are missing, enters them and activates the account; opens an
// entitlement review, keeps one line, is asked why before revoking another and cannot decide
// a line about themself; on their own account page makes new recovery codes (copied and
// downloaded), makes and revokes an API token, changes the password and signs out everywhere.
// A visitor reads the trust center 375 px wide without scrolling sideways. No screen shows a
// raw ISO date. axe and a screenshot on each new page.
import { readFileSync } from 'node:fs';
import { api, assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

const RAW_ISO = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?/;

async function noRawDates(page, name) {
  const text = await page.evaluate(() => document.body.innerText);
  const m = text.match(RAW_ISO);
  assert(!m, `${name} shows a raw ISO date: “…${m && text.slice(Math.max(0, m.index - 40), m.index + 30)}…”`);
}

await journey('accounts', async ({ server, browser }) => {
  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await so.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await goto(so, server, '/');
  await so.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
  await so.locator('main .card').first().waitFor();
  await noRawDates(so, 'my work');
  await navTo(so, 'Accounts');
  await so.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
  const hire = so.locator('table.accounts-table tr', { hasText: 'Robin Park' });
  await hire.getByText('Waiting for onboarding').waitFor();
  await hire.getByText('2 of 5 records missing').waitFor();
  await so.getByLabel('Status').selectOption('pending');
  await so.waitForURL(/status=pending/);
  // The unfiltered table stays on screen until the filtered page arrives: wait for the change.
  await so
    .waitForFunction(() => document.querySelectorAll('table.accounts-table tbody tr').length === 1, null, {
      timeout: 15000,
    })
    .catch(() => {});
  assert((await so.locator('table.accounts-table tbody tr').count()) === 1, 'only the new hire is pending');
  await so.locator('table.accounts-table tbody tr', { hasText: 'Robin Park' }).waitFor();
  await checkA11y(so, 'accounts');
  await noRawDates(so, 'accounts');
  await shot(so, 'accounts');

  // The gate says in words what is missing; the records are entered; the account activates.
  await hire.getByRole('link', { name: 'Robin Park' }).click();
  await so.getByRole('heading', { name: 'Robin Park', level: 1 }).waitFor();
  await so.getByText('Needed before the account can be activated: Policy acknowledgement, Managed device.').waitFor();
  await so.getByRole('button', { name: 'Activate', exact: true }).click();
  const activate = so.getByRole('form', { name: 'Activate' });
  await activate.getByLabel(/^Reason/).fill('Onboarding finished.');
  await activate.getByRole('button', { name: 'Activate', exact: true }).click();
  await activate.getByText(/It can be activated once these records are entered: Policy acknowledgement/).waitFor();
  const record = so.getByRole('form', { name: 'Add an onboarding record' });
  await record.getByLabel(/^Record/).selectOption('policy_acknowledgement');
  await record.getByRole('button', { name: 'Add the record' }).click();
  await so.getByText('Policy acknowledgement recorded.').waitFor();
  await record.getByLabel(/^Record/).selectOption('managed_device');
  await record.getByLabel('Enrolled in device management').check();
  await record.getByLabel('Disk encrypted').check();
  await record.getByLabel('Endpoint protection running').check();
  await record.getByLabel(/^Where the proof is kept/).fill('Device inventory: LAP-0412');
  await record.getByRole('button', { name: 'Add the record' }).click();
  await so.getByText('Managed device recorded.').waitFor();
  await so.getByText('All five records are entered.', { exact: false }).waitFor();
  // The activation form stayed open with what was typed: send it again.
  await activate.getByRole('button', { name: 'Activate', exact: true }).click();
  await so.getByText('Activated: they can sign in.').waitFor();
  await so.locator('.review-history').getByText('Activated', { exact: true }).waitFor();
  await so.getByRole('button', { name: 'Deactivate' }).waitFor();
  await checkA11y(so, 'an account');
  await noRawDates(so, 'an account');
  await shot(so, 'account');

  // An entitlement review: keep one line, a reason before revoking, never one's own line.
  await navTo(so, 'Accounts');
  await so.getByRole('main').getByRole('link', { name: 'Entitlement reviews' }).click();
  await so.getByRole('heading', { name: 'Entitlement reviews', level: 1 }).waitFor();
  await so.getByRole('button', { name: 'Open a review now' }).click();
  await so
    .getByRole('form', { name: 'Open an entitlement review now' })
    .getByLabel(/^Who it reviews/)
    .selectOption('regular');
  await so.getByRole('button', { name: 'Open the review' }).click();
  await so.getByRole('heading', { name: /Ad-hoc regular entitlement review/, level: 1 }).waitFor();
  const alex = so.locator('table.lines-table tr', { hasText: 'Alex Chen as Staff' });
  await alex.getByLabel('Reason').fill('Still on the platform team.');
  await alex.getByRole('button', { name: /^Keep/ }).click();
  await so.getByText('Kept: Alex Chen as Staff.').waitFor();
  await alex.getByText('Kept', { exact: true }).waitFor();
  const jordan = so.locator('table.lines-table tr', { hasText: /Jordan Blake .* as Auditor/ });
  await jordan.getByRole('button', { name: /^Revoke/ }).click();
  await jordan.getByText('Say why the access ends.').waitFor();
  await jordan.getByLabel('Reason').fill('The audit engagement has ended.');
  await jordan.getByRole('button', { name: /^Revoke/ }).click();
  await so.getByText(/^Revoked: Jordan Blake .* as Auditor\. The access has ended\.$/).waitFor();
  await checkA11y(so, 'an entitlement review');
  await noRawDates(so, 'an entitlement review');
  await shot(so, 'entitlement-review');
  // An elevated review lists the officer's own account: someone else decides that line.
  const elevated = await api(server, 'security_officer', 'POST', '/api/v1/entitlement-reviews', { scope: 'elevated' });
  await goto(so, server, `/entitlement-reviews/${elevated.id}`);
  const own = so.locator('table.lines-table tr', { hasText: 'Sam Rivera as Security Officer' });
  await own.getByText('Someone else decides this line.').waitFor();
  assert((await own.getByRole('button').count()) === 0, 'no buttons on a line about oneself');
  await so
    .locator('table.lines-table tr', { hasText: 'Priya Shah as Privacy Officer' })
    .getByRole('button', { name: /^Keep/ })
    .waitFor();
  await goto(so, server, '/entitlement-reviews');
  await so
    .locator('table.campaigns-table')
    .getByRole('link', { name: /Ad-hoc elevated entitlement review/ })
    .waitFor();
  await noRawDates(so, 'entitlement reviews');
  await checkA11y(so, 'entitlement reviews');
  await shot(so, 'entitlement-reviews');

  // Titles composed by the server read as dates too (the reviews list).
  await goto(so, server, '/reviews');
  await so.locator('table tbody tr').first().waitFor();
  await noRawDates(so, 'reviews');

  // Your account: recovery codes, API tokens, password, sign out everywhere.
  await so.locator('header a.who').click();
  await so.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  const codes = so.getByRole('form', { name: 'Make new recovery codes' });
  await codes.getByLabel(/^Your password/).fill('not the password');
  await codes.getByRole('button', { name: 'Make new recovery codes' }).click();
  await codes.locator('.field-invalid .field-error').waitFor();
  await codes.getByLabel(/^Your password/).fill(server.passwords['officer@luma.example']);
  await codes.getByRole('button', { name: 'Make new recovery codes' }).click();
  const list = so.getByRole('list', { name: 'Your new recovery codes' });
  await list.waitFor();
  const shown = (await list.locator('code').allInnerTexts()).map((c) => c.trim());
  assert(shown.length === 10, `ten codes (${shown.length})`);
  await so.getByRole('button', { name: 'Copy' }).click();
  await so.getByText('Copied.').waitFor();
  const copied = await so.evaluate(() => navigator.clipboard.readText());
  assert(copied.trim().split('\n').join() === shown.join(), 'Copy puts the ten codes on the clipboard');
  const [download] = await Promise.all([
    so.waitForEvent('download'),
    so.getByRole('button', { name: 'Download' }).click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  assert(download.suggestedFilename() === 'accord-recovery-codes.txt', 'the file is named for what it holds');
  assert(shown.every((c) => file.includes(c)) && file.includes('officer@luma.example'), 'the file holds every code');

  const tokens = so.getByRole('form', { name: 'Make an API token' });
  await tokens.getByLabel(/^Name/).fill('nightly export');
  await tokens.getByLabel(/^Access/).selectOption('auditor');
  await tokens.getByRole('button', { name: 'Make the token' }).click();
  const secret = (await so.getByRole('list', { name: 'Your new API token' }).locator('code').innerText()).trim();
  assert(/^acc_/.test(secret), 'the new token is shown once');
  const row = so.locator('table.tokens-table tr', { hasText: 'nightly export' });
  await row.getByText('Read-only (Auditor)').waitFor();
  const me = await fetch(server.url + '/api/v1/parties?limit=1', { headers: { Authorization: 'Bearer ' + secret } });
  assert(me.status === 200, 'the new token works');
  await checkA11y(so, 'your account');
  await noRawDates(so, 'your account');
  await shot(so, 'your-account');
  await row.getByRole('button', { name: /^Revoke/ }).click();
  await so.getByText('The token “nightly export” is revoked', { exact: false }).waitFor();
  await so.locator('table.tokens-table tr', { hasText: 'nightly export' }).waitFor({ state: 'detached' });

  const password = so.getByRole('form', { name: 'Change your password' });
  await password.getByLabel(/^Current password/).fill(server.passwords['officer@luma.example']);
  await password.getByLabel(/^New password\s*\*?$/).fill('quiet meadow lantern 2047');
  await password.getByLabel(/^New password again/).fill('quiet meadow lantern 2048');
  await password.getByRole('button', { name: 'Change the password' }).click();
  await password.getByText('is not the same as the new password').waitFor();
  await password.getByLabel(/^New password again/).fill('quiet meadow lantern 2047');
  await password.getByRole('button', { name: 'Change the password' }).click();
  await so.getByText('Your password is changed.', { exact: false }).waitFor();
  await so.getByRole('button', { name: 'Sign out everywhere' }).click();
  await so.getByText('You are signed out.').waitFor();

  // A contact reaches its own account page too; the accounts list is not for it.
  const contact = await newPage(browser, server, { email: 'contact@relaysms.example' });
  await goto(contact, server, '/account');
  await contact.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  await goto(contact, server, '/accounts');
  await contact.getByRole('heading', { name: 'Not available', level: 1 }).waitFor();

  // The new screens on a phone: nothing scrolls sideways.
  const small = await newPage(browser, server, {
    email: 'privacy@luma.example',
    viewport: { width: 375, height: 812 },
  });
  for (const path of ['/accounts', '/account', `/entitlement-reviews/${elevated.id}`]) {
    await goto(small, server, path);
    await small.locator('main h1').waitFor();
    await small.locator('main .card, main table').first().waitFor();
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `${path}: no sideways scrolling at 375 px (overflow ${overflow})`);
  }
  await shot(small, 'entitlement-review-phone');

  // The trust center on a phone: the portal's look, no sideways scrolling, no raw dates.
  const phone = await newPage(browser, server, { viewport: { width: 375, height: 812 } });
  for (const path of ['/trust', '/trust/request']) {
    await phone.goto(server.url + path);
    await phone.locator('h1').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `${path}: no sideways scrolling at 375 px (overflow ${overflow})`);
    await noRawDates(phone, path);
    await checkA11y(phone, path);
  }
  await phone.goto(server.url + '/trust');
  const font = await phone.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert(font.startsWith('system-ui'), `the portal's fonts (${font})`);
  await shot(phone, 'trust-phone');
});
