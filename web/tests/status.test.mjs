// Journey: status and service levels (issue 27). The Security Officer reads the demo's status
// components (probing the server itself), adds one set by hand, and opens Nimbus Cloud
// Hosting's service levels: last month's uptime and response missed its SLA, with its daily
// uptime chart. The public status page shows the new component.
import { assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('status and service levels', async ({ server, browser }) => {
  const page = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(page, server, '/status');
  await page.getByRole('heading', { name: 'Status and service levels', level: 1 }).waitFor();
  await page.getByRole('cell', { name: /Patient portal/ }).waitFor();
  await page.getByRole('cell', { name: /Care-team API/ }).waitFor();
  await checkA11y(page, 'status');

  const add = page.getByRole('form', { name: 'Add a component' });
  await add.getByLabel('Name').fill('Journey fax gateway');
  await add.getByLabel('How it is checked').selectOption('none');
  await add.getByRole('button', { name: 'Add the component' }).click();
  await page.getByText('Journey fax gateway is on the status page.').waitFor();
  await page.getByRole('cell', { name: /Journey fax gateway/ }).waitFor();

  await page.getByLabel('Subcontractor', { exact: true }).selectOption({ label: 'Nimbus Cloud Hosting' });
  await page.getByText(/Its agreement promises 99.90 % uptime/).waitFor();
  await page.getByRole('table', { name: 'How each period met the agreement' }).waitFor();
  await page.getByText('Missed').first().waitFor();
  await checkA11y(page, 'status-sla');
  await shot(page, 'status');

  const pub = await fetch(`${server.url}/status`);
  assert(pub.status === 200, 'the public status page answers');
  assert((await pub.text()).includes('Journey fax gateway'), 'it shows the new component');
});
