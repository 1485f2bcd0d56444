import { addDays, dayNumber, weekdayOf } from './calendar.js';

/** A collection round: one service's regular pattern for a group of properties. */
export interface Round {
  /** Weeks between collections: 1 weekly, 2 fortnightly, 3 or 4 for some garden and glass rounds. */
  everyWeeks: number;
  /** Any date on which this round is collected; fixes the weekday and which week of the cycle. */
  anchor: string;
}

/** A collection moved from its usual day, e.g. by a bank holiday or Christmas. */
export interface DateChange {
  was: string;
  now: string;
  reason: string;
}

/**
 * The round's collection dates from `from` to `to` inclusive, with moved collections applied.
 * Changes are returned too when either their usual or their new date falls in the range, so
 * a page can show "Tuesday 23 December, not Thursday 25 December".
 */
export function roundDates(round: Round, from: string, to: string, changes: DateChange[] = []): { dates: string[]; changed: DateChange[] } {
  const cycle = 7 * round.everyWeeks;
  const start = dayNumber(from);
  const offset = (((dayNumber(round.anchor) - start) % cycle) + cycle) % cycle;
  const byWas = new Map(changes.map((c) => [c.was, c]));
  const dates = new Set<string>();
  const changed: DateChange[] = [];
  // Look one cycle either side so a collection moved into (or out of) the range is caught.
  for (let day = start + offset - cycle; day <= dayNumber(to) + cycle; day += cycle) {
    const usual = addDays(from, day - start);
    const change = byWas.get(usual);
    const actual = change ? change.now : usual;
    if (actual >= from && actual <= to) dates.add(actual);
    if (change && ((change.was >= from && change.was <= to) || (change.now >= from && change.now <= to))) changed.push(change);
  }
  return { dates: [...dates].sort(), changed };
}

/** The weekday (0 = Sunday) a round is usually collected on. */
export function roundWeekday(round: Round): number {
  return weekdayOf(round.anchor);
}
