// Journey: our data-use commitments (TR-11). The Privacy Officer reads the demo's commitments
// and DPF participation, adds a commitment, and publishes an AI provider its agreement does not
// bind to zero retention: refused until the exception names that commitment and gives a reason.
// The public trust center shows the new commitment; an auditor reads the page without forms.
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('our commitments', async ({ server, browser }) => {
  const lexicon = await api(server, 'security_officer', 'POST', '/api/v1/parties', {
    name: 'Lexicon AI',
    kind: 'subcontractor',
    status: 'active',
    ai_provider: true,
    purpose: 'Chat assistant',
  });
  // Its agreement rules out training on customer data, not keeping it.
  const day = 24 * 3600 * 1000;
  await api(server, 'security_officer', 'POST', `/api/v1/parties/${lexicon.id}/agreements`, {
    type: 'dpa',
    title: 'Data processing agreement',
    status: 'executed',
    effective_at: new Date(Date.now() - day).toISOString(),
    expires_at: new Date(Date.now() + 300 * day).toISOString(),
    data_use: { no_model_training: true },
  });

  const page = await newPage(browser, server, { email: 'privacy@luma.example' });
  await goto(page, server, '/commitments');
  await page.getByRole('heading', { name: 'Our commitments', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'No AI model is trained on your data.' }).waitFor();
  await page.getByText('EU-U.S. Data Privacy Framework, UK Extension, Swiss-U.S. Data Privacy Framework').waitFor();
  await checkA11y(page, 'commitments');

  // A new commitment, published at once.
  const add = page.getByRole('form', { name: 'Add a commitment' });
  await add.getByLabel('As the trust center says it').fill('We delete your data within 30 days of the end.');
  await add.getByLabel('Since').fill('2026-01-01');
  await add.getByLabel('The clause that backs it').fill('Customer agreement, section 12');
  await add.getByRole('button', { name: 'Add the commitment' }).click();
  await page.getByText('The commitment is recorded').waitFor();
  await page.getByRole('cell', { name: 'We delete your data within 30 days of the end.' }).waitFor();

  // Publishing the unbound AI provider: refused beside the subprocessor, then allowed with a reason.
  const exc = page.getByRole('form', { name: 'Record an exception' });
  await exc.getByRole('combobox', { name: /^Subprocessor/ }).selectOption(lexicon.id);
  await exc.getByRole('button', { name: 'Record the exception' }).click();
  await exc.getByText('must not be empty').waitFor();
  await exc.getByLabel('Why it may be published anyway').fill('Abuse monitoring keeps prompts 30 days.');
  // An exception for another commitment does not cover it: the refusal names what it lacks.
  await exc.getByLabel('The commitment it does not make').selectOption('no_sale_or_sharing');
  await exc.getByRole('button', { name: 'Record the exception' }).click();
  await exc
    .getByText(/zero retention of customer data by AI models/)
    .first()
    .waitFor();
  await exc.getByLabel('The commitment it does not make').selectOption('ai_zero_data_retention');
  await exc.getByRole('button', { name: 'Record the exception' }).click();
  await page.getByText('The exception for Lexicon AI is recorded.').waitFor();
  await page.getByRole('cell', { name: 'Abuse monitoring keeps prompts 30 days.' }).waitFor();
  const party = await api(server, 'security_officer', 'GET', '/api/v1/parties/' + lexicon.id);
  assert(party.public_subprocessor === true, 'published with its exception');
  await shot(page, 'commitments');

  const trust = await (await fetch(server.url + '/trust')).text();
  assert(trust.includes('We delete your data within 30 days of the end.'), 'the trust center shows it');
  assert(!trust.includes('Abuse monitoring'), 'the reason stays ours');

  const auditor = await newPage(browser, server, { email: 'auditor@luma.example' });
  await goto(auditor, server, '/commitments');
  await auditor.getByRole('cell', { name: 'Abuse monitoring keeps prompts 30 days.' }).waitFor();
  assert((await auditor.getByRole('form').count()) === 0, 'the auditor reads, without forms');
});
