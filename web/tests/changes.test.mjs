// Journey: change control (TR-5) and the audit calendar (TR-6). Staff submits a change (and is
// told what is missing first); the demo's change for Relay SMS's v2 API is reviewed by the
// Privacy Officer and approved by the Security Officer, who is then offered no release (the
// approver does not release); the demo's finished change shows its four people and its GitHub
// review; the emergency change says its retrospective review is owed; the calendar shows an
// agreement expiry as an all-day entry. axe and a screenshot on each page.
import { api, assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

await journey('change control and calendar', async ({ server, browser }) => {
  const changes = (await api(server, 'security_officer', 'GET', '/api/v1/change-requests?limit=50')).items;
  const byTitle = (t) => changes.find((c) => c.title === t);
  const vendor = byTitle("Move the messaging service to Relay SMS's v2 API");
  const done = byTitle("Upgrade the Luma platform's database driver");
  const emergency = byTitle('Block the exploited file-upload endpoint');
  assert(vendor && done && emergency, 'the demo has its three changes');

  // Staff: the list, then a new change (the form names what is missing).
  const staff = await newPage(browser, server, { email: 'staff@luma.example' });
  await goto(staff, server, '/');
  await navTo(staff, 'Changes');
  await staff.getByRole('heading', { name: 'Changes', level: 1 }).waitFor();
  await staff.locator('table.changes-table').getByRole('link', { name: emergency.title }).waitFor();
  await checkA11y(staff, 'change list');
  await shot(staff, 'changes');
  await staff.getByRole('button', { name: 'Submit a change' }).click();
  const submit = staff.getByRole('form', { name: 'Submit a change' });
  await submit.getByLabel(/^What changes/).fill('Turn on TLS 1.3 only for the portal');
  await submit.getByRole('button', { name: 'Submit the change' }).click();
  await submit.locator('.field-invalid .field-error').first().waitFor();
  await submit.getByLabel(/^Description/).fill('Drop TLS 1.2 from the portal listener.');
  await submit.getByLabel(/^System it touches/).selectOption({ label: 'Luma platform (production)' });
  await submit.getByLabel(/^Backout plan/).fill('Re-enable TLS 1.2 in the listener configuration.');
  await submit.getByRole('button', { name: 'Submit the change' }).click();
  await staff.getByRole('heading', { name: 'Turn on TLS 1.3 only for the portal', level: 1 }).waitFor();
  await staff.getByRole('form', { name: 'Record test evidence' }).waitFor();

  // The author of the vendor change is offered no review of it.
  await goto(staff, server, `/changes/${vendor.id}`);
  await staff.getByRole('heading', { name: vendor.title, level: 1 }).waitFor();
  assert((await staff.getByRole('form', { name: 'Review the change' }).count()) === 0, 'the author does not review');

  // The Privacy Officer reviews it.
  const po = await newPage(browser, server, { email: 'privacy@luma.example' });
  await goto(po, server, `/changes/${vendor.id}`);
  const review = po.getByRole('form', { name: 'Review the change' });
  await review.getByLabel(/^Comment/).fill('Retries and receipts look right.');
  await review.getByRole('button', { name: 'Mark as reviewed' }).click();
  await po.getByText('Reviewed.', { exact: true }).waitFor();
  assert((await po.getByRole('form', { name: 'Approve the change' }).count()) === 0, 'the reviewer does not approve');
  await checkA11y(po, 'change reviewed');

  // The Security Officer approves; then is offered no release.
  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(so, server, `/changes/${vendor.id}`);
  await so.getByRole('form', { name: 'Approve the change' }).getByRole('button', { name: 'Approve' }).click();
  await so.getByText('Approved.', { exact: true }).waitFor();
  assert((await so.getByRole('form', { name: 'Record the release' }).count()) === 0, 'the approver does not release');
  await so.locator('.review-history').getByText('Approved', { exact: true }).waitFor();
  await shot(so, 'change-approved');

  // Whose GitHub reviews count as whose: set on the account by the Security Officer.
  const users = (await api(server, 'security_officer', 'GET', '/api/v1/users?limit=500')).items;
  const alex = users.find((u) => u.email === 'staff@luma.example');
  await goto(so, server, `/accounts/${alex.id}`);
  const logins = so.getByRole('form', { name: 'Code review logins' });
  await logins.getByLabel(/^GitLab username/).fill('alex.chen');
  await logins.getByRole('button', { name: 'Save the logins' }).click();
  await so.getByText('Code review logins saved.').waitFor();
  await checkA11y(so, 'account with code review logins');

  // The finished change: four people, the review from GitHub.
  await goto(so, server, `/changes/${done.id}`);
  await so.getByRole('heading', { name: done.title, level: 1 }).waitFor();
  for (const name of ['Alex Chen', 'Priya Shah', 'Sam Rivera', 'Rae Okafor']) {
    await so.getByText(new RegExp(name)).first().waitFor();
  }
  await so.getByRole('link', { name: 'GitHub' }).first().waitFor();
  await so.getByText('Works as intended').waitFor();
  await checkA11y(so, 'change done');
  await shot(so, 'change-done');

  // The emergency change: released first, its review owed.
  await goto(so, server, `/changes/${emergency.id}`);
  await so.getByText(/Released before its review/).waitFor();
  await so.getByRole('form', { name: 'Review the change' }).waitFor();
  await checkA11y(so, 'emergency change');
  await shot(so, 'change-emergency');

  // The calendar: an agreement expiry, all day, linking to its party.
  const cal = await api(server, 'security_officer', 'GET', '/api/v1/calendar');
  const expiry = cal.items.find((i) => i.kind === 'agreement_expiry');
  assert(expiry && expiry.all_day, 'the demo calendar has an agreement expiry');
  await goto(so, server, `/calendar?month=${expiry.date.slice(0, 7)}`);
  const entry = so.locator(`.cal .day[data-date="${expiry.date}"] .ev-agreement_expiry`).first();
  await entry.waitFor();
  assert((await entry.textContent()).startsWith('Agreement expires'), 'the entry says what expires');
  await checkA11y(so, 'audit calendar');
  await shot(so, 'audit-calendar');
  await entry.click();
  await so.waitForURL(/\/parties\//);
});
