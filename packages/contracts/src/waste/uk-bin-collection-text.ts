import { addDays, dayNumber } from './calendar.js';

/*
 * What UKBinCollectionData's council scrapers really print, read leniently: each scraper copies
 * text off its council's page, so dates come as "13/12/2024.", "24/03/2026,24/03/2026",
 * "05/12/2026 00:00:00", "2026-12-05T07:00:00", "Friday 5th December", "Today" or "Tomorrow",
 * and bin types with HTML, entities, trailing spaces or in capitals.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ENTITIES: Record<string, string> = { amp: '&', nbsp: ' ', quot: '"', apos: "'", lt: '<', gt: '>', ndash: '–', rsquo: '’' };

/** Text without HTML tags or entities, with its whitespace collapsed and trimmed. */
function plainText(value: string): string {
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // 31/02 is not a date: addDays normalises, so a real date comes back unchanged.
  return addDays(iso, 0) === iso ? iso : undefined;
}

/** A year-less "5th December": this year's, or next year's when that is more than a month gone. */
function nearestYear(month: number, day: number, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const thisYear = isoOf(year, month, day);
  if (thisYear && dayNumber(thisYear) >= dayNumber(today) - 31) return thisYear;
  return isoOf(year + 1, month, day);
}

/**
 * Every date in a scraper's `collectionDate` (usually one; Ealing's pages give a list), as
 * `YYYY-MM-DD`, or `[]` when none can be read. `today` (Europe/London) reads "Today",
 * "Tomorrow" and dates without a year.
 */
export function ukBinCollectionDates(value: unknown, today: string): string[] {
  if (typeof value !== 'string') return [];
  const text = plainText(value).toLowerCase();
  if (/^today\b/.test(text)) return [today];
  if (/^tomorrow\b/.test(text)) return [addDays(today, 1)];
  const found: string[] = [];
  // DD/MM/YYYY (also with - or . between, a time after, or two-digit years).
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/])/g)) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoOf(year, Number(m[2]), Number(m[1]));
    if (iso) found.push(iso);
  }
  // YYYY-MM-DD, with or without a time (ISO 8601 from a council's JSON).
  for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found.push(iso);
  }
  if (found.length) return found;
  // "Friday 5th December 2026", "5 Dec", "December 5th, 2026".
  const dayFirst = /(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?(?:\s+(\d{4}))?/.exec(text);
  const monthFirst = /([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?/.exec(text);
  for (const [dayText, monthText, yearText] of [
    [dayFirst?.[1], dayFirst?.[2], dayFirst?.[3]],
    [monthFirst?.[2], monthFirst?.[1], monthFirst?.[3]],
  ]) {
    const month = MONTHS.indexOf(monthText?.slice(0, 3) ?? '') + 1;
    if (!dayText || !month) continue;
    const iso = yearText ? isoOf(Number(yearText), month, Number(dayText)) : nearestYear(month, Number(dayText), today);
    if (iso) return [iso];
  }
  return [];
}

/**
 * A bin type fit to show: plain text, no trailing colon or full stop, and in title case when a
 * scraper shouts it ("180L RUBBISH BIN") or whispers it ("food waste"); `''` when nothing is left.
 */
export function ukBinCollectionType(value: unknown, titleCase: (text: string) => string): string {
  if (typeof value !== 'string') return '';
  const text = plainText(value).replace(/[\s:.,;-]+$/, '').trim();
  const shouting = text === text.toUpperCase();
  const whispering = text === text.toLowerCase();
  return shouting || whispering ? titleCase(text) : text;
}

/**
 * The JSON object in a scraper's standard output. Python writes warnings (a `DeprecationWarning`,
 * a Selenium notice, "Error parsing date…") before it, so the object is found rather than
 * assumed: the whole output, else from the first line that starts with `{` to the last `}`.
 * Undefined when there is none.
 */
export function ukBinCollectionJson(stdout: string): unknown {
  const attempt = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };
  const whole = attempt(stdout.trim());
  if (whole !== undefined) return whole;
  const end = stdout.lastIndexOf('}');
  for (const line of stdout.matchAll(/^[ \t]*\{/gm)) {
    const parsed = attempt(stdout.slice(line.index, end + 1));
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}
