import type { DirectorySchedule } from '@council-kit/contracts';

type T = (key: string, params?: Record<string, string | number>) => string;

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * "9am", "5:30pm", "midday", "midnight" (GOV.UK style), in the page language ("9yb", "canol
 * dydd", "hanner nos"), from the catalogue so a council can reword them. A closing time after
 * Welsh "i" is softened by the catalogue's `{closes|soft}` ("i ganol dydd").
 */
export function timeWords(hhmm: string, t: T): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  if (m === 0 && h === 12) return t('midday');
  if (m === 0 && (h === 0 || h === 24)) return t('midnight');
  const hour = h % 12 || 12;
  return t(h < 12 ? 'am' : 'pm', { time: m ? `${hour}:${String(m).padStart(2, '0')}` : String(hour) });
}

/** Joins "A", "A and B", "A, B and C" in the page language. */
export function listWords(items: string[], t: T): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('and', { first: items.slice(0, -1).join(', '), last: items.at(-1)! });
}

function dayWords(byday: string[], t: T): string {
  const days = byday.filter((d) => DAYS.includes(d)).sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
  const indexes = days.map((d) => DAYS.indexOf(d));
  // Three or more consecutive days read better as a range: "Monday to Friday".
  const consecutive = indexes.length >= 3 && indexes.every((d, i) => i === 0 || d === indexes[i - 1]! + 1);
  if (consecutive) return t('dayRange', { from: t(`day-${days[0]}`), to: t(`day-${days.at(-1)}`) });
  return listWords(days.map((d) => t(`days-${d}`)), t);
}

/**
 * One ORUK schedule in plain words: "Mondays, Wednesdays and Fridays 10am to 12:30pm",
 * "First Saturday of the month 9am to midday", or the feed's own description.
 */
export function scheduleWords(schedule: DirectorySchedule, t: T): string {
  const hours = schedule.opensAt && schedule.closesAt ? t('hours', { opens: timeWords(schedule.opensAt, t), closes: timeWords(schedule.closesAt, t) }) : '';
  let when = '';
  if (schedule.freq === 'MONTHLY') {
    const match = /^(-?\d)([A-Z]{2})$/.exec(schedule.byday[0] ?? '');
    if (match) when = t('monthly', { nth: t(`nth${match[1]}`), day: t(`day-${match[2]}`) });
  } else if (schedule.byday.length) {
    when = dayWords(schedule.byday, t);
  }
  const words = [when, hours].filter(Boolean).join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : (schedule.description ?? '');
}

/**
 * "0.8 miles away" from metres, to one decimal place under 10 miles; "less than 0.1 miles away"
 * (`milesUnder`) below that, never "0 miles". `key` words it another way: `nearestMiles` ("0.8
 * miles", with `nearestUnder`) for "3 locations, nearest 0.8 miles".
 */
export function distanceWords(metres: number, t: T, key = 'miles'): string {
  const miles = metres / 1609.344;
  if (miles < 0.1) return t(key === 'miles' ? 'milesUnder' : 'nearestUnder');
  const rounded = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  return t(key, { count: rounded });
}
