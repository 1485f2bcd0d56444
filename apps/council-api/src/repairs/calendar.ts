import { addDays, isWorkingDay } from '@council-kit/contracts';

/**
 * Working days for repairs: Monday to Friday, not bank holidays (England and Wales), as the
 * waste calendar counts them. Target dates and appointment slots both use them.
 */

/** The first working day after `date`. */
export function nextWorkingDay(date: string): string {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** `date` plus `days` working days (the reported day itself does not count). */
export function addWorkingDays(date: string, days: number): string {
  let day = date;
  for (let i = 0; i < days; i++) day = nextWorkingDay(day);
  return day;
}

/** Working days from the first after `today` up to and including `until`. */
export function workingDaysUntil(today: string, until: string): string[] {
  const days: string[] = [];
  for (let day = nextWorkingDay(today); day <= until; day = nextWorkingDay(day)) days.push(day);
  return days;
}
