// Journey: single sign-on through a real OpenID provider (tools/oidc: npm oidc-provider) on
// `localhost` while Accord is `127.0.0.1`, so the provider's return is cross-site as in
// production. A member of the mapped staff group signs in with the provider (which asserts a
// second factor) and lands in the portal; the Security Officer's SSO page tests the connection.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkA11y, goto, journey, navLink, newPage, shot } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PROVIDER = resolve(here, '../../tools/oidc/provider.mjs');

async function freePort() {
  const srv = createServer();
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address();
  await new Promise((ok) => srv.close(ok));
  return port;
}

async function startProvider(redirectUri, postLogoutUri) {
  const child = spawn(process.execPath, [PROVIDER], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      OIDC_CLIENT: JSON.stringify({
        client_id: 'accord',
        client_secret: 'journey-secret',
        redirect_uri: redirectUri,
        post_logout_redirect_uri: postLogoutUri,
      }),
      OIDC_ACCOUNTS: JSON.stringify({
        alex: { email: 'staff@luma.example', name: 'Alex Chen', groups: ['accord-staff'], mfa: true },
        sam: { email: 'sam@idp.example', name: 'Sam at the provider', groups: ['accord-staff'], mfa: true },
      }),
    },
  });
  let out = '';
  const issuer = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the provider did not start')), 30000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/issuer (\S+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => fail(new Error('the provider exited with ' + code)));
  });
  return { issuer, stop: () => child.kill('SIGTERM') };
}

let provider;
await journey(
  'single sign-on',
  async ({ server, browser }) => {
    const page = await newPage(browser, server);
    await goto(page, server, '/');
    const button = page.getByRole('link', { name: 'Sign in with Test Provider' });
    await button.waitFor();
    await checkA11y(page, 'sign-in with sso');
    await shot(page, 'sso-sign-in');
    await button.click();

    // The provider's own screen, on another site.
    await page.getByRole('heading', { name: 'Sign in to the test provider' }).waitFor();
    assert(new URL(page.url()).hostname === 'localhost', 'the provider is on localhost');
    await page.getByLabel('Login').fill('alex');
    await page.getByLabel('Password').fill('any');
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back on 127.0.0.1, signed in: the provider asserted MFA, so no TOTP step.
    await navLink(page, 'Parties').waitFor({ state: 'attached' });
    assert(new URL(page.url()).hostname === '127.0.0.1', 'back at Accord');
    await shot(page, 'sso-signed-in');

    // Signing out ends the provider's session too (RP-initiated logout), then back to sign-in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: /Yes, sign me out/ }).click();
    await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    assert(new URL(page.url()).hostname === '127.0.0.1', 'back at Accord after the provider signed out');

    // The Security Officer's read-only SSO page tests the connection.
    const officer = await newPage(browser, server, { email: 'officer@luma.example' });
    await goto(officer, server, '/settings/sso');
    await officer.getByRole('heading', { name: 'Single sign-on' }).waitFor();
    await officer.getByText(provider.issuer).first().waitFor();
    await officer.getByRole('button', { name: 'Test connection' }).click();
    await officer.getByText('The connection works').waitFor();
    await checkA11y(officer, 'sso settings');
    await shot(officer, 'sso-settings');

    // The officer links their password account to the provider from Your account: the return
    // links the subject to this account instead of signing in.
    await goto(officer, server, '/account');
    await officer.getByText('Your account is not linked to Test Provider.').waitFor();
    await officer.getByRole('button', { name: 'Link to Test Provider' }).click();
    await officer.getByRole('heading', { name: 'Sign in to the test provider' }).waitFor();
    await officer.getByLabel('Login').fill('sam');
    await officer.getByLabel('Password').fill('any');
    await officer.getByRole('button', { name: 'Continue' }).click();
    await officer.getByRole('heading', { name: 'Account linked' }).waitFor();
    await goto(officer, server, '/account');
    await officer.getByRole('cell', { name: /^sam/ }).waitFor();
    await checkA11y(officer, 'account with a single sign-on link');
    await shot(officer, 'sso-account-linked');
  },
  async () => {
    const port = await freePort();
    provider = await startProvider(
      `http://127.0.0.1:${port}/api/v1/auth/oidc/callback`,
      `http://127.0.0.1:${port}/app/`,
    );
    const dir = join(tmpdir(), `accord-sso-${port}`);
    const secret = join(tmpdir(), `accord-sso-secret-${port}`);
    writeFileSync(secret, 'journey-secret\n', { mode: 0o600 });
    const config = dir + '.toml';
    writeFileSync(
      config,
      `[oidc]\nissuer = "${provider.issuer}"\nclient_id = "accord"\nclient_secret_file = "${secret}"\n` +
        `display_name = "Test Provider"\nscopes = ["openid", "email", "profile", "groups"]\n` +
        `[oidc.group_roles]\n"accord-staff" = "staff"\n`,
    );
    return { args: ['--config', config], listen: `127.0.0.1:${port}`, stop: provider.stop };
  },
);
