import { addDays, isWorkingDay } from '@council-kit/contracts';

/**
 * Working days for repairs: Monday to Friday, not bank holidays, as the waste calendar counts
 * them. Target dates and appointment slots both use them. Each function takes the working-day
 * test of `BANK_HOLIDAY_DIVISION`'s holidays (`HolidayCalendar`, when imported); without one,
 * the computed England and Wales list.
 */

/** Whether a day is a working day. */
export type WorkingDayTest = (date: string) => boolean;

/** The first working day after `date`. */
export function nextWorkingDay(date: string, working: WorkingDayTest = isWorkingDay): string {
  let day = addDays(date, 1);
  while (!working(day)) day = addDays(day, 1);
  return day;
}

/** `date` plus `days` working days (the reported day itself does not count). */
export function addWorkingDays(date: string, days: number, working: WorkingDayTest = isWorkingDay): string {
  let day = date;
  for (let i = 0; i < days; i++) day = nextWorkingDay(day, working);
  return day;
}

/** Working days from the first after `today` up to and including `until`. */
export function workingDaysUntil(today: string, until: string, working: WorkingDayTest = isWorkingDay): string[] {
  const days: string[] = [];
  for (let day = nextWorkingDay(today, working); day <= until; day = nextWorkingDay(day, working)) days.push(day);
  return days;
}
