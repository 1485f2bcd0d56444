import ICAL from 'ical.js';
import { addDays, problemTypes, readCollectionsResult, todayInLondon } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../src/waste/ics.js';
import { movableClock, startTestServer, type TestServer } from './helpers.js';

const NINE_HIGH_STREET = '100070000112';
const CASTLE_HOUSE_FLAT = '100070007641';
const ELEVEN_HIGH_STREET = '100070000179'; // garden subscription expired

// Calendar apps (Apple, Google, Outlook) read X-WR-CALNAME as TEXT; tell ical.js so it unescapes it.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

// Monday 30 March 2026, the week before Easter: named days (the calendar's year ahead, a bank
// holiday's moved collections), whatever the suite's day.
const clock = movableClock('2026-03-30');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock, rateLimitPerMinute: 100_000 });
});

afterAll(async () => {
  await server?.stop();
});

async function calendarText(uprn: string, query = ''): Promise<{ response: Response; text: string }> {
  const response = await server.get(`/api/v1/waste/properties/${uprn}/collections.ics${query}`);
  return { response, text: await response.text() };
}

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
}

/** Parses with ical.js (a real RFC 5545 parser) and returns the calendar and its events. */
function parse(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    expect(event.startDate.isDate).toBe(true);
    expect(event.endDate.isDate).toBe(true);
    expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeInstanceOf(ICAL.Time);
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      summary: event.summary,
      description: event.description,
    };
  });
  return { calendar, events };
}

describe('GET /api/v1/waste/properties/{uprn}/collections.ics', () => {
  it('is an RFC 5545 calendar download', async () => {
    const { response, text } = await calendarText(NINE_HIGH_STREET);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="bin-collections.ics"');
    const { calendar, events } = parse(text);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Council Kit/);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Bin collections: 9 High Street, Anytown, AN1 1AA');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/London');
    expect(events.length).toBeGreaterThan(100);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const event of events) expect(event.end).toBe(addDays(event.start, 1));
    expect(events.find((e) => e.start === '2026-03-31' && e.summary.startsWith('Food'))?.summary).toBe('Food waste (brown caddy)');
    expect(events.some((e) => e.summary === 'Rubbish (black wheelie bin)')).toBe(true);
    expect(events.some((e) => e.summary === 'Recycling (green wheelie bin with a blue lid)')).toBe(true);
    // Every event is stamped with when the calendar was made, by the app's clock: on its day.
    const stamps = new Set([...text.matchAll(/^DTSTAMP:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\r$/gm)].map(([, y, mo, d, h, mi, se]) => `${y}-${mo}-${d}T${h}:${mi}:${se}Z`));
    expect(stamps.size).toBe(1);
    expect(todayInLondon(new Date([...stamps][0]!))).toBe(clock.today());
  });

  it('holds every collection from a week ago to a year ahead, the same dates the JSON gives', async () => {
    const { events } = parse((await calendarText(NINE_HIGH_STREET)).text);
    const today = clock.today();
    const starts = events.map((e) => e.start);
    expect(starts.every((d) => d >= addDays(today, -7) && d <= addDays(today, 365))).toBe(true);
    expect(starts).toEqual([...starts].sort());
    const json = readCollectionsResult(
      await (await server.get(`/api/v1/waste/properties/${NINE_HIGH_STREET}/collections?from=${today}&to=${addDays(today, 365)}`)).json(),
      '',
    );
    for (const service of json.services) {
      const uids = events.filter((e) => e.uid.startsWith(`${NINE_HIGH_STREET}-${service.id}-`) && e.start >= today);
      expect(uids.map((e) => e.start), service.id).toEqual(service.upcoming);
    }
    // The previous week's collections are there too.
    expect(events.filter((e) => e.start < today).map((e) => e.uid.split('-')[1])).toEqual(['recycling', 'food', 'garden']);
    expect(events.filter((e) => e.start < today).every((e) => e.start === '2026-03-24')).toBe(true);
  });

  it('leaves out garden waste without an active subscription', async () => {
    const { events } = parse((await calendarText(ELEVEN_HIGH_STREET)).text);
    expect(events.some((e) => e.uid.includes('-garden-'))).toBe(false);
    expect(events.some((e) => e.uid.includes('-refuse-'))).toBe(true);
  });

  it('uses CRLF line endings and folds lines at 75 octets', async () => {
    const { text } = await calendarText(NINE_HIGH_STREET, '?lang=cy');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    // Moved collections carry a long description, folded onto continuation lines.
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('keeps the same UIDs across requests', async () => {
    const first = parse((await calendarText(NINE_HIGH_STREET)).text).events.map((e) => e.uid);
    const second = parse((await calendarText(NINE_HIGH_STREET)).text).events.map((e) => e.uid);
    expect(second).toEqual(first);
    expect(first).toContain(`${NINE_HIGH_STREET}-refuse-20260414@waste.council-kit.dev`);
  });

  it('keeps a moved collection’s UID (built on its usual date) and says why it moved', async () => {
    const { events } = parse((await calendarText(NINE_HIGH_STREET)).text);
    const easter = events.find((e) => e.uid === `${NINE_HIGH_STREET}-food-20260407@waste.council-kit.dev`);
    expect(easter?.start).toBe('2026-04-08');
    expect(easter?.description).toBe('Moved from Tuesday 7 April 2026 (Bank holiday). Put your bins out by 7am on collection day.');

    // The council moves one rubbish collection: the calendar updates it in place.
    const before = events.map((e) => e.uid);
    try {
      await server.db
        .insertInto('waste_date_changes')
        .values({ round_id: 'refuse-tue-a', was: '2026-04-14', now: '2026-04-16', reason_en: 'Crew shortage; sorry, it’s a Thursday', reason_cy: 'Prinder criw' })
        .execute();
      const { events: after } = parse((await calendarText(NINE_HIGH_STREET)).text);
      expect(new Set(after.map((e) => e.uid))).toEqual(new Set(before));
      const moved = after.find((e) => e.uid === `${NINE_HIGH_STREET}-refuse-20260414@waste.council-kit.dev`);
      expect(moved?.start).toBe('2026-04-16');
      expect(moved?.description).toBe('Moved from Tuesday 14 April 2026 (Crew shortage; sorry, it’s a Thursday). Put your bins out by 7am on collection day.');

      const json = readCollectionsResult(await (await server.get(`/api/v1/waste/properties/${NINE_HIGH_STREET}/collections`)).json(), '');
      expect(json.services[0]?.changedDates).toEqual([{ was: '2026-04-14', now: '2026-04-16', reason: 'Crew shortage; sorry, it’s a Thursday' }]);
      expect(json.services[0]?.upcoming).toContain('2026-04-16');
    } finally {
      await sql`delete from waste_date_changes where round_id = 'refuse-tue-a'`.execute(server.db);
    }
  });

  it('writes Welsh summaries with lang=cy', async () => {
    const { calendar, events } = parse((await calendarText(NINE_HIGH_STREET, '?lang=cy')).text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Casgliadau biniau: 9 High Street, Anytown, AN1 1AA');
    expect(events.some((e) => e.summary === 'Sbwriel (bin olwynion du)')).toBe(true);
    expect(events.some((e) => e.summary === 'Ailgylchu (bin olwynion gwyrdd gyda chaead glas)')).toBe(true);
    expect(events.find((e) => e.start === '2026-04-08')?.description).toBe('Wedi symud o ddydd Mawrth 7 Ebrill 2026 (Gŵyl y banc). Rhowch eich biniau allan erbyn 7yb ar y diwrnod casglu.');
  });

  it('answers problems for an unknown UPRN, a property with no collections of its own, and bad input', async () => {
    for (const [uprn, status, type] of [
      ['999999999999', 404, problemTypes.notFound],
      [CASTLE_HOUSE_FLAT, 404, problemTypes.notFound],
      ['not-a-uprn', 400, problemTypes.validation],
    ] as const) {
      const { response, text } = await calendarText(uprn);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.parse(text)).toMatchObject({ type, status });
    }
    expect((await calendarText(NINE_HIGH_STREET, '?lang=de')).response.status).toBe(400);
  });
});

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const text = 'Flat 3; Tŷ Afon, 33 Stryd Fawr\\Annex\nSecond line';
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:test', 'BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20260101T000000Z', 'DTSTART;VALUE=DATE:20260101', `SUMMARY:${escapeText(text)}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(text);
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'Gŵyl y banc: casgliad wedi symud. '.repeat(8)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    expect(foldLine('X:' + 'a'.repeat(73))).toBe('X:' + 'a'.repeat(73)); // exactly 75 octets: not folded
  });
});
