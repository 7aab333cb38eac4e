// RFC 4180 CSV in the browser, for converting templates to and from spreadsheets (the server
// parses the result strictly, so this one only has to be faithful).
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '') || row.length > 1) rows.push(row);
      row = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function escape(v: string): string {
  return /[",\r\n]|^[ \t]|[ \t]$/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(escape).join(',') + '\r\n').join('');
}
