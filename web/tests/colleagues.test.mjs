// Journey (issue 28, item 2): Relay SMS's contact asks for a colleague's account from the
// questionnaire page; the Security Officer approves it on Account requests and reads its first
// password once; the contact assigns the Access control section to the colleague; the
// colleague signs in (first password changed, MFA enrolled), finds the section in My work,
// answers it and saves; the officer's review page shows who the section went to. axe checks
// each screen.
import { api, assert, checkA11y, goto, journey, navTo, newPage, totp } from './harness.mjs';

// The colleague's first sign-in, as the sign-in page walks it: the one-time password, their
// own password, then TOTP enrolment; returns the session cookie.
async function firstSignIn(server, email, initial) {
  let cookie = '';
  let csrf = '';
  const call = async (path, body) => {
    const headers = { 'Content-Type': 'application/json' };
    if (cookie) headers.Cookie = 'accord_session=' + cookie;
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const res = await fetch(server.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
    const m = (res.headers.get('set-cookie') || '').match(/accord_session=([^;]*)/);
    if (m) cookie = m[1];
    const data = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
    if (data.csrf_token) csrf = data.csrf_token;
    return data;
  };
  let s = await call('/api/v1/auth/sign-in', { email, password: initial });
  if (s.state === 'password_change_required') {
    s = await call('/api/v1/auth/initial-password', { new_password: 'riley chooses a long passphrase 2026' });
  }
  if (s.state === 'mfa_enrolment_required') {
    const e = await call('/api/v1/auth/mfa/enrol', {});
    s = await call('/api/v1/auth/mfa/confirm', { code: totp(e.secret) });
  }
  assert(s.state === 'active', `${email} is signed in (state ${s.state})`);
  return cookie;
}

await journey('colleagues', async ({ server, browser }) => {
  const party = server.contactParty;
  const list = await api(server, 'security_officer', 'GET', `/api/v1/questionnaires?party_id=${party}&status=sent`);
  const q = list.items[0];
  assert(q, 'the demo sent Relay SMS a questionnaire');

  // The contact asks for Riley's account from the questionnaire.
  const vendor = await newPage(browser, server, { email: 'contact@relaysms.example' });
  await goto(vendor, server, `/questionnaires/${q.id}`);
  await vendor.getByRole('heading', { name: 'Who answers which section' }).waitFor();
  await checkA11y(vendor, 'questionnaire with sections to assign (contact)');
  await vendor.getByRole('button', { name: 'Ask for a colleague’s account' }).click();
  await vendor.getByLabel('Colleague’s name').fill('Riley Quinn');
  await vendor.getByLabel('Colleague’s work email').fill('riley.quinn@relaysms.example');
  await vendor.getByLabel('Why they need an account').fill('Runs our access reviews: answers Access control.');
  await vendor.getByRole('button', { name: 'Send the request' }).click();
  await vendor.getByText('Your request for Riley Quinn’s account is sent to the Security Officer.').waitFor();
  await vendor.getByText(/Riley Quinn \(riley\.quinn@relaysms\.example\): Waiting for the Security Officer/).waitFor();

  // The officer approves it and reads the first password once.
  const officer = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(officer, server, '/');
  await navTo(officer, 'Account requests');
  await officer.getByRole('heading', { name: 'Riley Quinn for Relay SMS' }).waitFor();
  await checkA11y(officer, 'account requests');
  await officer
    .getByRole('form', { name: 'Approve Riley Quinn' })
    .getByRole('button', { name: 'Approve and create the account' })
    .click();
  const secret = officer.locator('code.secret');
  await secret.waitFor();
  const initial = (await secret.textContent()).trim();
  assert(initial.length >= 20, 'the first password is shown');

  // The contact assigns the Access control section to Riley.
  await vendor.reload();
  await vendor
    .getByLabel('Assign “Access control” to')
    .selectOption({ label: 'Riley Quinn (riley.quinn@relaysms.example)' });
  await vendor.getByText('“Access control” is assigned to Riley Quinn; they are emailed.').waitFor();

  // Riley signs in, finds the section in My work and answers it.
  const cookie = await firstSignIn(server, 'riley.quinn@relaysms.example', initial);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([
    { name: 'accord_session', value: cookie, url: server.url, httpOnly: true, secure: true, sameSite: 'Strict' },
  ]);
  const riley = await context.newPage();
  riley.problems = [];
  riley.on('pageerror', (e) => riley.problems.push('page error: ' + e.message));
  riley.setDefaultTimeout(30000);
  await goto(riley, server, '/');
  // The link carries the count of what waits ("My work 1 waiting in My work").
  await riley
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^My work/ })
    .click();
  await riley.getByRole('heading', { name: 'Questionnaire sections assigned to you' }).waitFor();
  await checkA11y(riley, 'my work (colleague)');
  await riley.getByRole('link', { name: q.title }).first().click();
  await riley.getByRole('heading', { name: q.title, level: 1 }).waitFor();
  await riley.locator('#qs-' + '0').waitFor();
  await riley.getByText('a colleague asked you to answer this section.').waitFor();
  await checkA11y(riley, 'questionnaire (colleague)');
  await riley
    .getByRole('group', { name: /Does every person use their own account/ })
    .getByLabel('Yes')
    .check();
  await riley.getByRole('button', { name: 'Save draft' }).click();
  await riley.getByText('Your draft is saved.').waitFor();
  const saved = await api(server, 'security_officer', 'GET', `/api/v1/questionnaires/${q.id}`);
  assert(
    saved.answers.some((a) => a.question === 'ac-unique-ids' && a.value === 'yes'),
    'the colleague’s answer is saved',
  );

  // The officer's review page says who the section went to.
  await goto(officer, server, `/questionnaires/${q.id}`);
  await officer.getByText(/Assigned to Riley Quinn \(riley\.quinn@relaysms\.example\)/).waitFor();
});
