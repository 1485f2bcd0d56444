import { addDays, bankHolidays, weekdayOf } from '@council-kit/contracts';
import type { Kysely } from 'kysely';
import type { BankHolidayDivision } from '../db/import-tables.js';
import type { Database, WasteDateChangesTable } from '../db/schema.js';

/**
 * Bank holidays as the API uses them: the division's list imported from GOV.UK's
 * `bank-holidays.json` (`council-api import bank-holidays`), and for any year that list does not
 * cover, the computed England and Wales list (`bankHolidays` in the contract). Collection moves
 * (the slip week after a holiday) and the missed-collection report window both go by it.
 */

/** One bank holiday: its date and GOV.UK's title ("Christmas Day", "St Andrew’s Day"…). */
export interface Holiday {
  date: string;
  title: string;
}

/** Reasons a moved collection gives, in English and Welsh (the seed's words). */
export const holidayReasons = {
  bankHoliday: { en: 'Bank holiday', cy: 'Gŵyl y banc' },
  christmasDay: { en: 'Christmas Day', cy: 'Dydd Nadolig' },
  boxingDay: { en: 'Boxing Day', cy: 'Gŵyl San Steffan' },
  newYearsDay: { en: 'New Year’s Day', cy: 'Dydd Calan' },
} as const;
type Reason = (typeof holidayReasons)[keyof typeof holidayReasons];

/** The computed England and Wales holidays of `year`, titled as GOV.UK titles the ones a change names. */
export function computedHolidays(year: number): Holiday[] {
  const days = bankHolidays(year);
  const [christmas, boxing] = days.filter((d) => d.startsWith(`${year}-12-`));
  return days.map((date) => ({
    date,
    title: date.startsWith(`${year}-01-`) ? 'New Year’s Day' : date === christmas ? 'Christmas Day' : date === boxing ? 'Boxing Day' : 'Bank holiday',
  }));
}

/** The reason named after a holiday (substitute days keep the name: "Boxing Day (substitute day)"). */
function reasonOf(title: string): Reason | undefined {
  if (/christmas/i.test(title)) return holidayReasons.christmasDay;
  if (/boxing/i.test(title)) return holidayReasons.boxingDay;
  if (/new year/i.test(title)) return holidayReasons.newYearsDay;
  return undefined;
}

/**
 * Moved collections for every round: a "slip week" after each bank holiday, when every
 * collection from the holiday to the end of that week moves one day later (Friday's to
 * Saturday). The reason is the holiday's name at Christmas and New Year ("Boxing Day" for the
 * rest of a slip week that Boxing Day starts), otherwise "Bank holiday". The seed's rule
 * (`bankHolidayChanges`), for any list of holidays.
 */
export function holidayChanges(holidays: readonly Holiday[]): Omit<WasteDateChangesTable, 'id'>[] {
  const named = new Map<string, Reason>();
  for (const holiday of holidays) {
    const reason = reasonOf(holiday.title);
    if (reason) named.set(holiday.date, reason);
  }
  const byWas = new Map<string, Omit<WasteDateChangesTable, 'id'>>();
  for (const holiday of [...holidays].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const trigger = named.get(holiday.date) ?? holidayReasons.bankHoliday;
    // Monday (1) to Friday (5) of the holiday's week, from the holiday on.
    for (let day = holiday.date; weekdayOf(day) >= 1 && weekdayOf(day) <= 5; day = addDays(day, 1)) {
      const reason = named.get(day) ?? trigger;
      byWas.set(day, { round_id: null, was: day, now: addDays(day, 1), reason_en: reason.en, reason_cy: reason.cy });
    }
  }
  return [...byWas.values()].sort((a, b) => (a.was < b.was ? -1 : 1));
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

/**
 * Replaces the every-round collection moves (`waste_date_changes` without a round: what the seed
 * and these imports write) with those of the division's holidays, the year before `today` to
 * two years after, as the seed does. Moves of one round (a council's own) are left alone.
 */
export async function refreshHolidayChanges(trx: Kysely<Database>, division: BankHolidayDivision, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  // The next year's holidays too: a slip week can start in one year and be named in the next.
  const holidays = await loadHolidays(trx, division, year - 1, year + 3);
  const changes = holidayChanges(holidays).filter((c) => Number(c.was.slice(0, 4)) <= year + 2);
  await trx.deleteFrom('waste_date_changes').where('round_id', 'is', null).execute();
  for (let i = 0; i < changes.length; i += 200) await trx.insertInto('waste_date_changes').values(changes.slice(i, i + 200)).execute();
  return changes.length;
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
