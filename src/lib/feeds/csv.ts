/**
 * CSV writer (RFC 4180) for spreadsheets: UTF-8 with a byte order mark so Excel
 * opens Korean text correctly, CRLF between records, and a field quoted whenever it
 * holds a quote, comma or line break (quotes doubled inside). Values are written as
 * they are: the CSV is a faithful copy of the data, not a formula sheet.
 */

/** The UTF-8 byte order mark Excel looks for. */
export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field, quoted when RFC 4180 requires it (or when edge spaces would be trimmed by readers). */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Header plus rows → the whole file, BOM first. Every row must be as wide as the header. */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row, i) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${i} has ${row.length} fields, the header has ${header.length}`);
    }
    return row.map(csvField).join(',');
  });
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
