// Journey (issue 28), on the bloomapi profile whose access gate has TP-2's due-diligence rule:
// Relay SMS's recorded due diligence is made to fail, so the rule refuses. Relay's contact
// answers the security questionnaire in the vendor portal, attaching its SOC 2 report; the
// Security Officer asks a follow-up question; the contact replies and submits again; the
// officer accepts, and the gate's TP-2 rule now passes on the record the acceptance made.
// axe checks each screen.
import { api, assert, checkA11y, goto, journey, newPage } from './harness.mjs';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function tp2(server, party, contact) {
  const systems = await api(server, 'security_officer', 'GET', '/api/v1/systems?limit=1');
  const soon = (m) => new Date(Date.now() + m * 60000).toISOString();
  const d = await api(server, 'security_officer', 'POST', '/api/v1/access/evaluate', {
    party_id: party,
    contact_id: contact,
    purpose: 'support',
    start_at: soon(5),
    end_at: soon(60 * 24 * 10),
    lines: [{ system_id: systems.items[0].id, permission: 'read', justification: 'Reproduce a support case' }],
  });
  return d.rules.find((r) => r.id === 'tp2.due_diligence')?.outcome;
}

await journey(
  'questionnaires',
  async ({ server, browser }) => {
    const party = server.contactParty;
    assert(party, 'the demo names the contact party');
    const contacts = await api(server, 'security_officer', 'GET', `/api/v1/parties/${party}/contacts`);
    const contact = contacts.items[0].id;
    for (const dd of (await api(server, 'security_officer', 'GET', `/api/v1/parties/${party}/due-diligence`)).items) {
      await api(server, 'security_officer', 'PATCH', `/api/v1/due-diligence/${dd.id}`, { result: 'failed' });
    }
    assert((await tp2(server, party, contact)) === 'deny', 'TP-2 refuses before the questionnaire');

    // The demo sent Relay SMS the HIPAA questionnaire; its contact drafts most answers first.
    const list = await api(server, 'security_officer', 'GET', `/api/v1/questionnaires?party_id=${party}`);
    const q = list.items.find((x) => x.status === 'sent');
    assert(q, 'the demo sent Relay SMS a questionnaire');
    const full = await api(server, 'third_party_contact', 'GET', `/api/v1/questionnaires/${q.id}`);
    assert(!('scoring' in full) && !('score' in full), 'the contact never sees our scoring');
    const skip = new Set(['org-subcontractors', 'ir-breaches', 'ac-our-access']);
    const answers = [];
    for (const s of full.sections) {
      for (const x of s.questions) {
        if (x.show_if && skip.has(x.show_if.question)) continue;
        if (x.type === 'file' || x.id === 'sm-officer') continue; // answered on the page below
        const value =
          x.type === 'yes_no'
            ? skip.has(x.id)
              ? 'no'
              : 'yes'
            : x.type === 'choice'
              ? x.id === 'au-retention'
                ? '6 years or more'
                : x.choices[0]
              : x.type === 'date'
                ? '2026-05-01'
                : 'Hosted in our own accounts in the United States.';
        answers.push({ question: x.id, value });
      }
    }
    await api(server, 'third_party_contact', 'PUT', `/api/v1/questionnaires/${q.id}/answers`, { answers });

    // The contact: the list, then the questionnaire; a file and the last answer on the page.
    const vendor = await newPage(browser, server, { email: 'contact@relaysms.example' });
    await goto(vendor, server, '/questionnaires');
    await vendor.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
    await checkA11y(vendor, 'questionnaires (contact)');
    await vendor.getByRole('link', { name: q.title }).click();
    await vendor.getByRole('heading', { name: q.title, level: 1 }).waitFor();
    await checkA11y(vendor, 'questionnaire (contact)');
    // Submitting without the required file is refused beside the question.
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.locator('.field-error', { hasText: 'needs a document attached' }).first().waitFor();
    await vendor
      .getByRole('group', { name: /Have you named a security official/ })
      .getByLabel('Yes')
      .check();
    await vendor
      .getByLabel(/^Attach your most recent attestation report/)
      .setInputFiles({ name: 'relay-soc2-2026.pdf', mimeType: 'application/pdf', buffer: pdf });
    await vendor.getByText('relay-soc2-2026.pdf is attached.').waitFor();
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.getByText('Your answers are submitted. Thank you.').waitFor();

    // The officer asks a follow-up question on the keys.
    const officer = await newPage(browser, server, { email: 'officer@luma.example' });
    await goto(officer, server, `/questionnaires/${q.id}`);
    await officer.getByRole('heading', { name: q.title, level: 1 }).waitFor();
    await officer.getByText('Suggested risk tier').waitFor();
    await checkA11y(officer, 'questionnaire (review)');
    await officer
      .getByLabel(/^Follow-up question on: Are encryption keys kept apart/)
      .fill('Who can use the key-encryption keys?');
    await officer.getByRole('button', { name: 'Ask 1 follow-up question' }).click();
    await officer.getByText('The follow-up questions are sent to the party.').waitFor();

    // The contact replies and submits again.
    await vendor.reload();
    await vendor.getByRole('heading', { name: 'Follow-up questions' }).waitFor();
    await vendor.getByLabel(/^Who can use the key-encryption keys\?/).fill('Two named operators, with MFA.');
    await checkA11y(vendor, 'questionnaire follow-up (contact)');
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.getByText('Your answers are submitted. Thank you.').waitFor();

    // The officer accepts: the party's due diligence is recorded and TP-2 passes.
    await officer.reload();
    await officer.getByText('Two named operators, with MFA.').waitFor();
    await officer.getByRole('button', { name: 'Accept' }).click();
    await officer.getByText("Accepted: the party's due diligence is recorded.").waitFor();
    const done = await api(server, 'security_officer', 'GET', `/api/v1/questionnaires/${q.id}`);
    assert(done.status === 'accepted', 'accepted');
    assert((await tp2(server, party, contact)) === 'pass', 'TP-2 passes on the accepted questionnaire');

    // The officers' list shows it accepted, and the overdue one the demo sent.
    await goto(officer, server, '/questionnaires');
    await officer.getByRole('heading', { name: 'Sent questionnaires' }).waitFor();
    await officer.getByText('Overdue').first().waitFor();
    await checkA11y(officer, 'questionnaires (officer)');
  },
  async () => ({ args: ['--profile', 'bloomapi'] }),
);
