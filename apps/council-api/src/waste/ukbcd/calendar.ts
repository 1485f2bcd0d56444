import { addDays, describeContainer, type CollectionsResult } from '@council-kit/contracts';
import type { Lang } from '../../http/lang.js';
import { escapeText, foldLine } from '../ics.js';
import { calendarText } from '../text.js';

/*
 * The `.ics` for collections a scraper gave: the same calendar as the database's (`ics.ts`):
 * one all-day event per collection, UIDs from the UPRN, the service and the date, so a
 * subscribed calendar updates in place. A scraper gives no moved dates, so none are marked.
 */

const UID_DOMAIN = 'waste.council-kit.dev';
const PRODID = '-//Council Kit//Reference council API//EN';

const compactDate = (iso: string) => iso.replace(/-/g, '');
const utcStamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** The collections as an RFC 5545 calendar: the last one before today and every one after. */
export function scrapedCalendar(result: CollectionsResult, { lang, now }: { lang: Lang; now: Date }): string {
  const text = calendarText[lang];
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(text.calendarName(result.address))}`,
    'X-WR-TIMEZONE:Europe/London',
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ];
  const events = result.services.flatMap((service, order) =>
    [...(service.previousCollection ? [service.previousCollection] : []), ...service.upcoming].map((date) => ({ service, order, date })),
  );
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  for (const { service, date } of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${result.uprn}-${service.id}-${compactDate(date)}@${UID_DOMAIN}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(date, 1))}`,
      `SUMMARY:${escapeText(`${service.name} (${describeContainer(service.container, lang)})`)}`,
      `DESCRIPTION:${escapeText(text.putOut)}`,
      'SEQUENCE:0',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
