// Journey: answering our customers (issue 28, part 5). The Security Officer opens Customer
// questionnaires: the demo's Riverside questionnaire is shared; our approved answers are listed.
// They import a customer's Excel workbook (styled, a second sheet, set column widths; made here
// with exceljs), which the browser converts; every question has suggestions with a score; they
// take every close match, write one answer by hand, and fill the customer's own workbook: the
// file that comes back has the same sheets, widths and cells with the answer column filled.
// axe on each page.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { assert, checkA11y, goto, journey, navTo, newPage, shot } from './harness.mjs';

const QUESTIONS = [
  ['NW-1', 'Is patient data encrypted when stored?'],
  ['NW-2', 'Is MFA enforced for your staff?'],
  ['NW-3', 'How frequently is user access reviewed?'],
  ['NW-4', 'Will you sign our BAA?'],
  ['NW-5', 'What colour is your logo?'],
];

async function customerWorkbook(path) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Security review');
  ws.columns = [
    { header: 'Ref', width: 8 },
    { header: 'Question', width: 60 },
    { header: 'Supplier response', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [ref, q] of QUESTIONS) ws.addRow([ref, q, '']);
  wb.addWorksheet('Instructions').getCell('A1').value = 'Answer every question in column C.';
  await wb.xlsx.writeFile(path);
}

await journey('customer questionnaires', async ({ server, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-cq-'));
  const original = join(dir, 'northwind-security-review.xlsx');
  await customerWorkbook(original);

  const so = await newPage(browser, server, { email: 'officer@luma.example' });
  await goto(so, server, '/');
  await navTo(so, 'Customer questionnaires');
  await so.getByRole('heading', { name: 'Customer questionnaires', level: 1 }).waitFor();
  const list = so.getByRole('table', { name: 'Questionnaires' });
  await list
    .getByRole('row', { name: /Riverside vendor security assessment 2026/ })
    .getByText('Shared')
    .waitFor();
  const text = await so.locator('main').innerText();
  assert(!text.includes('/api/'), 'no API paths on the questionnaires page');
  await checkA11y(so, 'customer questionnaires');
  await shot(so, 'customer-questionnaires');

  // Our approved answers.
  await so.getByRole('link', { name: 'Our approved answers' }).click();
  await so.getByRole('heading', { name: 'Our approved answers', level: 1 }).waitFor();
  await so.getByRole('cell', { name: 'Is ePHI encrypted at rest?', exact: true }).waitFor();
  await checkA11y(so, 'answer library');

  // Import the customer's workbook: converted in the browser, matched on the server.
  await goto(so, server, '/customer-questionnaires');
  await so.getByLabel('Customer', { exact: true }).selectOption({ label: 'Northwind Clinics' });
  await so.getByLabel('Name', { exact: true }).fill('Northwind security review');
  await so.getByLabel(/The customer's file/).setInputFiles(original);
  await so.getByRole('button', { name: 'Import and match' }).click();
  await so.getByRole('heading', { name: 'Northwind security review', level: 1 }).waitFor();
  await so.getByText('0 of 5 questions').waitFor();
  const rows = so.getByRole('table', { name: 'Questions and answers' });
  await rows
    .getByRole('row', { name: /NW-1/ })
    .getByText(/Is ePHI encrypted at rest\? \(match \d+%\)/)
    .waitFor();
  await checkA11y(so, 'a customer questionnaire');

  await so.getByRole('button', { name: 'Use every close match' }).click();
  await so.getByText('4 of 5 questions').waitFor();
  await so.getByLabel('Answer to row 5').fill('Blue, as on our website.');
  await so.getByRole('button', { name: 'Save row 5' }).click();
  await so.getByText('5 of 5 questions').waitFor();
  await shot(so, 'customer-questionnaire');

  // Back in the customer's own workbook.
  const [download] = await Promise.all([
    so.waitForEvent('download'),
    so.getByLabel(/Fill the customer's Excel workbook/).setInputFiles(original),
  ]);
  const answered = join(dir, 'answered.xlsx');
  await download.saveAs(answered);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(answered));
  assert(wb.worksheets.length === 2 && wb.worksheets[1].name === 'Instructions', 'both sheets are kept');
  const ws = wb.worksheets[0];
  assert(ws.getColumn(2).width === 60 && ws.getColumn(3).width === 80, 'column widths are kept');
  assert(ws.getRow(1).getCell(1).font?.bold, 'the header keeps its style');
  for (let i = 0; i < QUESTIONS.length; i++) {
    const row = ws.getRow(i + 2);
    assert(row.getCell(1).text === QUESTIONS[i][0] && row.getCell(2).text === QUESTIONS[i][1], `row ${i + 2} kept`);
    assert(row.getCell(3).text.length > 0, `row ${i + 2} is answered`);
  }
  assert(ws.getRow(2).getCell(3).text.includes('AES-256'), 'the encryption answer is filled');
  assert(ws.getRow(6).getCell(3).text === 'Blue, as on our website.', 'the hand-written answer is filled');

  await so.getByRole('button', { name: 'Mark completed' }).click();
  await so.getByRole('button', { name: 'Share with the customer' }).waitFor();
  await checkA11y(so, 'a completed questionnaire');
});
