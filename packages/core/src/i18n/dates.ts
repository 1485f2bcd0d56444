import type { Locale } from './locale.js';

// Our own month and day names: Chromium builds ship without Welsh date data, and a council
// cannot show "Tuesday" on a Welsh page.
const days: Record<Locale, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'],
};
const months: Record<Locale, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

/** Splits a contract date (`YYYY-MM-DD`, Europe/London) without any time-zone conversion. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number; weekday: number } {
  if (!/^\d{4}-\d\d-\d\d$/.test(iso)) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  // UTC noon: the weekday of a calendar date does not depend on the reader's time zone.
  const weekday = new Date(Date.UTC(year, month - 1, day, 12)).getUTCDay();
  return { year, month, day, weekday };
}

/** GOV.UK style: "Tuesday 25 November 2025" / "Dydd Mawrth 25 Tachwedd 2025". */
export function formatDate(iso: string, locale: Locale, options: { weekday?: boolean; year?: boolean } = {}): string {
  const { year, month, day, weekday } = parseIsoDate(iso);
  const parts = [`${day} ${months[locale][month - 1]}`];
  if (options.weekday !== false) parts.unshift(days[locale][weekday]!);
  if (options.year !== false) parts.push(String(year));
  return parts.join(' ');
}
