// Customers' Excel workbooks, read and written in the browser (issue 28, part 5). exceljs is
// loaded only when a workbook is chosen on the questionnaire screens, never with the portal;
// the server sees CSV only. Every row of the first sheet becomes one CSV record (so data row n
// is sheet row n + 1), and the export writes answers into the customer's own workbook, leaving
// its sheets, styles and widths as they were.
import type { Workbook, Worksheet } from 'exceljs';

async function load(file: Blob): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await file.arrayBuffer());
  return wb;
}

function firstSheet(wb: Workbook): Worksheet {
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('The workbook has no sheet.');
  return ws;
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// The first sheet as CSV: the header row's width for every row, every row kept.
export async function workbookToCsv(file: Blob): Promise<string> {
  const ws = firstSheet(await load(file));
  const width = ws.getRow(1).cellCount;
  if (!width) throw new Error('The first row of the first sheet is empty: it must name the columns.');
  const lines: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(csvField(row.getCell(c).text ?? ''));
    lines.push(cells.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export interface AnsweredRow {
  row: number;
  answer: string | null;
}

// The customer's workbook with the answer column of its first sheet filled.
export async function fillWorkbook(file: Blob, answerColumn: string, rows: AnsweredRow[]): Promise<Blob> {
  const wb = await load(file);
  const ws = firstSheet(wb);
  let col = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (!col && cell.text.trim() === answerColumn) col = n;
  });
  if (!col) throw new Error(`The workbook's first sheet has no column named "${answerColumn}".`);
  for (const r of rows) {
    if (r.answer !== null) ws.getRow(r.row + 1).getCell(col).value = r.answer;
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
