import { addDays, isWorkingDay, weekdayOf, type BulkyCatalogue } from '@council-kit/contracts';
import { atLondonTimeOfDay } from '../../clock.js';
import type { CouncilDb } from '../../db/database.js';

/*
 * When a property's bulky waste can be collected. The bulky crews follow the waste rounds: a
 * property is collected on the weekday its household rounds are (its rubbish round's, else its
 * first round's), every week, on working days only. Each weekday is one bulky round
 * (`bulky-tue`), with the catalogue's `slotsPerDay` of capacity per date. A date is offered
 * until its cut-off: `cutoffTime` (London) `cutoffWorkingDays` working days before it, which is
 * also the last moment to change or cancel a booking for it.
 */

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The bulky round serving `uprn` (`bulky-tue`), or undefined when no round serves it (communal bins, businesses). */
export async function bulkyRoundOf(db: CouncilDb, uprn: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('waste_property_rounds as pr')
    .innerJoin('waste_rounds as r', 'r.id', 'pr.round_id')
    .select(['pr.service_id', 'r.anchor'])
    .where('pr.uprn', '=', uprn)
    .orderBy('pr.service_id')
    .execute();
  const round = rows.find((row) => row.service_id === 'refuse') ?? rows[0];
  return round ? `bulky-${dayNames[weekdayOf(round.anchor)]}` : undefined;
}

/** The weekday (0 Sunday … 6 Saturday) a bulky round collects on. */
export const roundWeekday = (roundId: string): number => dayNames.indexOf(roundId.slice('bulky-'.length) as (typeof dayNames)[number]);

/** The working day `days` working days before `date` (`date` itself when 0). */
function workingDaysBefore(date: string, days: number): string {
  let day = date;
  for (let i = 0; i < days; i++) {
    do day = addDays(day, -1);
    while (!isWorkingDay(day));
  }
  return day;
}

/**
 * The last instant a booking for `date` can be made, changed or cancelled. The time of day is
 * read from a January instant (GMT, so London's clock reads it as given), then placed on the
 * cut-off day in London by the clock module's one rule for summer time.
 */
export function changeUntil(date: string, catalogue: Pick<BulkyCatalogue, 'cutoffWorkingDays' | 'cutoffTime'>): Date {
  const [hours, minutes] = catalogue.cutoffTime.split(':').map(Number) as [number, number];
  return atLondonTimeOfDay(workingDaysBefore(date, catalogue.cutoffWorkingDays), new Date(Date.UTC(2000, 0, 1, hours, minutes)));
}

/**
 * Every date the round collects on from tomorrow to `weeksAhead` weeks after `today` whose
 * cut-off has not passed at `now`: the dates a booking could have, before capacity.
 */
export function roundDates(roundId: string, today: string, now: Date, catalogue: BulkyCatalogue): string[] {
  const weekday = roundWeekday(roundId);
  const dates: string[] = [];
  for (let day = addDays(today, 1); day <= addDays(today, catalogue.weeksAhead * 7); day = addDays(day, 1)) {
    if (weekdayOf(day) === weekday && isWorkingDay(day) && now < changeUntil(day, catalogue)) dates.push(day);
  }
  return dates;
}
