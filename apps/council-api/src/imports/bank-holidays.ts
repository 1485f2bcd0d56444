import { isCalendarDate } from '../config.js';
import { bankHolidayDivisions, type BankHolidaysTable } from '../db/import-tables.js';
import { refreshHolidayChanges } from '../waste/holidays.js';
import { ImportError } from './import-error.js';
import { readSource } from './read-source.js';
import { recordImport } from './record-import.js';
import type { ImportContext, ImportReport } from './registry.js';

/** GOV.UK publishes its list here; `council-api import bank-holidays` reads it when no file is given. */
export const govUkBankHolidaysUrl = 'https://www.gov.uk/bank-holidays.json';

/**
 * Reads GOV.UK's `bank-holidays.json`: `{ "england-and-wales": { "division": …, "events": [ {
 * "title", "date", "notes", "bunting" } ] }, "scotland": …, "northern-ireland": … }`. A file of
 * any other shape is refused with what is wrong; an event without a date or title is refused
 * too (a holiday list with holes would move the wrong collections).
 */
export function parseBankHolidays(text: string): BankHolidaysTable[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ImportError('not JSON: expected GOV.UK’s bank-holidays.json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ImportError('expected GOV.UK’s bank-holidays.json: an object keyed by division');
  }
  const rows: BankHolidaysTable[] = [];
  const record = parsed as Record<string, unknown>;
  const found = bankHolidayDivisions.filter((division) => division in record);
  if (!found.length) throw new ImportError(`no division in the file: expected ${bankHolidayDivisions.join(', ')}`);
  for (const division of found) {
    const events = (record[division] as { events?: unknown } | null)?.events;
    if (!Array.isArray(events)) throw new ImportError(`${division}: no "events" list`);
    const seen = new Set<string>();
    events.forEach((event: unknown, i) => {
      const { date, title } = (event ?? {}) as { date?: unknown; title?: unknown };
      if (typeof date !== 'string' || !isCalendarDate(date)) throw new ImportError(`${division}, event ${i + 1}: "date" must be a date written YYYY-MM-DD`);
      if (typeof title !== 'string' || !title.trim()) throw new ImportError(`${division}, event ${i + 1}: no "title"`);
      // GOV.UK never lists a day twice; if a file does, the first title stands.
      if (seen.has(date)) return;
      seen.add(date);
      rows.push({ division, date, title: title.trim().slice(0, 200) });
    });
  }
  return rows;
}

/**
 * `council-api import bank-holidays [FILE-OR-URL]` (GOV.UK's URL when none is given): replaces
 * the imported holidays of every division in the file, in one transaction, and recomputes the
 * collection moves from `BANK_HOLIDAY_DIVISION`'s holidays.
 */
export async function importBankHolidays(context: ImportContext): Promise<ImportReport> {
  const source = context.source || govUkBankHolidaysUrl;
  const rows = parseBankHolidays(await readSource(source));
  const divisions = [...new Set(rows.map((row) => row.division))];
  const report: ImportReport = { kind: 'bank-holidays', imported: rows.length, skipped: 0, problems: [] };
  const division = context.config.bankHolidayDivision ?? 'england-and-wales';
  await context.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('bank_holidays').where('division', 'in', divisions).execute();
    for (let i = 0; i < rows.length; i += 300) await trx.insertInto('bank_holidays').values(rows.slice(i, i + 300)).execute();
    await refreshHolidayChanges(trx, division, context.clock.today());
    await recordImport(trx, source, report, context.clock.now());
  });
  context.logger.info('bank holidays imported', { imported: rows.length, divisions, division });
  return report;
}
