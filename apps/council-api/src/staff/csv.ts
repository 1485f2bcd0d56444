/**
 * CSV (RFC 4180) for spreadsheets: every field quoted when it holds a comma, quote or line
 * break, and a cell starting with `=`, `+`, `-`, `@`, tab or carriage return prefixed with `'`,
 * so a resident's text ("=HYPERLINK(…)") is shown as text, never run as a formula (CSV injection).
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and one row per record, CRLF line ends as RFC 4180 asks. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
