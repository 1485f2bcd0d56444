import { addDays, weekdayOf } from '@council-kit/contracts';
import type { Kysely } from 'kysely';
import { loadHolidays, type Holiday } from '../db/bank-holidays.js';
import type { BankHolidayDivision } from '../db/import-tables.js';
import type { Database, WasteDateChangesTable } from '../db/schema.js';

/**
 * Collections moved by bank holidays (`waste_date_changes` without a round), from the
 * division's holidays (`db/bank-holidays.ts`): what the seed writes for Anytown, and what the
 * rounds and bank-holidays imports recompute.
 */

/** Reasons a moved collection gives, in English and Welsh (the seed's words). */
export const holidayReasons = {
  bankHoliday: { en: 'Bank holiday', cy: 'Gŵyl y banc' },
  christmasDay: { en: 'Christmas Day', cy: 'Dydd Nadolig' },
  boxingDay: { en: 'Boxing Day', cy: 'Gŵyl San Steffan' },
  newYearsDay: { en: 'New Year’s Day', cy: 'Dydd Calan' },
} as const;
type Reason = (typeof holidayReasons)[keyof typeof holidayReasons];

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
