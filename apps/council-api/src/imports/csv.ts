/** One record of a CSV file: its fields, and the 1-based line it starts on (for problem reports). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A quoted field still open at the end of the file: the rest of the file would be one field. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(readonly line: number) {
    super(`line ${line}: a quoted field is never closed`);
  }
}

/**
 * Reads CSV text (RFC 4180): fields separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and doubled quotes (`""`). A byte-order mark is
 * dropped and blank lines are skipped. Written for speed on a 300,000-row address file: one pass
 * over the string, unquoted fields sliced rather than built a character at a time.
 */
export function* parseCsv(text: string): Generator<CsvRecord> {
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        let value = '';
        let from = ++i;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) throw new CsvSyntaxError(start);
          for (let n = text.indexOf('\n', i); n >= 0 && n < quote; n = text.indexOf('\n', n + 1)) line++;
          if (text.charCodeAt(quote + 1) === 34) {
            value += text.slice(from, quote + 1);
            i = from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          i = quote + 1;
          break;
        }
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10 || c === 13) break;
          end++;
        }
        fields.push(end > i ? value + text.slice(i, end) : value);
        i = end;
      } else {
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10 || c === 13) break;
          end++;
        }
        fields.push(text.slice(i, end));
        i = end;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, a lone CR, or the end of the text.
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: start, fields };
  }
}
