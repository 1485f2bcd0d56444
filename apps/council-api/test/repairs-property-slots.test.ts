import { addDays, isWorkingDay, problemTypes, readRepairProperty, readRepairSlots, validate, type RepairSlots } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { seedRepairReferences } from '../src/repairs/seed.js';
import { rows, startTestServer, type TestServer } from './helpers.js';
import { TODAY, workingDaysAfter, workingDaysBetween } from './dates.js';
import { homes, type Homes } from './repairs-helpers.js';

let server: TestServer;
let home: Homes;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
  home = await homes(server);
});
afterAll(async () => {
  await server?.stop();
});

const json = async (path: string) => {
  const response = await server.get(path);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
};

describe('the seed for repairs in AN1 1AA', () => {
  it('has council flats in one block, a council house and privately owned homes', async () => {
    const found = await rows(server, sql<{ council_owned: number; block_id: string | null; property_type: string }>`select council_owned, block_id, property_type from addresses where postcode = 'AN1 1AA'`);
    const councilFlats = found.filter((r) => r.council_owned && r.block_id);
    expect(councilFlats.length).toBeGreaterThanOrEqual(2);
    expect(new Set(councilFlats.map((r) => r.block_id)).size).toBe(1);
    expect(found.some((r) => r.council_owned && !r.block_id && r.property_type === 'house')).toBe(true);
    expect(found.some((r) => !r.council_owned && r.property_type === 'house')).toBe(true);
  });
});

describe('GET /api/v1/repairs/properties/{uprn}', () => {
  it('a council flat: council-owned, with the block’s open communal repair (not the cancelled one)', async () => {
    const { status, body } = await json(`/api/v1/repairs/properties/${home.flat1}`);
    expect(status).toBe(200);
    const property = validate(readRepairProperty, body);
    expect(property).toMatchObject({ uprn: home.flat1, councilOwned: true });
    expect(property.address).toMatch(/^Flat \d, Mill Court, 12 High Street, Anytown, AN1 1AA$/);
    // What, where, when and the status: never the reference or the description (see repairs-manage-token.test.ts).
    expect(body.communalRepairs).toEqual([
      { leafId: 'communal-light-out', label: 'A light on the stairs or in a corridor is not working', locationLabel: expect.any(String), reportedOn: expect.any(String), status: 'awaiting-appointment' },
    ]);
    expect(JSON.stringify(body)).not.toContain(seedRepairReferences.communalOpen);
    expect(property.communalRepairs).toHaveLength(1);
  });

  it('labels in Welsh with lang=cy', async () => {
    const property = validate(readRepairProperty, (await json(`/api/v1/repairs/properties/${home.flat3}?lang=cy`)).body);
    expect(property.communalRepairs[0]).toMatchObject({ label: 'Nid yw golau ar y grisiau neu mewn coridor yn gweithio', locationLabel: 'Ardal a rennir (grisiau, coridorau, lifftiau, storfeydd biniau)' });
  });

  it('a council house has no block, so no communal repairs; a private home is not council-owned', async () => {
    expect((await json(`/api/v1/repairs/properties/${home.councilHouse}`)).body).toMatchObject({ councilOwned: true, communalRepairs: [] });
    const privateHome = validate(readRepairProperty, (await json(`/api/v1/repairs/properties/${home.privateHome}`)).body);
    expect(privateHome).toEqual({ uprn: home.privateHome, address: '9 High Street, Anytown, AN1 1AA', councilOwned: false, communalRepairs: [] });
  });

  it('404 for an unknown UPRN, 400 for a malformed one or an unknown language', async () => {
    expect(await json('/api/v1/repairs/properties/999999999999')).toMatchObject({ status: 404, type: 'application/problem+json', body: { type: problemTypes.notFound } });
    expect(await json('/api/v1/repairs/properties/12ab')).toMatchObject({ status: 400, body: { type: problemTypes.validation } });
    expect(await json(`/api/v1/repairs/properties/${home.flat1}?lang=fr`)).toMatchObject({ status: 400, body: { errors: [{ path: '/lang' }] } });
  });
});

describe('GET /api/v1/repairs/slots', () => {
  const slots = async (query: string) => {
    const { status, body } = await json(`/api/v1/repairs/slots?${query}`);
    expect(status).toBe(200);
    return validate(readRepairSlots, body);
  };

  it('a routine job: free slots for its trade from the next working day, two weeks by default, working days only', async () => {
    const result = await slots(`sor=20110&uprn=${home.flat1}`);
    expect(result).toMatchObject({ sor: '20110', priority: 'routine', callBack: false });
    expect(result.slots.length).toBeGreaterThan(5);
    const first = workingDaysAfter(TODAY, 1);
    const twoWeeks = addDays(TODAY, 14);
    expect(result.slots.every((s) => s.date >= first && s.date <= twoWeeks && isWorkingDay(s.date))).toBe(true);
    expect(new Set(result.slots.map((s) => s.period))).toEqual(new Set(['am', 'pm']));
    expect(result.slots.every((s) => s.id.startsWith('plumber-'))).toBe(true);
    // Exactly the plumbers' slots with room in that window, in date and period order: none left
    // out, full ones not offered. There are slots from the next working day on (a day's may all be full).
    const free = await rows(server, sql<{ id: string; date: string }>`select id, date from repair_slots where trade_id = 'plumber' and date >= ${TODAY} and date <= ${twoWeeks} and booked < capacity order by date, period`);
    expect(result.slots.map((s) => s.id)).toEqual(free.map((f) => f.id));
    const dates = await rows(server, sql<{ date: string }>`select distinct date from repair_slots where trade_id = 'plumber' and date >= ${TODAY} and date <= ${twoWeeks} order by date`);
    expect(dates.map((d) => d.date)).toEqual(workingDaysBetween(TODAY, twoWeeks));
    const full = await rows(server, sql<{ id: string }>`select id from repair_slots where trade_id = 'plumber' and booked >= capacity`);
    expect(result.slots.some((s) => full.some((f) => f.id === s.id))).toBe(false);
  });

  it('weeks=6 reaches six weeks ahead on working days only, skipping weekends and bank holidays', async () => {
    const result = await slots(`sor=60120&uprn=${home.flat1}&weeks=6`);
    expect(result.slots.every((s) => s.period === 'all-day')).toBe(true); // roofers work whole days
    const dates = result.slots.map((s) => s.date);
    const sixWeeks = workingDaysBetween(TODAY, addDays(TODAY, 42));
    expect(sixWeeks.at(-1)! > addDays(TODAY, 35)).toBe(true);
    expect(dates.every((d) => isWorkingDay(d) && d > TODAY && d <= addDays(TODAY, 42))).toBe(true);
    // Every working day of the six weeks, to the last, is offered unless its slot is full.
    const full = await rows(server, sql<{ date: string }>`select date from repair_slots where trade_id = 'roofer' and booked >= capacity and date > ${TODAY} and date <= ${addDays(TODAY, 42)}`);
    expect([...dates, ...full.map((f) => f.date)].sort()).toEqual(sixWeeks);
  });

  it('emergency and urgent jobs, and jobs the council arranges, are a call back with no slots', async () => {
    expect(await slots(`sor=20510&uprn=${home.flat1}`)).toEqual({ sor: '20510', priority: 'emergency', callBack: true, slots: [] });
    expect(await slots(`sor=20310&uprn=${home.flat1}`)).toEqual({ sor: '20310', priority: 'urgent', callBack: true, slots: [] });
    expect(await slots(`sor=30210&uprn=${home.flat1}`)).toEqual({ sor: '30210', priority: 'routine', callBack: true, slots: [] }); // contact-us
  });

  it('no free slots in the window: a call back, never a dead end', async () => {
    const twoWeeks = addDays(TODAY, 14);
    await sql`update repair_slots set booked = capacity where trade_id = 'glazier' and date <= ${twoWeeks}`.execute(server.db);
    // The third week has working days (at most three bank holidays fall in any seven days), and room on them.
    await sql`update repair_slots set booked = 0 where trade_id = 'glazier' and date > ${twoWeeks} and date <= ${addDays(TODAY, 21)}`.execute(server.db);
    const result: RepairSlots = await slots(`sor=70110&uprn=${home.flat1}`);
    expect(result).toEqual({ sor: '70110', priority: 'routine', callBack: true, slots: [] });
    const threeWeeks = await slots(`sor=70110&uprn=${home.flat1}&weeks=3`);
    expect(threeWeeks.callBack).toBe(false);
    expect(threeWeeks.slots.map((s) => s.date)).toEqual(workingDaysBetween(twoWeeks, addDays(TODAY, 21)));
  });

  it('problems: unknown SOR, bad weeks, unknown property, a private home', async () => {
    expect(await json(`/api/v1/repairs/slots?sor=99999&uprn=${home.flat1}`)).toMatchObject({ status: 400, body: { errors: [{ path: '/sor' }] } });
    expect(await json(`/api/v1/repairs/slots?uprn=${home.flat1}`)).toMatchObject({ status: 400, body: { errors: [{ path: '/sor' }] } });
    for (const weeks of ['0', '7', '1.5', 'two']) {
      expect(await json(`/api/v1/repairs/slots?sor=20110&uprn=${home.flat1}&weeks=${weeks}`), weeks).toMatchObject({ status: 400, body: { errors: [{ path: '/weeks' }] } });
    }
    expect(await json('/api/v1/repairs/slots?sor=20110&uprn=999999999999')).toMatchObject({ status: 404 });
    expect(await json(`/api/v1/repairs/slots?sor=20110&uprn=${home.privateHome}`)).toMatchObject({ status: 422, body: { type: problemTypes.notCouncilProperty } });
  });
});

describe('GET /api/v1/repairs/slots across Christmas and New Year (on Wednesday 25 November 2026)', () => {
  let christmas: TestServer;
  beforeAll(async () => {
    christmas = await startTestServer({ clock: fixedClock('2026-11-25'), rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await christmas?.stop();
  });

  it('weeks=6 reaches into January and skips Christmas Day, Boxing Day (and its substitute) and New Year’s Day', async () => {
    const flat = (await homes(christmas)).flat1;
    const result = validate(readRepairSlots, await (await christmas.get(`/api/v1/repairs/slots?sor=60120&uprn=${flat}&weeks=6`)).json());
    const dates = result.slots.map((s) => s.date);
    expect(dates[0]! >= '2026-11-26').toBe(true);
    expect(dates.at(-1)! > '2026-12-30').toBe(true);
    expect(dates.at(-1)! <= '2027-01-06').toBe(true);
    expect(dates.some((d) => ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2027-01-01'].includes(d))).toBe(false);
  });
});
