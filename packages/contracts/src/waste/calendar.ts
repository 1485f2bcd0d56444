/**
 * Calendar arithmetic on contract dates (`YYYY-MM-DD`, Europe/London). Dates are counted as
 * whole UTC days, never as local times, so clock changes (the last Sundays of March and
 * October) cannot shift a collection by a day.
 */
const DAY = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return (dayNumber(iso) + 4) % 7; // 1970-01-01 was a Thursday
}

/** Today's date in Europe/London, whatever the device's time zone. */
export function todayInLondon(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const iso = (y: number, m: number, d: number) => fromDayNumber(Math.round(Date.UTC(y, m - 1, d) / DAY));

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 2 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): string {
  const first = iso(year, month, 1);
  return addDays(first, (8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekdayOf(last) + 6) % 7));
}

// Royal proclamations move or add days; these are the ones a calendar rule cannot know.
const moved: Record<string, string> = { '2020-05-04': '2020-05-08', '2022-05-30': '2022-06-02' };
const added = ['2022-06-03', '2022-09-19', '2023-05-08'];

/** England and Wales bank holidays in `year`, with weekend substitutes, sorted. */
export function bankHolidays(year: number): string[] {
  const days: string[] = [];
  const newYear = iso(year, 1, 1);
  days.push(weekdayOf(newYear) === 6 ? addDays(newYear, 2) : weekdayOf(newYear) === 0 ? addDays(newYear, 1) : newYear);
  const easter = easterSunday(year);
  days.push(addDays(easter, -2), addDays(easter, 1));
  days.push(firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8));
  const christmas = iso(year, 12, 25);
  const xmasDay = weekdayOf(christmas);
  // Christmas on Saturday: substitutes Mon 27 and Tue 28; on Sunday: Boxing Day Mon 26, substitute Tue 27.
  if (xmasDay === 6) days.push(addDays(christmas, 2), addDays(christmas, 3));
  else if (xmasDay === 0) days.push(addDays(christmas, 1), addDays(christmas, 2));
  else if (xmasDay === 5) days.push(christmas, addDays(christmas, 3));
  else days.push(christmas, addDays(christmas, 1));
  return days
    .map((d) => moved[d] ?? d)
    .concat(added.filter((d) => d.startsWith(`${year}-`)))
    .sort();
}

const holidayCache = new Map<number, Set<string>>();
export function isBankHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = holidayCache.get(year);
  if (!set) holidayCache.set(year, (set = new Set(bankHolidays(year))));
  return set.has(date);
}

export function isWorkingDay(date: string): boolean {
  const day = weekdayOf(date);
  return day !== 0 && day !== 6 && !isBankHoliday(date);
}

/**
 * The last day a missed collection can be reported: the end of the second working day after
 * the collection (weekends and bank holidays excluded).
 */
export function reportWindowEnd(collection: string): string {
  let date = collection;
  for (let working = 0; working < 2; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) working++;
  }
  return date;
}
