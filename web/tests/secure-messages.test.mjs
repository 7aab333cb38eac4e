// Journey: Secure Message (issue 26). The Security Officer writes one to a staff member with an
// attachment; it shows as not read yet. The staff member finds it under Secure messages, reads
// it (recorded) and replies. The officer sees it read, with the opening in the ledger, reads the
// reply, and retracts the message: nobody can open it any more. The demo's own message shows
// read, and the demo's refused PHI email sits in the outbox with its reason.
import { api, assert, checkA11y, goto, journey, newPage, shot } from './harness.mjs';

await journey('secure messages', async ({ server, browser }) => {
  const officer = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(officer, server, '/secure-messages');
  await officer.getByRole('heading', { name: 'Secure messages', level: 1 }).waitFor();
  // The demo's message, already read by its recipient.
  await officer.getByRole('link', { name: 'Follow-up call for a patient' }).waitFor();
  await checkA11y(officer, 'secure-messages');

  const write = officer.getByRole('form', { name: 'Write a secure message' });
  await write.getByLabel("Recipient's email").fill('not an address');
  await write.getByLabel('Subject').fill('Biopsy result for Maria Lopez');
  await write.getByLabel('Message').fill('Maria Lopez (DOB 1971-04-02): the biopsy is benign.');
  await write.getByRole('button', { name: 'Send securely' }).click();
  await write.getByText('must be an email address').waitFor();
  await write.getByLabel("Recipient's email").fill('staff@luma.example');
  await write.getByLabel('Attachment (optional)').setInputFiles({
    name: 'report.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('pathology report (invented)'),
  });
  await write.getByRole('button', { name: 'Send securely' }).click();
  await officer.getByText('Sent. staff@luma.example gets a link by email').waitFor();
  await officer.getByRole('link', { name: 'Biopsy result for Maria Lopez', exact: true }).click();
  await officer.getByRole('heading', { name: 'Biopsy result for Maria Lopez', level: 1 }).waitFor();
  await officer.getByText('Not read yet').first().waitFor();
  await checkA11y(officer, 'secure-message-sent');

  const staff = await newPage(browser, server, { email: 'staff@luma.example' });
  await goto(staff, server, '/secure-messages');
  await staff.getByRole('link', { name: 'Biopsy result for Maria Lopez', exact: true }).click();
  await staff.getByRole('button', { name: 'Read the message' }).click();
  await staff.getByText('the biopsy is benign').waitFor();
  await staff.getByRole('button', { name: 'Download report.txt' }).waitFor();
  const reply = staff.getByRole('form', { name: 'Reply' });
  await reply.getByLabel('Your reply').fill('Thanks, I will call her today.');
  await reply.getByRole('button', { name: 'Send the reply securely' }).click();
  await staff.getByText('Your reply was sent as a secure message.').waitFor();
  await checkA11y(staff, 'secure-message-read');
  await shot(staff, 'secure-message-read');

  await officer.reload();
  await officer.getByText('Read', { exact: true }).first().waitFor();
  await officer.getByText('Opened', { exact: false }).first().waitFor();
  await goto(officer, server, '/secure-messages');
  await officer.getByRole('link', { name: 'Re: Biopsy result for Maria Lopez' }).click();
  await officer.getByRole('button', { name: 'Read the message' }).click();
  await officer.getByText('Thanks, I will call her today.').waitFor();

  await goto(officer, server, '/secure-messages');
  await officer.getByRole('link', { name: 'Biopsy result for Maria Lopez', exact: true }).click();
  officer.once('dialog', (d) => d.accept());
  await officer.getByRole('button', { name: 'Retract' }).click();
  await officer.getByText('This message can no longer be opened').waitFor();

  // The demo's refused email: its reason, not its content.
  const refused = await api(server, 'security_officer', 'GET', '/api/v1/outbox?status=refused');
  const demo = refused.items.find((m) => m.ref_kind === 'demo');
  assert(demo, 'the demo holds a refused message');
  assert(/date of birth/.test(demo.last_error) && /Secure Message/.test(demo.last_error), demo.last_error);
  assert(demo.body === '' && demo.subject === '', 'no content kept');
});
