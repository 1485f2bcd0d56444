import type { Lang } from './lang.js';

const weekdayNames: Record<Lang, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['dydd Sul', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn'],
};
const monthNames: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

/** "Tuesday 7 April 2026" / "dydd Mawrth 7 Ebrill 2026", from the date alone (no time zone involved). */
export function longDate(iso: string, weekday: number, lang: Lang): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${weekdayNames[lang][weekday]} ${day} ${monthNames[lang][month - 1]} ${year}`;
}
