// Journey: breach notice deadlines (issue 27, TR-8). The demo's breach of three customers' data:
// the Privacy Officer's My work lists the notices still owed, soonest first (Northwind's BAA
// gives 72 hours), and the dashboard's table shows each customer's deadline and why then. Staff
// see neither. Laptop width, axe on each screen.
import { assert, checkA11y, goto, journey, navLink, newPage, shot } from './harness.mjs';

await journey('breach notice deadlines on My work and the dashboard', async ({ server, browser }) => {
  const officer = await newPage(browser, server, { email: 'privacy@luma.example' });
  await goto(officer, server, '/');
  const group = officer.locator('section', {
    has: officer.getByRole('heading', { name: 'Breach notices owed to customers' }),
  });
  await group.getByText('Breach notice to Northwind Clinics').waitFor();
  await group.getByText('Breach notice to Riverside Medical Group').waitFor();
  await checkA11y(officer, 'breach-my-work');

  await goto(officer, server, '/dashboard');
  const table = officer.getByRole('table', { name: 'Breach notices still to send, soonest deadline first' });
  await table.waitFor();
  const rows = table.getByRole('row');
  assert((await rows.count()) === 3, 'a header and two notices: ' + (await rows.count()));
  assert((await rows.nth(1).textContent()).includes('Northwind Clinics'), 'Northwind first (72 hours)');
  assert((await rows.nth(1).textContent()).includes('The BAA: 72 hours after discovery'), 'the BAA term shows');
  assert((await rows.nth(2).textContent()).includes('60 calendar days after discovery'), 'the rule for Riverside');
  await checkA11y(officer, 'breach-dashboard');
  await shot(officer, 'breach-dashboard');

  const staff = await newPage(browser, server, { email: 'staff@luma.example' });
  await goto(staff, server, '/');
  await navLink(staff, 'Parties').waitFor({ state: 'attached' });
  assert((await staff.getByText('Breach notice to Northwind Clinics').count()) === 0, 'staff have no breach notices');
});
