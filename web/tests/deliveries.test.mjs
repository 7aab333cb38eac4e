// Journey: text messages and calls (issue 26). The Security Officer adds a phone number on Your
// account (a number in the wrong form is refused beside the field) and chooses text messages for
// reminders; then Deliveries: the delivery rate per channel (uPlot, with its text alternative)
// and the demo's messages, one of which was delivered (queued, sent, delivered) and one that
// failed with the provider's error. Staff have no Deliveries. Laptop width, axe on each screen.
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

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

  // Deliveries: the chart and the demo's messages.
  await officer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deliveries' }).click();
  await officer.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
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
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Parties' }).waitFor();
  assert(
    (await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deliveries' }).count()) === 0,
    'staff have no Deliveries',
  );
});
