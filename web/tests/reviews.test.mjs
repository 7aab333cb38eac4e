// Journey: an annual security/compliance/SLA review (TP-11) through the TP-12 workflow in two
// browsers — the Security Officer opens and assigns it, the Privacy Officer documents it, the
// Security Officer rejects it with a comment, the Privacy Officer documents it again and the
// Security Officer approves it (each sees only the actions the server allows them; the auditor
// none); then the calendar shows reviews and an iCal address serves
// text/calendar.
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('review workflow and calendar', async ({ server, browser }) => {
  const parties = (await api(server, 'security_officer', 'GET', '/api/v1/parties?limit=500')).items;
  const nimbus = parties.find((p) => p.name === 'Nimbus Cloud Hosting');
  assert(nimbus, 'the demo has Nimbus Cloud Hosting');
  const due = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);

  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  const po = await newPage(browser, server, { email: 'privacy@luma.example' });

  // The list, then a new party review opened by the Security Officer.
  await goto(so, server, '/reviews');
  await so.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
  await so.locator('.reviews-table tbody tr').first().waitFor();
  await so.getByRole('button', { name: 'Open a review' }).click();
  const nf = so.getByRole('form', { name: 'Open a review' });
  await nf.getByRole('combobox', { name: 'Kind' }).selectOption('party_review');
  await nf.getByRole('combobox', { name: 'Party', exact: true }).selectOption(nimbus.id);
  // A missing due date is reported beside its field.
  await so.getByRole('button', { name: 'Open the review' }).click();
  await so
    .locator('.field-invalid')
    .getByText(/due_at|required|future|must/i)
    .first()
    .waitFor();
  await nf.getByLabel('Due').fill(due);
  await so.getByRole('button', { name: 'Open the review' }).click();
  await so
    .getByRole('heading', { name: /Security, compliance and SLA review: Nimbus Cloud Hosting/, level: 1 })
    .waitFor();
  const id = so.url().split('/').pop();
  assert(id.startsWith('rev_'), 'the new review has its own page');

  // Assign to the Privacy Officer.
  const users = (await api(server, 'security_officer', 'GET', '/api/v1/users?limit=500')).items;
  const priya = users.find((u) => u.email === 'privacy@luma.example');
  await so.getByRole('combobox', { name: 'Assignee' }).selectOption(priya.id);
  await so.getByRole('button', { name: 'Assign', exact: true }).click();
  await so
    .getByText(/Assigned to Priya Shah/)
    .first()
    .waitFor();
  await so.getByText(/waits for Priya Shah .* to document it/).waitFor();

  // The Privacy Officer documents it; a missing section is reported beside its field.
  await goto(po, server, `/reviews/${id}`);
  await po.getByRole('heading', { name: 'Document the review' }).waitFor();
  const assigned = await api(server, 'privacy_officer', 'GET', `/api/v1/reviews/${id}`);
  assert(assigned.allowed_actions.includes('document'), 'the server lets the assignee document it');
  assert((await po.getByRole('heading', { name: /^(Re-)?[Aa]ssign$/ }).count()) === 0, 'the assignee does not assign');
  await po.getByLabel('SLA performance').fill('Uptime 99.97% against 99.9%; response times met.');
  await po.getByLabel('Security performance').fill('No incidents; audit trail reviewed.');
  await po.getByRole('button', { name: 'Save the documentation' }).click();
  await po.locator('.field-invalid').first().waitFor();
  assert((await po.locator('.field-error').count()) >= 1, 'missing sections are shown beside their fields');
  assert((await po.getByLabel('SLA performance').inputValue()).startsWith('Uptime'), 'typed values are kept');
  await po.getByLabel('Compliance performance').fill('SOC 2 Type II clean; BAA in force.');
  await po.getByLabel('Contact information is up to date').check();
  await po.getByRole('button', { name: 'Save the documentation' }).click();
  await po.getByText('Documented: it now waits for approval.').waitFor();
  // The Privacy Officer may not approve.
  assert(
    (await po.getByRole('button', { name: 'Approve' }).count()) === 0,
    'no approve button for the Privacy Officer',
  );
  // The buttons are the server's allowed_actions for each caller: the Privacy Officer may still
  // ask the party; the auditor reads the review and may do nothing with it.
  const poActions = (await api(server, 'privacy_officer', 'GET', `/api/v1/reviews/${id}`)).allowed_actions;
  assert(poActions.join() === 'request_info', 'the server offers the Privacy Officer only a question: ' + poActions);
  await po.getByRole('button', { name: 'Ask the party' }).waitFor();
  assert((await po.getByRole('button', { name: 'Reject' }).count()) === 0, 'no reject button for the Privacy Officer');
  const auditor = await newPage(browser, server, { email: 'auditor@luma.example' });
  await goto(auditor, server, `/reviews/${id}`);
  await auditor.getByText('It waits for the Security Officer to approve or reject it.').waitFor();
  await auditor.locator('.review-history li').nth(2).waitFor();
  const auditorActions = (await api(server, 'auditor', 'GET', `/api/v1/reviews/${id}`)).allowed_actions;
  assert(auditorActions.length === 0, 'the server offers the auditor nothing: ' + auditorActions);
  assert(
    (await auditor.locator('main button').count()) === 0,
    'the auditor sees no action button on the review: ' + (await auditor.locator('main button').allTextContents()),
  );
  assert((await auditor.locator('main form').count()) === 0, 'nor any action form');

  // The Security Officer rejects it: the comment is required, then shown.
  await goto(so, server, `/reviews/${id}`);
  await so.getByRole('heading', { name: 'Approve or reject' }).waitFor();
  // A documented review is no longer (re-)assigned: the server does not offer it.
  await so.getByRole('button', { name: 'Ask the party' }).waitFor();
  assert((await so.getByRole('heading', { name: 'Re-assign' }).count()) === 0, 'no re-assign once documented');
  await so.getByRole('button', { name: 'Reject' }).click();
  await so
    .locator('.field-error')
    .getByText(/required/)
    .waitFor();
  const comment = 'Add the follow-up on the SOC 2 exception before approval.';
  await so.getByLabel('Comment').fill(comment);
  await so.getByRole('button', { name: 'Reject' }).click();
  await so.getByText(/Rejected: the review goes back/).waitFor();
  await so.locator('.review-history').getByText(comment).waitFor();

  // The Privacy Officer sees why and documents again.
  await goto(po, server, `/reviews/${id}`);
  await po.getByText(comment).first().waitFor();
  await po
    .getByLabel('Compliance performance')
    .fill('SOC 2 Type II: one exception, remediation tracked in its finding; BAA in force.');
  await po.getByRole('button', { name: 'Save the documentation' }).click();
  await po.getByText('Documented: it now waits for approval.').waitFor();

  // Approved.
  await goto(so, server, `/reviews/${id}`);
  await so.getByRole('heading', { name: 'Approve or reject' }).waitFor();
  await so.getByLabel('Comment').fill('Thorough; approved.');
  await so.getByRole('button', { name: 'Approve' }).click();
  await so.getByText('Approved.', { exact: true }).waitFor();
  await so.locator('.facts').getByText('Approved', { exact: true }).first().waitFor();
  // The history reloads after the notice: wait for its last step, not just the facts' label.
  await so
    .locator('.review-history')
    .getByText(/^Approved/)
    .waitFor();
  const r = await api(server, 'security_officer', 'GET', `/api/v1/reviews/${id}`);
  assert(r.status === 'approved' && r.rejections.length === 1, `approved after one rejection (${r.status})`);
  const history = await so.locator('.review-history li').allTextContents();
  assert(
    history.length >= 6,
    'the history lists opened, assigned, documented, rejected, documented, approved: ' + history.join(' | '),
  );
  await checkA11y(so, 'review');
  await shot(so, 'review');

  // The list with a filter.
  await goto(so, server, '/reviews?status=approved');
  await so.getByRole('link', { name: /^Security, compliance and SLA review: Nimbus Cloud Hosting/ }).waitFor();
  await goto(so, server, '/reviews');
  await so.locator('.reviews-table tbody tr').nth(1).waitFor();
  await checkA11y(so, 'reviews');
  await shot(so, 'reviews');

  // The calendar: the month of the due date shows the review; navigation works.
  await goto(so, server, `/calendar?month=${due.slice(0, 7)}`);
  await so.locator('.cal .ev').first().waitFor();
  await so
    .locator(`.cal .day[data-date="${due}"]`)
    .getByText(/Nimbus Cloud Hosting/)
    .waitFor();
  await so.getByRole('button', { name: 'Next month' }).click();
  await so.getByRole('button', { name: 'Today' }).click();
  await so.locator('.cal .day.today').waitFor();

  // An iCal address: shown once, ends in .ics, serves text/calendar.
  await so.getByLabel('Name').fill('Work calendar');
  await so.getByRole('button', { name: 'Create a subscription address' }).click();
  const url = await so.getByLabel('Subscription address').inputValue();
  assert(/^http:\/\/.+\/calendar\/.+\.ics$/.test(url), 'the feed address ends in .ics: ' + url);
  const res = await fetch(url);
  const body = await res.text();
  assert(res.ok && /text\/calendar/.test(res.headers.get('content-type')), 'the feed serves text/calendar');
  assert(body.startsWith('BEGIN:VCALENDAR'), 'the feed is an iCalendar');
  await so.locator('tr[data-token]').getByRole('cell', { name: 'Work calendar', exact: true }).waitFor();
  await checkA11y(so, 'calendar');
  await shot(so, 'calendar');

  const phone = await newPage(browser, server, {
    email: 'officer@luma.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phone, server, `/calendar?month=${due.slice(0, 7)}`);
  await phone.locator('.cal .ev').first().waitFor();
  await checkA11y(phone, 'calendar phone');
  await shot(phone, 'calendar-phone');
  await goto(phone, server, `/reviews/${id}`);
  await phone.locator('.review-history li').first().waitFor();
  await shot(phone, 'review-phone');
});
