// Journey: a review asks its party for something and the party's contact answers — the
// Security Officer asks Relay SMS from the review page ("Ask the party", an empty question
// first), the contact sees the request on its own page, sends an empty answer (the error beside
// the field), then an answer with a file; the officer's review page shows the answer and a link
// to the file.
import { join } from 'node:path';
import { api, ARTIFACTS, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('third-party requests', async ({ server, browser }) => {
  const party = server.contactParty;
  assert(party, 'the demo names the contact party');
  const reviews = (await api(server, 'security_officer', 'GET', `/api/v1/reviews?party_id=${party}&limit=100`)).items;
  const review = reviews.find(
    (r) => r.review_kind === 'party_review' && ['open', 'assigned', 'documented'].includes(r.status),
  );
  assert(review, 'the demo has an open party review of Relay SMS');
  const question = 'Please send the summary of your 2026 penetration test and the status of its findings.';
  const answer = 'Summary attached: no critical findings; the one medium finding was fixed in May.';

  // The Security Officer asks from the review page; an empty question stays on the form.
  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(so, server, `/reviews/${review.id}`);
  await so.getByRole('heading', { name: review.title, level: 1 }).waitFor();
  const card = so.locator('section', { has: so.locator('#party-questions') });
  await card.getByText('Nothing has been asked of Relay SMS').waitFor();
  const ask = so.getByRole('form', { name: 'Ask the party' });
  await ask.getByRole('button', { name: 'Ask the party' }).click();
  await ask.locator('.field-invalid .field-error').waitFor();
  const q = ask.getByLabel(/^What do you need from the party/);
  assert((await q.getAttribute('aria-invalid')) === 'true', 'the question is marked');
  await q.fill(question);
  await ask.getByRole('button', { name: 'Ask the party' }).click();
  await so
    .getByRole('status')
    .getByText(/Your question was sent to Relay SMS/)
    .waitFor();
  await card.getByText(question).waitFor();
  await card.getByText("Awaiting the party's answer").waitFor();
  await so.locator('.review-history').getByText('Asked the party').waitFor();
  const asked = await api(server, 'security_officer', 'GET', `/api/v1/reviews/${review.id}`);
  assert(asked.awaiting_party === true && asked.status === review.status, 'asking does not move the workflow');

  // The contact sees it on its own page.
  const page = await newPage(browser, server, { email: 'contact@relaysms.example' });
  await goto(page, server, '/');
  await page.getByRole('heading', { name: 'Relay SMS', level: 1 }).waitFor();
  const reqs = page.locator('section', { has: page.locator('#sec-requests') });
  await reqs.getByRole('heading', { name: review.title, level: 3 }).waitFor();
  await reqs.getByText(question).waitFor();
  await reqs.getByText('Awaiting your answer').waitFor();

  // An empty answer: the server's error beside the field; then a message and a file.
  const form = reqs.getByRole('form', { name: `Answer: ${review.title}` });
  await form.getByRole('button', { name: 'Send the answer' }).click();
  await form.locator('.field-invalid .field-error').waitFor();
  const msg = form.getByLabel(/^Your answer/);
  assert((await msg.getAttribute('aria-invalid')) === 'true', 'the answer is marked');
  assert((await page.evaluate(() => document.activeElement?.tagName)) === 'TEXTAREA', 'focus moves to the answer');
  await reqs.screenshot({ path: join(ARTIFACTS, 'third-party-request-form.png') });
  await msg.fill(answer);
  await form.getByLabel(/^Attach a file/).setInputFiles({
    name: 'pentest-summary.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Pen test 2026: 0 critical, 1 medium (fixed).\n'),
  });
  await form.getByRole('button', { name: 'Send the answer' }).click();
  await reqs
    .getByRole('status')
    .getByText(/Your answer to .* was sent with its file\./)
    .waitFor();
  await reqs.getByText(answer).waitFor();
  await reqs.getByRole('link', { name: 'pentest-summary.txt' }).waitFor();
  assert((await reqs.getByText('Awaiting your answer').count()) === 0, 'no longer awaiting');
  await reqs.getByRole('button', { name: 'Send more for this review' }).waitFor();
  // The file is kept with the organisation's documents too.
  await page
    .locator('section', { has: page.locator('#sec-documents') })
    .getByRole('link', { name: 'pentest-summary.txt' })
    .waitFor();
  await checkA11y(page, 'third-party requests');
  await reqs.scrollIntoViewIfNeeded();
  await shot(page, 'third-party-request');

  const listed = (await api(server, 'third_party_contact', 'GET', `/api/v1/parties/${party}/requests`)).items.find(
    (r) => r.id === review.id,
  );
  assert(listed && listed.awaiting_party === false && listed.party_responses.length === 1, 'the answer is recorded');

  // The officer's review page shows the answer and its document.
  await goto(so, server, `/reviews/${review.id}`);
  await card.getByText(answer).waitFor();
  const link = card.getByRole('link', { name: 'pentest-summary.txt' });
  const href = await link.getAttribute('href');
  assert(/^\/api\/v1\/documents\/[^/]+\/content$/.test(href), 'the link downloads the document: ' + href);
  assert((await card.getByText("Awaiting the party's answer").count()) === 0, 'no longer awaiting');
  await so.locator('.review-history').getByText('The party answered').waitFor();
  const bytes = await so.evaluate(async (u) => (await fetch(u)).text(), href);
  assert(bytes.startsWith('Pen test 2026'), 'the officer downloads the file');
  await checkA11y(so, 'review with an answer');
  await shot(so, 'review-party-answer');

  // An officer on the party page sees the same, read-only.
  await goto(so, server, `/parties/${party}`);
  const ro = so.locator('section', { has: so.locator('#sec-requests') });
  await ro.getByText(answer).waitFor();
  assert(
    (await ro.getByRole('button', { name: 'Send the answer' }).count()) === 0,
    'officers do not answer for the party',
  );

  // Phone width.
  const phone = await newPage(browser, server, {
    email: 'contact@relaysms.example',
    viewport: { width: 390, height: 844 },
  });
  await goto(phone, server, '/');
  await phone.locator('#sec-requests').waitFor();
  await phone.getByText(answer).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `no sideways scrolling at 390 px (overflow ${overflow})`);
  await shot(phone, 'third-party-request-phone');
});
