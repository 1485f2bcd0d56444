import type { Locale } from './locale.js';
import { softMutation } from './welsh.js';

// GOV.UK style in English ("7am", "5:30pm", "midday", "midnight"); in Welsh the same clock with
// "yb" (y bore) and "yp" (y prynhawn), as the Welsh Government writes it, "canol dydd" and
// "hanner nos". Our own words, like the dates: browsers have no Welsh for these.
const words: Record<Locale, [am: string, pm: string, midday: string, midnight: string, to: string]> = {
  en: ['am', 'pm', 'midday', 'midnight', 'to'],
  cy: ['yb', 'yp', 'canol dydd', 'hanner nos', 'i'],
};

/**
 * A time of day in the page language: "07:00" or "7am" → "7am" / "7yb"; "17:30" → "5:30pm" /
 * "5:30yp"; "12:00" or "12pm" → "midday" / "canol dydd"; "00:00" → "midnight" / "hanner nos".
 * Takes a contract time (`HH:MM`, 24-hour) or an English one as a council writes it in an
 * attribute ("7am", "7:30 pm"); anything else comes back as it was, so a council's own wording
 * is never lost. Lower case: GOV.UK style, mid-sentence or not.
 */
export function formatTime(time: string, locale: Locale): string {
  const [, h = '', m = '', suffix = ''] = /^(\d\d?)(?::([0-5]\d))? ?([ap]m)?$/i.exec(time.trim()) ?? [];
  // A bare "7" could be either half of the day; "13pm" and "25:00" are no time at all.
  if (!h || !(m || suffix) || +h > (suffix ? 12 : 24) || (suffix && +h < 1)) return time;
  const hour = (+h % (suffix ? 12 : 24)) + (/p/i.test(suffix) ? 12 : 0);
  const [am, pm, midday, midnight] = words[locale];
  if (!+m && hour % 12 === 0) return hour ? midday : midnight;
  return `${hour % 12 || 12}${+m ? `:${m}` : ''}${hour < 12 ? am : pm}`;
}

/**
 * "8am to midday" / "8yb i ganol dydd": two times joined, the second softened after Welsh "i"
 * ("canol" → "ganol"; "hanner", "6yp" do not change).
 */
export function formatTimeRange(from: string, to: string, locale: Locale): string {
  const end = formatTime(to, locale);
  return `${formatTime(from, locale)} ${words[locale][4]} ${locale === 'cy' ? softMutation(end) : end}`;
}
