import type { Locale } from './locale.js';
import { formatTime } from './times.js';
import { softMutation } from './welsh.js';

/** A message, or plural forms chosen with `Intl.PluralRules` on `params.count`. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * One element's messages in every shipped language. English is the reference set of keys.
 *
 * A parameter is written `{name}`, or with marks when the sentence changes it (`{date|lower}`,
 * `{council|soft}`, `{date|lower|soft}`, `{time|time}`), applied left to right; a mark core does
 * not know is ignored:
 * - `lower`: mid-sentence, the value's first letter in lower case: a Welsh date is "Dydd Iau 26
 *   Tachwedd" on its own line but "dydd Iau" in a sentence; "Afternoon (midday to 6pm)" is a
 *   label, "afternoon" after a comma.
 * - `soft`: the Welsh soft mutation of the value's first word (see `softMutation`), after "ar",
 *   "i", "o", "tan" or as the object of a verb: "ar {date|lower|soft}" → "ar ddydd Iau",
 *   "Ffoniwch {council|soft}" → "Ffoniwch Gyngor Bwrdeistref Anytown".
 * - `time`: the value is a time of day ("07:00", or "7am" as a council writes it), written in
 *   the message's language (see `formatTime`): "by {time|time}" → "by 7am", "erbyn 7yb".
 */
export interface Catalogue<K extends string = string> {
  en: Record<K, Message>;
  cy: Record<K, Message>;
}

/** Council overrides: any key, in either language. */
export type StringOverrides = Partial<Record<Locale, Record<string, Message>>>;

export type Params = Record<string, string | number>;

// English plural rules, made once. Welsh chooses by hand (below).
let englishRules: Intl.PluralRules | undefined;

/**
 * Welsh has six plural categories; if the browser's ICU data lacks Welsh rules we still choose
 * correctly, because a wrong plural form reads as careless to a Welsh speaker.
 */
function welshCategory(n: number): Intl.LDMLPluralRule {
  if (n === 0) return 'zero';
  if (n === 1) return 'one';
  if (n === 2) return 'two';
  if (n === 3) return 'few';
  if (n === 6) return 'many';
  return 'other';
}

function choose(message: Message, locale: Locale, params: Params): string {
  if (typeof message === 'string') return message;
  const count = Number(params.count ?? 0);
  const category = locale === 'cy' ? welshCategory(count) : (englishRules ??= new Intl.PluralRules('en-GB')).select(count);
  return message[category] ?? message.other;
}

// What a parameter's `|modifier` does to its value. Only the catalogue knows what precedes the
// parameter, so it says; the value (a date, a council's name) stays one plain string.
const modifiers: Record<string, (value: string, locale: Locale) => string> = {
  lower: (value) => value.charAt(0).toLowerCase() + value.slice(1),
  soft: softMutation,
  time: formatTime,
};

function interpolate(text: string, params: Params, locale: Locale): string {
  return text.replace(/\{(\w+)((?:\|\w+)*)\}/g, (whole, name: string, changes: string) =>
    name in params ? changes.split('|').reduce((value, change) => modifiers[change]?.(value, locale) ?? value, String(params[name])) : whole,
  );
}

/**
 * Looks up `key`: the council's override first, then the element's catalogue in the page
 * language, then English (so a missing translation never shows a raw key).
 */
export function translate(
  catalogue: Catalogue,
  key: string,
  locale: Locale,
  params: Params = {},
  overrides?: StringOverrides,
): string {
  const message = overrides?.[locale]?.[key] ?? catalogue[locale][key] ?? catalogue.en[key] ?? key;
  return interpolate(choose(message, locale, params), params, locale);
}
