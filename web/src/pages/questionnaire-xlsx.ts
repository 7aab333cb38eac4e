// Spreadsheet (XLSX) import and export of a questionnaire template, converted in the browser
// to and from the CSV the API takes (issue 28). Loaded only when a spreadsheet is chosen:
// exceljs is large, and no other screen needs it.
import ExcelJS from 'exceljs';
import { parseCsv, toCsv } from './questionnaire-csv';

// The first worksheet's rows as CSV; every cell as its text (numbers as written, dates as
// YYYY-MM-DD), empty trailing cells kept so each row has the header's width.
export async function xlsxToCsv(data: ArrayBuffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('The spreadsheet has no worksheet.');
  const rows: string[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    const n = Math.max(row.cellCount, width);
    for (let i = 1; i <= n; i++) cells.push(cellText(row.getCell(i).value));
    if (!width) width = cells.length;
    rows.push(cells.slice(0, width));
  });
  return toCsv(rows);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result === undefined ? '' : String(v.result);
    return '';
  }
  return String(v);
}

// One worksheet named after the template, the header bold and frozen.
export async function csvToXlsx(csv: string, name: string): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Template');
  const rows = parseCsv(csv);
  // The CSV export quotes a value that looks like a formula ('=…); a cell keeps it as text.
  for (const r of rows) sheet.addRow(r.map((v) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = await book.xlsx.writeBuffer();
  return new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
