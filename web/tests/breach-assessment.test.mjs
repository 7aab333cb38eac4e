// Journey: a breach assessment on the incident page (issue 27, TR-8, 45 CFR 164.402-164.412). The
// Security Officer declares an incident, is told first what the assessment lacks, assesses it as a
// breach of three customers' data and reads each deadline: Northwind Clinics' BAA gives 72 hours,
// Riverside Medical Group gets the rule's 60 days. One notice is emailed, one recorded as sent by
// letter, the list of individuals goes by Secure Message, and a law-enforcement delay with its
// statement moves the deadline still open. The auditor sees the section without a button; staff
// do not see it. axe and a screenshot on each screen.
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

// The deadline cell's <time datetime>, as milliseconds.
async function deadlineOf(row) {
  return Date.parse(await row.locator('td').nth(1).locator('time').getAttribute('datetime'));
}

await journey('breach assessment on the incident page', async ({ server, browser }) => {
  const so = await newPage(browser, server, { email: 'officer@luma.example' });

  // Declare the incident.
  await goto(so, server, '/incidents');
  await so.getByRole('button', { name: 'Declare an incident' }).click();
  const declare = so.getByRole('form', { name: 'Declare an incident' });
  const title = 'Visit summaries emailed to the wrong clinic';
  await declare.getByLabel(/^What is happening/).fill(title);
  const earlier = new Date(Date.now() - 45 * 60 * 1000);
  const local = new Date(earlier.getTime() - earlier.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await declare.getByLabel(/^Discovered at/).fill(local);
  await declare.getByRole('button', { name: 'Declare the incident' }).click();
  await so.getByRole('heading', { name: title, level: 1 }).waitFor();
  const incident = (await api(server, 'security_officer', 'GET', '/api/v1/incidents?limit=50')).items.find(
    (i) => i.title === title,
  );
  const discovered = Date.parse(incident.discovered_at);

  // The assessment: a breach unless all four factors are low. Recording it with no customer
  // ticked says what is missing, on the form.
  const section = so.locator('section', { has: so.getByRole('heading', { name: 'Breach assessment' }) });
  const assess = section.getByRole('form', { name: 'Breach assessment' });
  await assess.getByText('As answered, this is presumed a breach').waitFor();
  await assess.getByLabel(/^Nature and extent/).selectOption('medium');
  await assess.getByLabel(/^Who used it or received it/).selectOption('low');
  await assess.getByLabel(/^Whether it was actually acquired/).selectOption('high');
  await assess.getByLabel(/^How far the risk has been mitigated/).selectOption('medium');
  await assess
    .getByLabel(/^Reasoning/)
    .first()
    .fill('Names, visit dates and diagnoses; no insurance or payment data.');
  await assess.getByLabel(/^What happened/).fill('Visit summaries for one week were emailed to another clinic.');
  await assess.getByLabel(/^Types of information/).fill('Names, visit dates, diagnoses.');
  await assess.getByLabel(/^What individuals should do/).fill('Watch for unexpected messages about their care.');
  await assess.getByLabel(/^What we are doing/).fill('The other clinic deleted the emails; we fixed the mailing list.');
  await assess.getByLabel(/^Who to contact/).fill('Our Privacy Officer, privacy@luma.example');
  await assess.getByLabel(/^How many individuals/).fill('86');
  await checkA11y(so, 'breach assessment form');
  await shot(so, 'breach-assessment-form');
  await assess.getByRole('button', { name: 'Record the assessment' }).click();
  await assess.locator('.field-invalid .field-error').first().waitFor();
  const refusal = await assess.locator('.field-invalid').first().textContent();
  assert(
    /Tick each customer whose information was involved/.test(refusal),
    'the missing customers show on the form: ' + refusal,
  );
  assert(!(await assess.textContent()).includes('customer_ids'), 'no field key on screen');
  await shot(so, 'breach-assessment-refused');

  // Three customers affected; the not-a-breach conclusion would hide them.
  await assess.getByLabel(/^Northwind Clinics/).check();
  await assess.getByLabel(/^Riverside Medical Group/).check();
  await assess.getByLabel(/^Bayview Pediatrics/).check();
  await assess.getByRole('button', { name: 'Record the assessment' }).click();
  await section.getByText('Assessment recorded.').waitFor();
  await section.getByText('Presumed a breach: the assessment does not show a low probability').waitFor();

  // The deadlines: the BAA's 72 hours for Northwind, 60 calendar days for Riverside.
  const table = section.getByRole('table', { name: 'Notice deadline per customer' });
  const row = (name) => table.getByRole('row').filter({ hasText: name });
  await row('Northwind Clinics').waitFor();
  const northwind = await deadlineOf(row('Northwind Clinics'));
  const riverside = await deadlineOf(row('Riverside Medical Group'));
  assert(northwind === discovered + 72 * HOUR, `Northwind: 72 hours after discovery (${northwind - discovered} ms)`);
  assert(riverside === discovered + 60 * DAY, `Riverside: 60 days after discovery (${riverside - discovered} ms)`);
  assert((await row('Northwind Clinics').textContent()).includes('The BAA: 72 hours after discovery'), 'why 72 h');
  assert(
    (await row('Riverside Medical Group').textContent()).includes('60 calendar days after discovery'),
    'why 60 days',
  );
  assert(!(await section.textContent()).includes('/api/'), 'no API path on screen');
  await checkA11y(so, 'breach deadlines');
  await shot(so, 'breach-deadlines');

  // Email Northwind's notice.
  await row('Northwind Clinics').getByRole('button', { name: 'Email the notice: Northwind Clinics' }).click();
  const send = section.getByRole('form', { name: 'Email the notice to Northwind Clinics' });
  await send.getByText('What the email says').click();
  await send.getByText('Notice of a breach of unsecured protected health information').waitFor();
  await checkA11y(so, 'email the notice');
  await shot(so, 'breach-email-notice');
  await send.getByLabel(/^Their privacy contact/).fill('privacy@northwind.example');
  await send.getByRole('button', { name: 'Email the notice' }).click();
  await section.getByText('Notice to Northwind Clinics queued for email.').waitFor();
  await row('Northwind Clinics').getByText('emailed to privacy@northwind.example').waitFor();

  // Riverside was told by letter.
  await row('Riverside Medical Group').getByRole('button', { name: 'Record as sent: Riverside Medical Group' }).click();
  const record = section.getByRole('form', { name: 'Record the notice to Riverside Medical Group as sent' });
  await record.getByLabel(/^How it was sent/).fill('letter');
  await record.getByRole('button', { name: 'Record as sent' }).click();
  await section.getByText('Notice to Riverside Medical Group recorded as sent.').waitFor();
  await row('Riverside Medical Group').getByText('by letter').waitFor();

  // The list of individuals, to Northwind, by Secure Message.
  await row('Northwind Clinics').getByRole('button', { name: 'Send the list: Northwind Clinics' }).click();
  const list = section.getByRole('form', { name: 'Send Northwind Clinics the list of individuals' });
  await list.getByLabel(/^Recipient/).fill('privacy@northwind.example');
  await list.getByLabel(/^Affected individuals/).fill('Journey Patient One\nJourney Patient Two');
  await checkA11y(so, 'send the list');
  await list.getByRole('button', { name: 'Send by Secure Message' }).click();
  await section.getByText('List sent to Northwind Clinics by Secure Message.').waitFor();
  await row('Northwind Clinics').getByText('Sent by Secure Message').waitFor();

  // A law-enforcement delay: Bayview's notice, still due, moves by the days stated.
  const bayviewBefore = await deadlineOf(row('Bayview Pediatrics'));
  await section.getByRole('button', { name: 'Record a law enforcement delay' }).click();
  const delay = section.getByRole('form', { name: 'Record a law enforcement delay' });
  const today = new Date().toISOString().slice(0, 10);
  await delay.getByLabel(/^Stated on/).fill(today);
  await delay.getByLabel(/^Days of delay/).fill('45');
  await delay.getByLabel(/^Official and agency/).fill('Det. R. Ortiz, City Police cyber unit');
  await delay.locator('input[type=file]').setInputFiles({
    name: 'delay-statement.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% the official statement\n'),
  });
  await checkA11y(so, 'law enforcement delay');
  await shot(so, 'breach-delay-form');
  await delay.getByRole('button', { name: 'Record the delay' }).click();
  await section.getByText('Delay recorded; the deadlines still open moved.').waitFor();
  await section.getByText('Written statement by Det. R. Ortiz, City Police cyber unit: 45 days').waitFor();
  const bayviewAfter = await deadlineOf(row('Bayview Pediatrics'));
  assert(bayviewAfter === bayviewBefore + 45 * DAY, `Bayview moved 45 days (${bayviewAfter - bayviewBefore} ms)`);
  assert((await deadlineOf(row('Riverside Medical Group'))) === riverside, 'a sent notice keeps its deadline');
  assert(
    (await row('Bayview Pediatrics').textContent()).includes('extended 45 days at law enforcement'),
    'why Bayview moved',
  );
  await checkA11y(so, 'breach after the delay');
  await shot(so, 'breach-after-delay');

  // The auditor reads it all, with no button; staff do not see the section.
  const auditor = await newPage(browser, server, { email: 'auditor@luma.example' });
  await goto(auditor, server, `/incidents/${incident.id}`);
  await auditor.getByRole('heading', { name: title, level: 1 }).waitFor();
  const read = auditor.locator('section', { has: auditor.getByRole('heading', { name: 'Breach assessment' }) });
  await read.getByRole('table', { name: 'Notice deadline per customer' }).getByText('Bayview Pediatrics').waitFor();
  assert((await read.getByRole('button').count()) === 0, 'the auditor has no button in the section');
  assert((await read.getByRole('form').count()) === 0, 'the auditor has no form in the section');
  await checkA11y(auditor, 'breach read-only');
  await shot(auditor, 'breach-auditor');

  const staff = await newPage(browser, server, { email: 'staff@luma.example' });
  await goto(staff, server, `/incidents/${incident.id}`);
  await staff.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert(
    (await staff.getByRole('heading', { name: 'Breach assessment' }).count()) === 0,
    'staff see no breach section',
  );
  assert((await staff.getByText('Northwind Clinics').count()) === 0, 'staff see no notice');
});
