// Performance check (not a journey): how long until the parties list's first page is visible.
// Budget: < 300 ms after navigation, at 100,000 parties.
//
//   ACCORD_URL=http://127.0.0.1:8080 ACCORD_EMAIL=officer@luma.example ACCORD_PASSWORD=… \
//     [ACCORD_TOTP_SECRET=BASE32] node tests/perf-parties.mjs
//   ACCORD_URL=… ACCORD_SESSION=<accord_session cookie value> node tests/perf-parties.mjs
//   node tests/perf-parties.mjs            (no ACCORD_URL: starts its own demo server)
//
// A first sign-in enrols TOTP and prints the secret on stderr: pass it as ACCORD_TOTP_SECRET
// next time. pages/parties.tsx marks `parties-first-page` (performance.mark) once the first page of
// rows has rendered; the script reads that mark's startTime (ms since the navigation started).
//
// Times are when the first row was painted (Element Timing), else when it reached the DOM.
// Each of RUNS (default 5) runs measures:
//   cold:   a fresh browser context (no cache) loads /app/parties
//   warm:   the same context loads /app/parties again (scripts cached)
//   sorted: the same, sorted by name with the inventory's filters (/app/parties?SORTED_QUERY,
//           default sort=-name&sla=none: the inventory's index order, a filter on its columns)
//   in_app: from the start page, a click on "Parties" in the menu until the first page shows
// and prints medians and maxima as JSON; exit code 1 if a median or maximum of the warm or
// sorted or in-app navigations exceeds the budget (the cold load is reported, not judged).
import { launchBrowser, navTo, sessionCookie, startServer } from './harness.mjs';

const RUNS = Number(process.env.RUNS || 5);
const BUDGET = Number(process.env.BUDGET_MS || 300);
const SORTED_QUERY = process.env.SORTED_QUERY || 'sort=-name&sla=none';

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const median = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  const r = (x) => Math.round(x * 10) / 10;
  return { median: r(median), max: r(v[v.length - 1]), min: r(v[0]), values: values.map(r) };
}

// When the first row was painted (Element Timing: pages/parties.tsx puts elementtiming on it);
// falls back to the DOM mark where the browser reports no paint.
function watchPaints() {
  window.__paints = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier === 'parties-first-row') window.__paints.push(e.renderTime || e.loadTime || e.startTime);
    }
  }).observe({ type: 'element', buffered: true });
}

async function firstPaint(page) {
  await page
    .waitForFunction(() => window.__paints && window.__paints.length > 0, null, { timeout: 5000 })
    .catch(() => {});
  return page.evaluate(() =>
    window.__paints && window.__paints.length ? window.__paints[window.__paints.length - 1] : null,
  );
}

async function firstPageMark(page) {
  await page.waitForFunction(() => performance.getEntriesByName('parties-first-page').length > 0, null, {
    timeout: 30000,
  });
  const paint = await firstPaint(page);
  return page.evaluate((paint) => {
    const mark = performance.getEntriesByName('parties-first-page')[0];
    const api = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/v1/parties'))
      .pop();
    return {
      mark: paint ?? mark.startTime,
      dom: mark.startTime,
      painted: paint !== null,
      api: api ? api.duration : null,
      rows: document.querySelectorAll('table.parties-table tbody tr').length,
    };
  }, paint);
}

let server;
let ownServer = false;
const url = process.env.ACCORD_URL;
if (url) {
  server = { url: url.replace(/\/$/, ''), passwords: {}, secrets: {} };
} else {
  server = await startServer();
  ownServer = true;
}
const browser = await launchBrowser();
try {
  let cookie = process.env.ACCORD_SESSION;
  if (!cookie) {
    const email = process.env.ACCORD_EMAIL || 'officer@luma.example';
    if (process.env.ACCORD_PASSWORD) server.passwords[email] = process.env.ACCORD_PASSWORD;
    if (process.env.ACCORD_TOTP_SECRET) server.secrets[email] = process.env.ACCORD_TOTP_SECRET;
    cookie = await sessionCookie(server, email);
    if (server.secrets[email] && !process.env.ACCORD_TOTP_SECRET) {
      console.error(`enrolled TOTP for ${email}; next time pass ACCORD_TOTP_SECRET=${server.secrets[email]}`);
    }
  }
  const cold = [];
  const warm = [];
  const warmDom = [];
  let painted = true;
  const inApp = [];
  const sorted = [];
  const api = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'accord_session', value: cookie, url: server.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    await context.addInitScript(watchPaints);
    const page = await context.newPage();

    await page.goto(server.url + '/app/parties');
    let m = await firstPageMark(page);
    cold.push(m.mark);
    rows = m.rows;
    if (m.api !== null) api.push(m.api);

    await page.goto(server.url + '/app/parties');
    m = await firstPageMark(page);
    warm.push(m.mark);
    warmDom.push(m.dom);
    painted = painted && m.painted;
    if (m.api !== null) api.push(m.api);

    await page.goto(server.url + '/app/parties?' + SORTED_QUERY);
    m = await firstPageMark(page);
    sorted.push(m.mark);
    if (m.api !== null) api.push(m.api);

    // In-app: from the start page, click "Parties".
    await page.goto(server.url + '/app/');
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The clock starts when the click reaches the page (not when Playwright starts clicking).
    await page.evaluate(() => {
      performance.clearMarks('parties-first-page');
      performance.clearMarks('parties-click');
      window.__paints = [];
      document.addEventListener('click', () => performance.mark('parties-click'), { capture: true, once: true });
    });
    await navTo(page, 'Parties');
    await page.waitForFunction(() => performance.getEntriesByName('parties-first-page').length > 0, null, {
      timeout: 30000,
    });
    const clickPaint = await firstPaint(page);
    inApp.push(
      await page.evaluate(
        (p) =>
          (p ?? performance.getEntriesByName('parties-first-page')[0].startTime) -
          performance.getEntriesByName('parties-click')[0].startTime,
        clickPaint,
      ),
    );
    await context.close();
  }
  const result = {
    url: server.url,
    runs: RUNS,
    budget_ms: BUDGET,
    rows_on_first_page: rows,
    cold_navigation_ms: stats(cold),
    warm_navigation_ms: stats(warm),
    warm_rows_in_dom_ms: stats(warmDom),
    measured_paint: painted ? 'Element Timing renderTime of the first row' : 'DOM mark (no paint entries)',
    in_app_navigation_ms: stats(inApp),
    sorted_query: SORTED_QUERY,
    sorted_navigation_ms: stats(sorted),
    parties_api_ms: api.length ? stats(api) : null,
  };
  result.within_budget = [result.warm_navigation_ms, result.in_app_navigation_ms, result.sorted_navigation_ms].every(
    (s) => s.median < BUDGET && s.max < BUDGET,
  );
  console.log(JSON.stringify(result, null, 2));
  if (!result.within_budget) process.exitCode = 1;
} finally {
  await browser.close().catch(() => {});
  if (ownServer) await server.stop().catch(() => {});
}
