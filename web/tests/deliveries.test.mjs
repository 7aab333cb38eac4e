// Journey: text messages and calls (issue 26). The Security Officer adds a phone number on Your
// account (a number in the wrong form is refused beside the field) and chooses text messages for
// reminders; then Deliveries: the delivery rate per channel (uPlot, with its text alternative)
// and the demo's messages, one of which was delivered (queued, sent, delivered) and one that
// failed with the provider's error. Staff have no Deliveries. Laptop width, axe on each screen.
import { api, assert, checkA11y, goto, journey, navLink, navTo, newPage, shot } from './harness.mjs';

await journey('notifications by text message, and deliveries', async ({ server, browser }) => {
  const officer = await newPage(browser, server, { email: 'privacy@luma.example' });
  await goto(officer, server, '/account');
  const section = officer.locator('section', { has: officer.getByRole('heading', { name: 'Notifications' }) });
  await section.getByLabel('Mobile phone number').waitFor();
  await section.getByLabel('Mobile phone number').fill('0415 555 0123');
  await section.getByLabel('Reminders and notices about your work by text message').check();
  await section.getByRole('button', { name: 'Save notifications' }).click();
  await section.getByText('must be an E.164 phone number like +14155550123').waitFor();
  await checkA11y(officer, 'notifications-refused');
  await section.getByLabel('Mobile phone number').fill('+14155550177');
  await section.getByRole('button', { name: 'Save notifications' }).click();
  await section.getByText('Your notification choices are saved.').waitFor();
  const prefs = await api(server, 'privacy_officer', 'GET', '/api/v1/account/notifications');
  assert(prefs.phone === '+14155550177', 'the server keeps the number');
  assert(prefs.channels.reminders.join() === 'email,sms', 'reminders by email and text: ' + prefs.channels.reminders);
  await section.getByRole('button', { name: 'Send me a test text message' }).click();
  await section.getByText('A test text message is on its way to +14155550177.').waitFor();
  await checkA11y(officer, 'notifications');
  await shot(officer, 'notifications');

  // The navigation's menus by keyboard: Enter opens one, Tab reaches its links, Escape closes
  // it and leaves focus on its button.
  const admin = officer.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Administration' });
  await admin.focus();
  await officer.keyboard.press('Enter');
  assert((await admin.getAttribute('aria-expanded')) === 'true', 'Enter opens the menu');
  await officer.keyboard.press('Tab');
  assert(
    (await officer.evaluate(() => document.activeElement?.textContent)) === 'Accounts',
    'Tab reaches the first link of the menu',
  );
  await officer.keyboard.press('Escape');
  assert((await admin.getAttribute('aria-expanded')) === 'false', 'Escape closes the menu');
  assert(await admin.evaluate((b) => b === document.activeElement), 'focus is back on the menu button');

  // Deliveries: the chart and the demo's messages.
  await navTo(officer, 'Deliveries');
  await officer.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
  assert((await admin.getAttribute('aria-expanded')) === 'false', 'choosing a link closes the menu');
  assert((await admin.getAttribute('aria-current')) === 'true', 'the menu holding the page is marked');
  await officer.getByRole('img', { name: /^Share of messages delivered per day and channel/ }).waitFor();
  const rows = officer.getByRole('row').filter({ hasText: 'Text message' });
  await rows.first().waitFor();
  assert((await rows.filter({ hasText: 'Failed' }).count()) >= 1, 'a failed text message is listed');
  await checkA11y(officer, 'deliveries');
  await shot(officer, 'deliveries');

  const delivered = officer
    .getByRole('row')
    .filter({ hasText: 'Reminder: Security review of Relay SMS is due in 7 days' });
  await delivered.getByRole('link').click();
  await officer
    .getByRole('heading', { name: 'Reminder: Security review of Relay SMS is due in 7 days', level: 1 })
    .waitFor();
  const history = officer.locator('.delivery-history li');
  await history.nth(2).waitFor();
  const steps = await history.locator('strong').allTextContents();
  assert(steps.join(',') === 'Waiting to be sent,Sent,Delivered', 'the history: ' + steps.join(','));
  await checkA11y(officer, 'delivery');

  await goto(officer, server, '/deliveries');
  await officer
    .getByRole('row')
    .filter({ hasText: 'Due tomorrow: SLA review: Brightcode Studio' })
    .getByRole('link')
    .click();
  await officer.getByText('undelivered (error 30003)').first().waitFor();
  await shot(officer, 'delivery-failed');

  // Staff: no Deliveries in the navigation, and the address says it is not available.
  const staff = await newPage(browser, server, { email: 'staff@luma.example' });
  await goto(staff, server, '/');
  await navLink(staff, 'Parties').waitFor({ state: 'attached' });
  assert((await navLink(staff, 'Deliveries').count()) === 0, 'staff have no Deliveries');
  // Nothing in Administration is for staff, so the menu is not there at all.
  assert(
    (await staff.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Administration' }).count()) ===
      0,
    'no empty Administration menu for staff',
  );
});
