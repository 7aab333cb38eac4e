// End-to-end test harness: a real `accord serve --demo` on SQLite in a temp directory, Debian's
// Chromium driven by playwright-core, TOTP codes computed like an authenticator app, axe-core
// accessibility checks and screenshots kept as artifacts.
//
//   ACCORD_BIN   the accord binary (default ../build/dev/accord)
//   ACCORD_WEB   the built portal (default ../dist)
//   ACCORD_ARTIFACTS  where screenshots go (default ../test-results)
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const ACCORD_BIN = resolve(process.env.ACCORD_BIN || join(here, '../../build/dev/accord'));
export const WEB_DIR = resolve(process.env.ACCORD_WEB || join(here, '../dist'));
export const ARTIFACTS = resolve(process.env.ACCORD_ARTIFACTS || join(here, '../test-results'));

export function assert(cond, message) {
  if (!cond) throw new Error('assertion failed: ' + message);
}

// ---- the server ----

// Starts `accord serve --demo` on a free loopback port (or `listen`); resolves once it listens.
export async function startServer(extraArgs = [], { listen = '127.0.0.1:0' } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  const child = spawn(
    ACCORD_BIN,
    ['serve', '--demo', '--data-dir', dataDir, '--listen', listen, '--web-dir', WEB_DIR, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('accord serve did not start in 120 s\n' + err)), 120000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`accord serve exited with ${code}\n${err}`));
    });
  });
  const passwords = {};
  for (const m of out.matchAll(/^ {2}(\S+@\S+) {2}password (\S+) {2}\((\w+)\)$/gm)) passwords[m[1]] = m[2];
  const tokens = {};
  for (const m of out.matchAll(/^ {2}(\w+): (acc_\S+)$/gm)) tokens[m[1]] = m[2];
  const contactParty = (out.match(/belongs to [^,]+, (pty_\w+)\)/) || [])[1];
  return {
    url,
    passwords,
    tokens,
    contactParty,
    dataDir,
    secrets: {}, // email -> TOTP secret (base32), once enrolled
    log: () => err,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((ok) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            ok();
          }, 15000);
          child.on('exit', () => {
            clearTimeout(t);
            ok();
          });
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// A call to the JSON API with a demo API token (for set-up the journey does not cover).
export async function api(server, role, method, path, body) {
  const res = await fetch(server.url + path, {
    method,
    headers: { Authorization: 'Bearer ' + server.tokens[role], 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return data;
}

// ---- TOTP (RFC 6238, SHA-1, 6 digits, 30 s), as an authenticator app computes it ----

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

// The code of the step `offset` steps from now (the server accepts one step either side).
export function totp(secret, offset = 0) {
  const step = Math.floor(Date.now() / 1000 / 30) + offset;
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32(secret)).update(msg).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1000000).padStart(6, '0');
}

// Signs `email` in over the API (enrolling TOTP on first use) and returns the session cookie,
// so journeys that are not about signing in start signed in.
export async function sessionCookie(server, email) {
  let cookie = '';
  let csrf = '';
  const call = async (path, body) => {
    const headers = { 'Content-Type': 'application/json' };
    if (cookie) headers.Cookie = 'accord_session=' + cookie;
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const res = await fetch(server.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
    const set = res.headers.get('set-cookie');
    const m = set && set.match(/accord_session=([^;]*)/);
    if (m) cookie = m[1];
    const data = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
    if (data.csrf_token) csrf = data.csrf_token;
    return data;
  };
  let s = await call('/api/v1/auth/sign-in', { email, password: server.passwords[email] });
  if (s.state === 'mfa_enrolment_required') {
    const e = await call('/api/v1/auth/mfa/enrol', {});
    server.secrets[email] = e.secret;
    s = await call('/api/v1/auth/mfa/confirm', { code: totp(e.secret) });
  } else if (s.state === 'mfa_required') {
    // The last code used may be this step's: the next step's code is accepted too.
    s = await call('/api/v1/auth/totp', { code: totp(server.secrets[email], 1) });
  }
  assert(s.state === 'active', `${email} is signed in (state ${s.state})`);
  return cookie;
}

// ---- the browser ----

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

// A page whose console errors and CSP violations fail the journey.
export async function newPage(browser, server, { email, viewport } = {}) {
  const context = await browser.newContext({ viewport: viewport || { width: 1280, height: 900 } });
  if (email) {
    const value = await sessionCookie(server, email);
    await context.addCookies([
      { name: 'accord_session', value, url: server.url, httpOnly: true, secure: true, sameSite: 'Strict' },
    ]);
  }
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    // A 4xx the page handles (a refused form) is logged by Chromium as a failed resource.
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) page.problems.push('console: ' + m.text());
  });
  page.on('pageerror', (e) => page.problems.push('page error: ' + e.message));
  // Generous: under `make test` the server is an ASan build sharing two cores with other tests.
  page.setDefaultTimeout(30000);
  return page;
}

export async function goto(page, server, path) {
  await page.goto(server.url + '/app' + path);
}

// A link of the main navigation by its exact words, found whether or not its menu is open
// (so `(await navLink(page, 'Deliveries').count()) === 0` says the role is not offered it).
const anyLink = (scope, name) => scope.getByRole('link', { name, exact: true, includeHidden: true });
export function navLink(page, name) {
  return anyLink(page.getByRole('navigation', { name: 'Main' }), name);
}

// Follows a link of the main navigation as a person would: the phone's Menu button first when
// the navigation is folded, then the menu holding the link, then the link.
export async function navTo(page, name) {
  const link = navLink(page, name);
  await link.waitFor({ state: 'attached' });
  if (!(await link.isVisible())) {
    const toggle = page.locator('.menu-toggle');
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const menu = page.locator('#main-nav .nav-group', { has: anyLink(page, name) }).locator('.nav-group-button');
    if ((await menu.count()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await link.click();
}

// axe-core on the current page: no serious or critical violations.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export async function checkA11y(page, name) {
  await page.evaluate(axeSource + '\n;0');
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`axe on ${name}: ${JSON.stringify(bad, null, 1)}`);
  return result;
}

export async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name + '.png'), fullPage: true });
}

// Runs one journey: a server, a browser, the body; exit code 1 on failure with a screenshot
// of every open page and the server's log. `setup` (optional) runs first and may return
// {args, listen} for the server and a `stop` for what it started.
export async function journey(name, body, setup) {
  const started = Date.now();
  let server;
  let browser;
  let extra = {};
  try {
    extra = setup ? await setup() : {};
    server = await startServer(extra.args || [], { listen: extra.listen });
    browser = await launchBrowser();
    await body({ server, browser });
    for (const ctx of browser.contexts()) {
      for (const p of ctx.pages()) {
        if (p.problems?.length) throw new Error('browser problems:\n' + p.problems.join('\n'));
      }
    }
    // A sanitizer report from the server (make test runs an ASan+UBSan build) fails the journey.
    await server.stop();
    const report = server.log().match(/(ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer)[^\n]*/);
    if (report) throw new Error('the server reported: ' + report[0] + '\n' + server.log().slice(-4000));
    console.log(`ok: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    console.error(`FAILED: ${name}: ${e.stack || e}`);
    if (browser) {
      let i = 0;
      for (const ctx of browser.contexts()) {
        for (const p of ctx.pages()) await shot(p, `FAILED-${name}-${i++}`).catch(() => {});
      }
    }
    if (server) console.error('--- server log (tail) ---\n' + server.log().split('\n').slice(-40).join('\n'));
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await extra.stop?.();
  }
}
