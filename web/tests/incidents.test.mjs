// Journey: incidents (TR-8). The Security Officer finds the demo's closed incident with its
// postmortem, declares a new one (told first what is missing), posts an internal and a public
// update, resolves it and records the postmortem, whose action item opens as a finding; the
// public update is on the status page and the internal one is not; Relay SMS's contact sees the
// demo incident it is involved in, public updates only. axe and a screenshot on each page.
import { api, assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

await journey('incidents', async ({ server, browser }) => {
  const list = (await api(server, 'security_officer', 'GET', '/api/v1/incidents?limit=50')).items;
  const demo = list.find((i) => i.title === 'Appointment reminders by text message delayed');
  assert(demo && demo.status === 'postmortem', 'the demo has its closed incident');

  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(so, server, '/');
  await navTo(so, 'Incidents');
  await so.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
  await so.locator('table.incidents-table').getByRole('link', { name: demo.title }).waitFor();
  await so.getByText(/The next test is due by/).waitFor();
  await checkA11y(so, 'incident list');
  await shot(so, 'incidents');

  // The demo's incident: its timeline and its postmortem's action item.
  await so.locator('table.incidents-table').getByRole('link', { name: demo.title }).click();
  await so.getByRole('heading', { name: demo.title, level: 1 }).waitFor();
  await so.getByText('Relay SMS confirms a carrier route failure', { exact: false }).waitFor();
  await so.getByRole('link', { name: 'Alert when text reminders are more than 15 minutes late' }).waitFor();
  await checkA11y(so, 'closed incident');
  await shot(so, 'incident-closed');

  // Declare one: the form names what is missing first.
  await goto(so, server, '/incidents');
  await so.getByRole('button', { name: 'Declare an incident' }).click();
  const declare = so.getByRole('form', { name: 'Declare an incident' });
  await declare.getByRole('button', { name: 'Declare the incident' }).click();
  await declare.locator('.field-invalid .field-error').first().waitFor();
  await declare.getByLabel(/^What is happening/).fill('Care-team API answers slowly');
  const earlier = new Date(Date.now() - 30 * 60 * 1000);
  const local = new Date(earlier.getTime() - earlier.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await declare.getByLabel(/^Discovered at/).fill(local);
  await declare.getByLabel(/^Status page component/).selectOption({ label: 'Care-team API' });
  await declare.getByRole('button', { name: 'Declare the incident' }).click();
  await so.getByRole('heading', { name: 'Care-team API answers slowly', level: 1 }).waitFor();

  const update = so.getByRole('form', { name: 'Post an update' });
  await update.getByLabel(/^Update/).fill('Journey internal: the connection pool is exhausted.');
  await update.getByRole('button', { name: 'Post the update' }).click();
  await so.getByText('Update posted.', { exact: true }).waitFor();
  await update.getByLabel(/^Update/).fill('Journey public: the care-team API is slow; we found why.');
  await update.getByLabel(/^Who sees it/).selectOption('public');
  await update.getByLabel(/^Incident status/).selectOption('identified');
  await update.getByRole('button', { name: 'Post the update' }).click();
  await so.getByText('Journey public: the care-team API is slow', { exact: false }).waitFor();
  await checkA11y(so, 'open incident');
  await shot(so, 'incident-open');

  // The public page shows the public update only.
  const status = await fetch(`${server.url}/status`).then((r) => r.text());
  assert(status.includes('Journey public: the care-team API is slow'), 'the public update is on /status');
  assert(!status.includes('Journey internal'), 'the internal update is not on /status');

  const resolve = so.getByRole('form', { name: 'Resolve the incident' });
  await resolve.getByLabel(/^Closing update/).fill('The pool was resized; answers are fast again.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await so.getByText('Resolved. The postmortem is owed.').waitFor();
  const pm = so.getByRole('form', { name: 'Record the postmortem' });
  await pm.getByLabel(/^Root cause/).fill('The pool size was set for last year’s load.');
  await pm.getByLabel(/^Lessons learned/).fill('Review pool sizes with each capacity plan.');
  await pm.getByLabel(/^What will be done/).fill('Alert at 80 % pool use');
  await pm.getByLabel(/^Owner/).selectOption({ label: 'Alex Chen' });
  const due = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await pm.getByLabel(/^Due by/).fill(due);
  await pm.getByRole('button', { name: 'Record the postmortem' }).click();
  await so.getByText(/Postmortem recorded/).waitFor();
  await so.getByRole('link', { name: 'Alert at 80 % pool use' }).click();
  await so.getByRole('heading', { name: 'Alert at 80 % pool use', level: 1 }).waitFor();
  await checkA11y(so, 'action item finding');

  // Relay SMS's contact: the demo incident, public updates only.
  const contact = await newPage(browser, server, { email: 'contact@relaysms.example' });
  await goto(contact, server, '/incidents');
  await contact.locator('table.incidents-table').getByRole('link', { name: demo.title }).click();
  await contact.getByRole('heading', { name: demo.title, level: 1 }).waitFor();
  await contact.getByText('Every delayed reminder was delivered', { exact: false }).waitFor();
  assert(
    (await contact.getByText('Relay SMS confirms a carrier route failure', { exact: false }).count()) === 0,
    'the contact does not see internal updates',
  );
  assert((await contact.getByRole('form', { name: 'Post an update' }).count()) === 0, 'the contact is offered no step');
  await checkA11y(contact, 'incident as a contact');
  await shot(contact, 'incident-contact');
});
