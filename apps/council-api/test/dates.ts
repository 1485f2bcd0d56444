import { addDays, dayNumber, isWorkingDay, weekdayOf, type SlotPeriod } from '@council-kit/contracts';
import { testToday } from '../../../scripts/test-today.mjs';

/**
 * Dates for the tests. A test that is not about a particular date runs on {@link TODAY}, the
 * suite's day (`COUNCIL_TEST_TODAY`, else the real date in Europe/London: scripts/test-today.mjs),
 * and derives every other date from it with these helpers and the contract's calendar
 * (`addDays`, `isWorkingDay`, `reportWindowEnd`…), so the suite passes on any day. A test of a
 * particular calendar rule (Christmas, a bank holiday, the clocks changing) names its dates and
 * gives the server a fixed or movable clock on them instead.
 */
export const TODAY: string = testToday;

/** The `n`th working day after `date` (n ≥ 1): weekends and England and Wales bank holidays skipped. */
export function workingDaysAfter(date: string, n: number): string {
  let day = date;
  for (let found = 0; found < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) found++;
  }
  return day;
}

/** The first `n` working days after `date`, in order. */
export function nextWorkingDays(date: string, n: number): string[] {
  const days: string[] = [];
  for (let day = date; days.length < n; ) days.push((day = workingDaysAfter(day, 1)));
  return days;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** An appointment slot's id, as the API makes them: `plumber-2026-11-26-am`. */
export const slotId = (trade: string, date: string, period: SlotPeriod): string => `${trade}-${date}-${period}`;

// The words the API's messages use for dates, written out here rather than imported from src,
// so the tests check the API's wording instead of repeating it.
const weekdayNames = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['dydd Sul', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn'],
};
const monthNames = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

/** "Thursday 26 November 2026" / "dydd Iau 26 Tachwedd 2026". */
export function longDate(date: string, lang: 'en' | 'cy' = 'en'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${weekdayNames[lang][weekdayOf(date)]} ${day} ${monthNames[lang][month - 1]} ${year}`;
}

/** The working days after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = workingDaysAfter(from, 1); day <= to; day = workingDaysAfter(day, 1)) days.push(day);
  return days;
}
