// Journey: the Security Officer's dashboard — the stat tiles, the demo's open reviews due in
// the next 30 days (each linking to its review), the open SOC 2 finding counted by severity,
// grants ending soon, and the two uPlot charts with their text alternatives; an auditor sees
// it too. Laptop and phone width (charts follow the width, no sideways scrolling).
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('dashboard: due reviews, findings and charts', async ({ server, browser }) => {
  // Set-up: the Privacy Officer documents the demo party review and the Security Officer
  // approves it, so this quarter has one review completed on time.
  const assigned = await api(
    server,
    'security_officer',
    'GET',
    '/api/v1/reviews?review_kind=party_review&status=assigned',
  );
  const done = assigned.items[0];
  await api(server, 'privacy_officer', 'POST', `/api/v1/reviews/${done.id}/actions`, {
    action: 'document',
    documentation: {
      sla_performance: 'Met every target',
      security_performance: 'No incidents',
      compliance_performance: 'SOC 2 current',
      contacts_confirmed: true,
    },
  });
  await api(server, 'security_officer', 'POST', `/api/v1/reviews/${done.id}/actions`, { action: 'approve' });

  const dash = await api(server, 'security_officer', 'GET', '/api/v1/dashboard');
  const open = await api(
    server,
    'security_officer',
    'GET',
    '/api/v1/reviews?due_before=' + new Date(Date.now() + 30 * 86400000).toISOString(),
  );
  const openReviews = open.items.filter((r) => !['approved', 'cancelled'].includes(r.status));
  assert(openReviews.length > 0, 'the demo has open reviews due within 30 days');

  const page = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(page, server, '/');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  const tiles = page.getByRole('list', { name: 'Key figures' });
  await tiles.waitFor();
  const tileText = await tiles.textContent();
  assert(
    tileText.includes(`${dash.reviews.totals.due_next_30_days}Reviews due in 30 days`),
    'the due tile: ' + tileText,
  );
  assert(tileText.includes(`${dash.findings.open}Open findings`), 'the findings tile: ' + tileText);

  // Every open review due in 30 days is listed and links to its page.
  const dueTable = page.locator('table.dash-reviews', { hasText: 'Due in the next 30 days' });
  await dueTable.waitFor();
  for (const r of openReviews.filter((r) => !r.overdue)) {
    const link = dueTable.getByRole('link', { name: r.title });
    assert((await link.getAttribute('href')) === `/app/reviews/${r.id}`, `${r.title} links to its review`);
  }
  assert(
    (await dueTable.locator('tbody tr').count()) === openReviews.filter((r) => !r.overdue).length,
    'one row per due review',
  );

  // Open findings by severity: the demo's SOC 2 exception is one medium finding.
  const sev = page.locator('table.sev-table');
  const medium = await sev.locator('tr', { hasText: 'Medium' }).locator('td.num-cell').textContent();
  assert(
    Number(medium) === dash.findings.open_by_severity.medium && Number(medium) >= 1,
    `one medium finding (${medium})`,
  );
  await page.getByText('SOC 2 exception (Nimbus Cloud Hosting)').waitFor();

  // Grants ending soon: the demo grant that ends two minutes after the start.
  const grants = page.getByRole('region', { name: 'Access grants ending soon' });
  await grants.waitFor();

  // The charts render (uPlot draws on a canvas) with a text alternative each.
  const charts = page.locator('figure.dash-chart');
  await charts.nth(1).locator('canvas').waitFor();
  assert((await charts.count()) === 2, 'two charts');
  for (let i = 0; i < 2; i++) {
    const label = await charts.nth(i).locator('[role=img]').getAttribute('aria-label');
    assert(/chart of .* in total/.test(label), 'a summary for the chart: ' + label);
    assert((await charts.nth(i).locator('table tbody tr').count()) >= 8, 'the numbers as a table');
  }
  await page.getByText('Reviews per quarter: the numbers').click();
  const numbers = page.locator('table.dash-numbers').first();
  await numbers.waitFor();
  if (Array.isArray(dash.reviews_by_quarter)) {
    const q = dash.reviews_by_quarter[dash.reviews_by_quarter.length - 1];
    const cells = await numbers.locator('tbody tr').last().locator('th, td').allTextContents();
    assert(
      cells[0] === q.quarter.replace(/^(\d{4})Q(\d)$/, 'Q$2 $1') && cells[1] === '1' && cells[2] === '0',
      'this quarter: one on time, none late: ' + cells,
    );
  }
  assert(!(await dueTable.textContent()).includes(done.title), 'the approved review is no longer due');
  await checkA11y(page, 'dashboard');
  await shot(page, 'dashboard');

  // Phone width: the charts shrink to the screen, nothing scrolls sideways.
  const phone = await newPage(browser, server, {
    email: 'officer@luma.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phone, server, '/');
  await phone.locator('figure.dash-chart canvas').nth(1).waitFor();
  const widths = await phone.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    canvas: Math.max(
      ...[...document.querySelectorAll('figure.dash-chart canvas')].map((c) => c.getBoundingClientRect().width),
    ),
  }));
  assert(widths.overflow <= 1, `no sideways scrolling at 390 px (${widths.overflow} px)`);
  assert(widths.canvas <= 370, `the charts fit the phone (${widths.canvas} px)`);
  await checkA11y(phone, 'dashboard-phone');
  await shot(phone, 'dashboard-phone');

  // The auditor reads the same dashboard.
  const auditor = await newPage(browser, server, { email: 'auditor@luma.example' });
  await goto(auditor, server, '/');
  await auditor.getByRole('heading', { name: 'Reviews due and overdue' }).waitFor();
  await auditor.locator('figure.dash-chart canvas').first().waitFor();
});
