// RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a BOM tolerated) for the invitation import.
// Returns the rows as arrays of trimmed cells; a quote left open is reported with its line.
export class CsvError extends Error {}

/** The delimiter is a comma, or a semicolon when the header line has only those (French spreadsheets). */
export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, '');
  const header = input.slice(0, Math.max(0, input.search(/\r?\n|$/)));
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === '') { quoted = true; quoteLine = line; cell = ''; continue; }
    if (c === delimiter) { row.push(cell.trim()); cell = ''; continue; }
    if (c === '\r' && input[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') {
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
      line++;
      continue;
    }
    cell += c;
  }
  if (quoted) throw new CsvError(`a quoted field opened on line ${quoteLine} is never closed`);
  if (cell !== '' || row.length > 0) { row.push(cell.trim()); rows.push(row); }
  return rows.filter((r) => r.some((v) => v !== ''));
}
