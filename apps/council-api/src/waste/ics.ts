import { addDays, describeContainer, weekdayOf } from '@council-kit/contracts';
import type { PropertySchedule } from './schedule.js';
import { longDate } from '../http/dates.js';
import type { Lang } from '../http/lang.js';
import { calendarText } from './text.js';

/** Calendar UIDs end with this domain: unique to this API, stable across versions. */
const UID_DOMAIN = 'waste.council-kit.dev';
const PRODID = '-//Council Kit//Reference council API//EN';

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1): CRLF then one
 * space before each continuation. Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export interface CalendarOptions {
  lang: Lang;
  /** DTSTAMP: when this calendar was produced. */
  now: Date;
}

/**
 * The property's collections from a week ago to a year ahead as an RFC 5545 calendar: one
 * all-day event per collection. UIDs are built from the UPRN, the service and the date the
 * collection is usually on, so a moved collection keeps its UID and calendars update it in place.
 */
export function collectionsCalendar(schedule: PropertySchedule, { lang, now }: CalendarOptions): string {
  const text = calendarText[lang];
  const { uprn, address } = schedule.property;
  const from = addDays(schedule.today, -7);
  const to = addDays(schedule.today, 365);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(text.calendarName(address))}`,
    'X-WR-TIMEZONE:Europe/London',
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ];
  const stamp = utcStamp(now);
  const events = schedule.property.services.flatMap((service, order) =>
    schedule.occurrences(service, from, to, lang).map((occurrence) => ({ service, order, occurrence })),
  );
  events.sort((a, b) => (a.occurrence.date < b.occurrence.date ? -1 : a.occurrence.date > b.occurrence.date ? 1 : a.order - b.order));
  for (const { service, occurrence } of events) {
    const { date, usual, change } = occurrence;
    const summary = `${service.name[lang]} (${describeContainer(service.container, lang)})`;
    const description = change
      ? `${text.moved(longDate(usual, weekdayOf(usual), lang), change.reason)} ${text.putOut}`
      : text.putOut;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uprn}-${service.id}-${compactDate(usual)}@${UID_DOMAIN}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(date, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `SEQUENCE:${change ? 1 : 0}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
