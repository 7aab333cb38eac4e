// Journey: the Security Officer's day. My work first (his landing page): what waits for him,
// the count in the navigation, a change notice read by opening it, the daily email turned off.
// Then the dashboard: what is wrong now (the demo's Lakeside Dental BAA expired 20 days ago),
// fixed by renewing the BAA from the party page; the stat tiles, the demo's open reviews due
// in the next 30 days (each linking to its review), the open SOC 2 finding counted by
// severity, grants ending soon, and the two uPlot charts with their text alternatives; an
// auditor sees it too. Laptop and phone width (charts follow the width, no sideways scrolling).
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

// The number beside "My work" in the navigation ("" when none).
async function navCount(page) {
  const badge = page.getByRole('navigation', { name: 'Main' }).locator('.nav-count');
  return (await badge.count()) ? (await badge.textContent()).replace(/\D/g, '') : '';
}

await journey('my work, what is wrong now, and the dashboard', async ({ server, browser }) => {
  // ---- My work: the officer's landing page ----
  const work = await api(server, 'security_officer', 'GET', '/api/v1/my-work?limit=0');
  const officer = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(officer, server, '/');
  await officer.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
  await officer.getByRole('heading', { name: /^Audit-report requests waiting for a decision/ }).waitFor();
  await officer.locator('#main-nav .nav-count').waitFor();
  assert((await navCount(officer)) === String(work.total), `the navigation counts ${work.total}`);
  const notices = officer.locator('section', { has: officer.locator('#work-change_notice') });
  const notice = notices.getByRole('link', { name: 'SMS gateway moves to a second region' });
  await notice.waitFor();
  await checkA11y(officer, 'my-work');
  await shot(officer, 'my-work');

  // Opening the change notice reads it: the party page's changes, one less in the count.
  await notice.click();
  await officer.getByRole('heading', { name: 'Relay SMS', level: 1 }).waitFor();
  await officer.waitForFunction(
    (n) => (document.querySelector('#main-nav .nav-count')?.textContent || '').replace(/\D/g, '') === n,
    String(work.total - 1),
  );
  await officer.getByRole('link', { name: /^My work/ }).click();
  await officer.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
  await officer.getByRole('heading', { name: /^Audit-report requests/ }).waitFor();
  assert((await officer.locator('#work-change_notice').count()) === 0, 'the notice read is off the list');

  // The daily email, off and on again.
  const digest = officer.getByLabel('Email me a summary of my work each morning');
  assert(await digest.isChecked(), 'the daily email is on by default');
  await digest.uncheck();
  await officer.getByText('The daily email is off.').waitFor();
  const settings = await api(server, 'security_officer', 'GET', '/api/v1/account/settings');
  assert(settings.daily_digest === false, 'the server keeps the choice');

  // At phone width the count rides on the menu button.
  const phoneWork = await newPage(browser, server, {
    email: 'privacy@luma.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phoneWork, server, '/');
  await phoneWork.getByRole('heading', { name: /^Reviews assigned to you/ }).waitFor();
  await phoneWork.getByRole('button', { name: /^Menu\W*\d+\s*waiting in My work$/ }).waitFor();
  const overflow = await phoneWork.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `My work fits the phone (${overflow} px)`);
  await checkA11y(phoneWork, 'my-work-phone');
  await shot(phoneWork, 'my-work-phone');

  // ---- What is wrong now, and its fix ----
  await goto(officer, server, '/dashboard');
  const flags = officer.getByRole('region', { name: 'What is wrong now' });
  const lakeside = flags.getByRole('listitem').filter({ hasText: 'Lakeside Dental: No BAA in force' });
  await lakeside.waitFor();
  assert(/\(20 days ago\)/.test(await lakeside.textContent()), 'how long: ' + (await lakeside.textContent()));
  await checkA11y(officer, 'dashboard-red-flags');
  await shot(officer, 'dashboard-red-flags');
  await lakeside.getByRole('link', { name: /^Renew or replace it/ }).click();
  await officer.getByRole('heading', { name: 'Lakeside Dental', level: 1 }).waitFor();
  const agreements = officer.locator('section', { has: officer.locator('#sec-agreements') });
  await agreements.getByRole('button', { name: /^Renew BAA/ }).click();
  await agreements.getByLabel('Where it stands').selectOption('executed');
  await agreements.getByLabel('Signed by (for the party)').fill('Dr. Rosa Lake, Lakeside Dental');
  await shot(officer, 'agreement-renew');
  await agreements.getByRole('button', { name: 'Renew the BAA' }).click();
  await agreements.getByText('BAA renewed: the new one is executed; the old one is kept.').waitFor();
  await agreements.getByText('Renewed by a newer BAA').waitFor();
  await checkA11y(officer, 'agreement-renewed');
  await goto(officer, server, '/dashboard');
  const after = officer.getByRole('region', { name: 'What is wrong now' });
  await after.locator('.alert, .red-flag-groups').first().waitFor();
  assert(!(await after.textContent()).includes('Lakeside Dental'), 'the renewed BAA is in force: no flag');

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

  const page = officer;
  await goto(page, server, '/dashboard');
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
  await goto(phone, server, '/dashboard');
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
