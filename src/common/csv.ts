/**
 * CSV for Belgian Excel: UTF-8 with a byte-order mark (so Excel reads é and ë), `;` between
 * cells (Excel in a Dutch or French locale expects it) and CRLF between rows.
 *
 * Formula injection: a cell that starts with = + - @ TAB or CR is read by spreadsheets as a
 * formula. Such a cell gets a single quote in front and is always quoted, so `=HYPERLINK(...)`
 * comes out as `"'=HYPERLINK(...)"` and shows as text.
 */
export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  if (NEEDS_QUOTES.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** The whole file: BOM, then one line per row. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
