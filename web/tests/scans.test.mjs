// Journey: vulnerability scans (issue 24, TR-4). The Security Officer opens Scans from the
// navigation: the demo's platform image with its system and an overdue finding, the image no
// system claims, the scans imported with their changes in words; a scan's page with the
// supplier's "not affected" statement and the target's findings; the findings board filtered to
// what scans found; assigning the unclaimed image to a system. axe and a screenshot on each
// page; a phone width.
import { assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

await journey('vulnerability scans', async ({ server, browser }) => {
  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(so, server, '/');
  await navTo(so, 'Scans');
  await so.getByRole('heading', { name: 'Vulnerability scans', level: 1 }).waitFor();
  const targets = so.getByRole('table', { name: 'Scanned targets' });
  const image = targets.getByRole('row', { name: /platform\/api:2026\.11/ });
  await image.getByText('Luma platform (production)').waitFor();
  await image
    .getByText(/overdue/)
    .first()
    .waitFor();
  await targets
    .getByRole('row', { name: /report-builder/ })
    .getByText('Belongs to no system')
    .waitFor();
  const scans = so.getByRole('table', { name: 'Scans imported' });
  await scans.getByText('1 new, 1 fixed, 2 unchanged').waitFor();
  // Plain language: no API paths or keys on the screen.
  const text = await so.locator('main').innerText();
  assert(!text.includes('/api/'), 'no API paths on the scans page');
  assert(!text.includes('scan_target'), 'no keys on the scans page');
  await checkA11y(so, 'scans');
  await shot(so, 'scans');

  // The supplier statement's scan.
  await scans
    .getByRole('row', { name: /Supplier statement/ })
    .getByRole('link')
    .click();
  await so.getByRole('heading', { name: 'Scan of our targets', level: 1 }).waitFor();
  await so.getByText(/CVE-2024-45490 in libexpat1: not affected \(vulnerable code not in execute path\)/).waitFor();
  await checkA11y(so, 'a VEX scan');

  // The image's latest scan: its findings with deadlines, one overdue.
  await goto(so, server, '/scans');
  await image.getByRole('link').first().click();
  await so.getByRole('heading', { name: /Scan of registry\.luma\.example\/platform\/api/, level: 1 }).waitFor();
  await so.getByRole('link', { name: /CVE-2024-2511 in libssl3/ }).waitFor();
  await so.getByText('Overdue', { exact: true }).first().waitFor();
  await checkA11y(so, 'a scan');
  await shot(so, 'scan');

  // The board shows what scans found.
  await goto(so, server, '/findings?source=scan');
  await so
    .locator('table.findings-table')
    .getByRole('link', { name: /CVE-2024-8096 in curl/ })
    .waitFor();

  // The officer says which system the unclaimed image belongs to; the flag goes.
  await goto(so, server, '/scans');
  const builder = targets.getByRole('row', { name: /report-builder/ });
  await builder.getByRole('button', { name: 'Assign' }).click();
  await builder.getByRole('alert').getByText('Choose a system first.').waitFor();
  await builder.getByLabel(/System for .*report-builder/).selectOption({ label: 'Luma platform (production)' });
  await builder.getByRole('button', { name: 'Assign' }).click();
  await builder.getByText('Luma platform (production)').waitFor();
  assert((await builder.getByText('Belongs to no system').count()) === 0, 'the target now has its system');

  // A phone.
  const phone = await newPage(browser, server, {
    email: 'officer@luma.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phone, server, '/scans');
  await phone.getByRole('heading', { name: 'Vulnerability scans', level: 1 }).waitFor();
  await checkA11y(phone, 'scans on a phone');
});
