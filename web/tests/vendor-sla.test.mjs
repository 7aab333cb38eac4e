// Journey: vendor incidents and the quarterly SLA review (issue 27, TP-13/TP-14). The Security
// Officer finds the incident Nimbus Cloud Hosting's status feed reported in My work, opens it
// on the service levels view, is told which field is missing, then records that it degraded our
// service (which opens a finding). The quarterly SLA review shows Nimbus's terms, its breaches
// and its incidents with our assessment, and its CSV downloads.
import { assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

// The quarter of the demo's older Nimbus incident: twelve days before this month began (UTC).
function demoQuarter() {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 12 * 86400000);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

await journey('vendor incidents and the quarterly SLA review', async ({ server, browser }) => {
  const page = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(page, server, '/');
  const item = page.getByRole('link', { name: 'Vendor incident: Degraded performance in the EU region' });
  await item.waitFor();
  await item.click();

  await page.getByRole('heading', { name: 'Status and service levels', level: 1 }).waitFor();
  const table = page.getByRole('table', { name: 'What its status feed reported, and what it meant for us' });
  await table.getByRole('cell', { name: 'Waiting for an officer' }).waitFor();
  await table.getByRole('cell', { name: /Our service was degraded/ }).waitFor(); // the demo's assessed one
  await checkA11y(page, 'vendor-incidents');

  const form = page.getByRole('form', { name: 'Assess Degraded performance in the EU region' });
  await form.getByRole('button', { name: 'Record the assessment' }).click();
  await form.getByText('Please correct the field marked below.').waitFor();
  await form.getByLabel('What it meant for us').selectOption({ label: 'Our service was degraded' });
  await form.getByLabel('Note').fill('EU clinics saw slow appointment pages for an hour.');
  await form.getByRole('button', { name: 'Record the assessment' }).click();
  await page
    .getByText('Degraded performance in the EU region: assessed, and a finding opened to follow it up.')
    .waitFor();
  // The table reloads after the message: wait for the second link before counting.
  await table.getByRole('link', { name: 'Its finding' }).nth(1).waitFor();
  assert((await table.getByRole('link', { name: 'Its finding' }).count()) === 2, 'both incidents link their finding');
  assert((await page.getByRole('form', { name: /^Assess / }).count()) === 0, 'nothing is left to assess');
  await checkA11y(page, 'vendor-incidents-assessed');
  await shot(page, 'vendor-incidents');

  await page.getByRole('link', { name: 'SLA review' }).click();
  await page.getByRole('heading', { name: 'Quarterly SLA review', level: 1 }).waitFor();
  const quarter = demoQuarter();
  await page.getByLabel('Quarter').selectOption(quarter);
  const nimbus = page.getByRole('table', { name: 'Nimbus Cloud Hosting: the quarter against its agreement' });
  await nimbus.waitFor();
  await nimbus
    .getByRole('link', { name: /missed its SLA's response time/ })
    .first()
    .waitFor();
  await page
    .getByRole('list', { name: 'Nimbus Cloud Hosting: incidents in the quarter' })
    .getByText(/Elevated error rates on object storage .*our service was degraded/)
    .waitFor();
  await checkA11y(page, 'sla-review');
  await shot(page, 'sla-review');

  const href = await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
  const csv = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
  }, href);
  assert(csv.status === 200 && csv.type.startsWith('text/csv'), `the CSV downloads (${csv.status} ${csv.type})`);
  assert(csv.text.includes(`${quarter},`) && csv.text.includes('Nimbus Cloud Hosting,response'), 'it has Nimbus rows');
});
