// Journey: an officer's first sign-in (initial password, TOTP enrolment by QR code, recovery
// codes), sign-out, sign-in again with a TOTP code, a wrong code shown beside its field, and
// an expired session sending the officer back to sign in.
import { assert, checkA11y, goto, journey, navTo, newPage, shot, totp } from './harness.mjs';

await journey('sign-in with TOTP', async ({ server, browser }) => {
  const email = 'officer@luma.example';
  const page = await newPage(browser, server);
  await goto(page, server, '/');
  await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
  await checkA11y(page, 'sign-in');
  await shot(page, 'sign-in');

  // A wrong password: an error, nothing else.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();

  await page.getByLabel('Password').fill(server.passwords[email]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Set up two-step verification' }).waitFor();
  await page.getByRole('img', { name: /QR code/ }).waitFor();
  await checkA11y(page, 'enrolment');
  await shot(page, 'enrol-totp');
  const secret = await page.locator('[data-secret]').getAttribute('data-secret');
  assert(secret && secret.length >= 32, 'the manual-entry secret is shown');

  // A wrong code is reported beside the field.
  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  const fieldError = page.locator('.field-error');
  await fieldError.waitFor();
  assert(/does not match/.test(await fieldError.textContent()), 'the code error is beside the field');

  await page.getByLabel('Code from the app').fill(totp(secret));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await page.getByRole('heading', { name: 'Keep your recovery codes' }).waitFor();
  assert((await page.locator('ul[aria-label="Recovery codes"] li').count()) === 10, 'ten recovery codes');
  await page.getByRole('button', { name: /continue/ }).click();
  await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();

  // Sign out, then in again with a code from the app.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You are signed out.').waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(server.passwords[email]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
  await page.getByLabel('Authentication code').fill(totp(secret, 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();

  // The session ends behind the page's back (here: the cookie is gone): the next request
  // brings the sign-in screen with an explanation, not a broken page. The page's own reads
  // (its list and the navigation's count) finish first, or one of them would be that request.
  await page.waitForLoadState('networkidle');
  await page.context().clearCookies();
  await navTo(page, 'Parties');
  await page.getByText('Your session has ended').waitFor();
  await shot(page, 'session-expired');
});
