export type CsvValue = string | number | null;

/** One CSV field (RFC 4180); a leading = + - @ is quoted with ' so a spreadsheet never runs it as a formula (OWASP "CSV injection"). */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = value.replace(/^[=+\-@]/, "'$&");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 text, CRLF after each. */
export const csvText = (rows: readonly (readonly CsvValue[])[]) => rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
