import { addDays, bankHolidays, weekdayOf } from '@council-kit/contracts';
import type { Kysely } from 'kysely';
import type { BankHolidayDivision } from './import-tables.js';
import type { Database } from './schema.js';

/**
 * Bank holidays as the API uses them: the division's list imported from GOV.UK's
 * `bank-holidays.json` (`council-api import bank-holidays`, table `bank_holidays`), and for any
 * year that list does not cover, the computed England and Wales list (`bankHolidays` in the
 * contract). Waste (moved collections, the report window) and repairs (working days) share it.
 */

/** One bank holiday: its date and GOV.UK's title ("Christmas Day", "St Andrew’s Day"…). */
export interface Holiday {
  date: string;
  title: string;
}

/** The computed England and Wales holidays of `year`, titled as GOV.UK titles the ones a moved collection names. */
export function computedHolidays(year: number): Holiday[] {
  const days = bankHolidays(year);
  const [christmas, boxing] = days.filter((d) => d.startsWith(`${year}-12-`));
  return days.map((date) => ({
    date,
    title: date.startsWith(`${year}-01-`) ? 'New Year’s Day' : date === christmas ? 'Christmas Day' : date === boxing ? 'Boxing Day' : 'Bank holiday',
  }));
}

/** The division's holidays from `fromYear` to `toYear`: imported where the import covers a year, else computed (England and Wales). */
export async function loadHolidays(db: Kysely<Database>, division: BankHolidayDivision, fromYear: number, toYear: number): Promise<Holiday[]> {
  const imported = await db
    .selectFrom('bank_holidays')
    .select(['date', 'title'])
    .where('division', '=', division)
    .where('date', '>=', `${fromYear}-01-01`)
    .where('date', '<=', `${toYear}-12-31`)
    .orderBy('date')
    .execute();
  const covered = new Set(imported.map((h) => Number(h.date.slice(0, 4))));
  const holidays: Holiday[] = [...imported];
  for (let year = fromYear; year <= toYear; year++) if (!covered.has(year)) holidays.push(...computedHolidays(year));
  return holidays.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Working days and the report window, on a set of holidays (see {@link loadHolidays}). */
export class HolidayCalendar {
  private readonly days: Set<string>;
  constructor(holidays: Iterable<Holiday>) {
    this.days = new Set([...holidays].map((h) => h.date));
  }

  /** Monday to Friday and not a bank holiday. */
  isWorkingDay(date: string): boolean {
    const day = weekdayOf(date);
    return day !== 0 && day !== 6 && !this.days.has(date);
  }

  /**
   * The last day a missed collection can be reported: the end of the second working day after
   * the collection (the contract's `reportWindowEnd`, on this division's holidays).
   */
  reportWindowEnd(collection: string): string {
    let date = collection;
    for (let working = 0; working < 2; ) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) working++;
    }
    return date;
  }

  /** The division's calendar for the years around `from`…`to` (a margin either side for report windows). */
  static async load(db: Kysely<Database>, division: BankHolidayDivision, from: string, to: string): Promise<HolidayCalendar> {
    return new HolidayCalendar(await loadHolidays(db, division, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)) + 1));
  }
}
