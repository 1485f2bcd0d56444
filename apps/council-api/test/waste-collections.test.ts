import {
  addDays,
  problemTypes,
  readAddressLookupResult,
  readCollectionsResult,
  reportWindowEnd,
  weekdayOf,
  weekdays,
  type CollectionsResult,
  type WasteService,
} from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { TODAY } from './dates.js';
import { movableClock, rows, startTestServer, type TestServer } from './helpers.js';
import { roundCollections } from './waste-support.js';

// Calendar rules on named days of 2026 and 2027: the server's clock is moved to each, whatever
// the suite's day (the last describe runs on that day instead).
// Seeded properties (see seedUprns): AN1 1AA is collected on Tuesdays, rubbish on week A
// (Tuesday 24 November 2026 is a rubbish day), recycling and garden on week B, food weekly.
const NINE_HIGH_STREET = '100070000112'; // AN1 1AA, no crew states, garden active
const TWO_HIGH_STREET = '100070000057'; // AN1 1AA, rubbish and recycling not_collected on the day
const ELEVEN_HIGH_STREET = '100070000179'; // AN1 1AA, garden expired
const PHARMACY = '100070000245'; // AN1 1AA, no garden subscription
const CASTLE_HOUSE_FLAT = '100070007641'; // a flat in a block
const BUSINESS_UNIT = '100070060605';
const FRIDAY_HOUSE = '100070002211'; // 16 Church Street, Fridays
const THURSDAY_HOUSE = '100070003288'; // 1 Mill Road, Thursdays
const MONDAY_HOUSE = '100070058110'; // Rose Cottage, Mondays

const clock = movableClock('2026-11-23');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock, rateLimitPerMinute: 100_000 });
});

afterAll(async () => {
  await server?.stop();
});

afterEach(() => clock.set('2026-11-23'));

async function collections(uprn: string, query: Record<string, string> = {}): Promise<CollectionsResult> {
  const response = await server.get(`/api/v1/waste/properties/${uprn}/collections?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return readCollectionsResult(await response.json(), ''); // throws unless the body matches the contract
}

async function service(uprn: string, id: string, query: Record<string, string> = {}): Promise<WasteService> {
  const found = (await collections(uprn, query)).services.find((s) => s.id === id);
  expect(found, `${id} at ${uprn}`).toBeDefined();
  return found!;
}

async function problem(path: string): Promise<{ status: number; body: { type: string; status: number; errors?: { path: string; message: string }[] } }> {
  const response = await server.get(path);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return { status: response.status, body: (await response.json()) as never };
}

describe('GET /api/v1/waste/properties/{uprn}/collections', () => {
  it('gives every AN1 1AA address all four services, in the contract shape', async () => {
    const lookup = readAddressLookupResult(await (await server.get('/api/v1/addresses?postcode=AN1%201AA')).json(), '');
    expect(lookup.addresses.length).toBeGreaterThanOrEqual(10);
    let everyService = 0;
    for (const address of lookup.addresses) {
      const result = await collections(address.uprn);
      expect(result.uprn).toBe(address.uprn);
      expect(result.address).toBe(address.address);
      expect(result.services.map((s) => s.id)).toEqual(['refuse', 'recycling', 'food', 'garden']);
      if (result.services.every((s) => !s.subscription || s.subscription.status === 'active')) everyService++;
    }
    expect(everyService).toBeGreaterThanOrEqual(10);
  });

  it('answers the whole service for a plain AN1 1AA house', async () => {
    // Monday 23 November 2026; the default range is a week ago to eight weeks ahead (18 January 2027).
    const result = await collections(NINE_HIGH_STREET);
    expect(result).toEqual({
      uprn: NINE_HIGH_STREET,
      address: '9 High Street, Anytown, AN1 1AA',
      services: [
        {
          id: 'refuse',
          name: 'Rubbish',
          container: { type: 'wheelie-bin', colour: 'black' },
          frequency: { everyWeeks: 2, day: 'tuesday' },
          nextCollection: '2026-11-24',
          previousCollection: '2026-11-10',
          upcoming: ['2026-11-24', '2026-12-08', '2026-12-22', '2027-01-05'],
          reportMissed: { open: false },
        },
        {
          id: 'recycling',
          name: 'Recycling',
          container: { type: 'wheelie-bin', colour: 'green', lidColour: 'blue' },
          frequency: { everyWeeks: 2, day: 'tuesday' },
          nextCollection: '2026-12-01',
          previousCollection: '2026-11-17',
          upcoming: ['2026-12-01', '2026-12-15', '2026-12-30', '2027-01-12'],
          changedDates: [{ was: '2026-12-29', now: '2026-12-30', reason: 'Boxing Day' }],
          reportMissed: { open: false },
        },
        {
          id: 'food',
          name: 'Food waste',
          container: { type: 'caddy', colour: 'brown' },
          frequency: { everyWeeks: 1, day: 'tuesday' },
          nextCollection: '2026-11-24',
          previousCollection: '2026-11-17',
          upcoming: ['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-30', '2027-01-05', '2027-01-12'],
          changedDates: [{ was: '2026-12-29', now: '2026-12-30', reason: 'Boxing Day' }],
          reportMissed: { open: false },
        },
        {
          id: 'garden',
          name: 'Garden waste',
          container: { type: 'wheelie-bin', colour: 'brown' },
          frequency: { everyWeeks: 2, day: 'tuesday' },
          nextCollection: '2026-12-01',
          previousCollection: '2026-11-17',
          upcoming: ['2026-12-01', '2026-12-15', '2026-12-30', '2027-01-12'],
          changedDates: [{ was: '2026-12-29', now: '2026-12-30', reason: 'Boxing Day' }],
          reportMissed: { open: false },
          subscription: { status: 'active' },
        },
      ],
    });
  });

  it('gives flats in a block and businesses no services of their own', async () => {
    expect(await collections(CASTLE_HOUSE_FLAT)).toEqual({
      uprn: CASTLE_HOUSE_FLAT,
      address: 'Flat 1, Castle House, 1 Castle Walk, Anytown, AN1A 2FL',
      services: [],
    });
    expect((await collections(BUSINESS_UNIT)).services).toEqual([]);
  });

  it('shows garden waste without collections, and a link, when the subscription is expired or absent', async () => {
    for (const [uprn, status] of [
      [ELEVEN_HIGH_STREET, 'expired'],
      [PHARMACY, 'none'],
    ] as const) {
      const garden = await service(uprn, 'garden');
      expect(garden.subscription).toEqual({ status, renewUrl: 'https://www.anytown.example/garden-waste' });
      expect(garden.upcoming).toEqual([]);
      expect(garden.nextCollection).toBeUndefined();
      expect(garden.previousCollection).toBeUndefined();
      expect(garden.reportMissed).toEqual({ open: false });
      expect(garden.frequency).toEqual({ everyWeeks: 2, day: 'tuesday' });
    }
  });

  it('collects on the frequency’s weekday, week after week, spread Monday to Friday', async () => {
    const days = new Set<string>();
    for (const uprn of [NINE_HIGH_STREET, FRIDAY_HOUSE, THURSDAY_HOUSE, MONDAY_HOUSE, '100070033287', '100070000345']) {
      for (const s of (await collections(uprn, { from: '2026-05-11', to: '2026-08-21' })).services) {
        expect(s.frequency).toBeDefined();
        days.add(s.frequency!.day);
        if (s.subscription && s.subscription.status !== 'active') continue;
        const moved = new Map((s.changedDates ?? []).map((c) => [c.now, c.was]));
        const usual = s.upcoming.map((d) => moved.get(d) ?? d);
        for (const date of usual) expect(weekdays[weekdayOf(date)], `${s.id} ${date}`).toBe(s.frequency!.day);
        for (let i = 1; i < usual.length; i++) expect(daysBetween(usual[i - 1]!, usual[i]!)).toBe(7 * s.frequency!.everyWeeks);
      }
    }
    expect([...days].sort()).toEqual(['friday', 'monday', 'thursday', 'tuesday']);

    // Across the whole seed, rounds run on all five weekdays, one weekday per postcode.
    // Round ids read service-day-week ('refuse-tue-a'): the day is the three letters after the first hyphen.
    const dayOf = (roundId: string) => roundId.slice(roundId.indexOf('-') + 1, roundId.indexOf('-') + 4);
    const assigned = await rows(server, sql<{ postcode: string; round_id: string }>`select a.postcode, pr.round_id from waste_property_rounds pr join addresses a on a.uprn = pr.uprn`);
    const daysByPostcode = new Map<string, Set<string>>();
    for (const { postcode, round_id } of assigned) daysByPostcode.set(postcode, (daysByPostcode.get(postcode) ?? new Set()).add(dayOf(round_id)));
    expect(daysByPostcode.size).toBeGreaterThan(0);
    expect([...daysByPostcode.values()].every((days) => days.size === 1)).toBe(true);
    expect([...new Set(assigned.map((r) => dayOf(r.round_id)))].sort()).toEqual(['fri', 'mon', 'thu', 'tue', 'wed']);
  });

  it('keeps a Tuesday fortnightly round on alternate Tuesdays across the year boundary', async () => {
    clock.set('2026-12-14');
    const refuse = await service(NINE_HIGH_STREET, 'refuse', { from: '2026-12-14', to: '2027-02-01' });
    expect(refuse.upcoming).toEqual(['2026-12-22', '2027-01-05', '2027-01-19']);
    expect(refuse.changedDates).toBeUndefined();
    const recycling = await service(NINE_HIGH_STREET, 'recycling', { from: '2026-12-14', to: '2027-02-01' });
    expect(recycling.upcoming).toEqual(['2026-12-15', '2026-12-30', '2027-01-12', '2027-01-26']);
  });

  it('moves a bank holiday week’s collections a day later (Easter 2026), with the reason', async () => {
    clock.set('2026-04-06'); // Easter Monday
    const range = { from: '2026-03-30', to: '2026-04-19' };
    const monday = await service(MONDAY_HOUSE, 'food', range);
    expect(monday.nextCollection).toBe('2026-04-07'); // not today, Easter Monday
    expect(monday.previousCollection).toBe('2026-03-30');
    expect(monday.upcoming).toEqual(['2026-04-07', '2026-04-13']);
    expect(monday.changedDates).toEqual([{ was: '2026-04-06', now: '2026-04-07', reason: 'Bank holiday' }]);

    const tuesday = await service(NINE_HIGH_STREET, 'food', range);
    expect(tuesday.upcoming).toEqual(['2026-04-08', '2026-04-14']);
    expect(tuesday.changedDates).toEqual([{ was: '2026-04-07', now: '2026-04-08', reason: 'Bank holiday' }]);

    const friday = await service(FRIDAY_HOUSE, 'food', range);
    // Good Friday's collection is on Saturday; so is the next Friday's (Easter Monday's week).
    expect(friday.previousCollection).toBe('2026-04-04');
    expect(friday.upcoming).toEqual(['2026-04-11', '2026-04-17']);
    expect(friday.changedDates).toEqual([
      { was: '2026-04-03', now: '2026-04-04', reason: 'Bank holiday' },
      { was: '2026-04-10', now: '2026-04-11', reason: 'Bank holiday' },
    ]);

    const welsh = await service(NINE_HIGH_STREET, 'food', { ...range, lang: 'cy' });
    expect(welsh.changedDates).toEqual([{ was: '2026-04-07', now: '2026-04-08', reason: 'Gŵyl y banc' }]);
  });

  it('moves the August bank holiday week', async () => {
    clock.set('2026-08-28');
    const monday = await service(MONDAY_HOUSE, 'food', { from: '2026-08-28', to: '2026-09-08' });
    expect(monday.upcoming).toEqual(['2026-09-01', '2026-09-07']);
    expect(monday.changedDates).toEqual([{ was: '2026-08-31', now: '2026-09-01', reason: 'Bank holiday' }]);
  });

  it('moves Christmas and New Year collections in late December 2026, each with its own reason', async () => {
    clock.set('2026-12-21');
    const range = { from: '2026-12-21', to: '2027-01-10' };
    const friday = await service(FRIDAY_HOUSE, 'food', range);
    expect(friday.upcoming).toEqual(['2026-12-26', '2027-01-02', '2027-01-08']);
    expect(friday.changedDates).toEqual([
      { was: '2026-12-25', now: '2026-12-26', reason: 'Christmas Day' },
      { was: '2027-01-01', now: '2027-01-02', reason: 'New Year’s Day' },
    ]);
    const thursday = await service(THURSDAY_HOUSE, 'food', range);
    expect(thursday.upcoming).toEqual(['2026-12-24', '2027-01-01', '2027-01-07']);
    expect(thursday.changedDates).toEqual([{ was: '2026-12-31', now: '2027-01-01', reason: 'Boxing Day' }]);
    const monday = await service(MONDAY_HOUSE, 'food', range);
    expect(monday.upcoming).toEqual(['2026-12-21', '2026-12-29', '2027-01-04']);
    expect(monday.changedDates).toEqual([{ was: '2026-12-28', now: '2026-12-29', reason: 'Boxing Day' }]);

    const welsh = await service(FRIDAY_HOUSE, 'food', { ...range, lang: 'cy' });
    expect(welsh.changedDates?.map((c) => c.reason)).toEqual(['Dydd Nadolig', 'Dydd Calan']);
    expect((await service(THURSDAY_HOUSE, 'food', { ...range, lang: 'cy' })).changedDates?.[0]?.reason).toBe('Gŵyl San Steffan');
  });

  it.each(['UTC', 'Europe/London', 'Pacific/Auckland', 'America/Los_Angeles'])(
    'does not shift dates in the clock-change weeks (late March and late October 2026), with TZ=%s',
    async (tz) => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        clock.set('2026-03-23');
        const march = { from: '2026-03-23', to: '2026-04-02' };
        expect((await service(MONDAY_HOUSE, 'food', march)).upcoming).toEqual(['2026-03-23', '2026-03-30']);
        expect((await service(NINE_HIGH_STREET, 'food', march)).upcoming).toEqual(['2026-03-24', '2026-03-31']);
        expect((await service(THURSDAY_HOUSE, 'food', march)).upcoming).toEqual(['2026-03-26', '2026-04-02']);
        expect((await service(FRIDAY_HOUSE, 'food', march)).upcoming).toEqual(['2026-03-27']);
        clock.set('2026-10-19');
        const october = { from: '2026-10-19', to: '2026-11-01' };
        expect((await service(MONDAY_HOUSE, 'food', october)).upcoming).toEqual(['2026-10-19', '2026-10-26']);
        expect((await service(NINE_HIGH_STREET, 'food', october)).upcoming).toEqual(['2026-10-20', '2026-10-27']);
        expect((await service(FRIDAY_HOUSE, 'food', october)).upcoming).toEqual(['2026-10-23', '2026-10-30']);
        expect((await service(NINE_HIGH_STREET, 'food', october)).previousCollection).toBe('2026-10-13');
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    },
  );

  it('answers in Welsh with lang=cy', async () => {
    const result = await collections(NINE_HIGH_STREET, { lang: 'cy' });
    expect(result.services.map((s) => s.name)).toEqual(['Sbwriel', 'Ailgylchu', 'Gwastraff bwyd', 'Gwastraff gardd']);
    expect(result.services[1]?.changedDates).toEqual([{ was: '2026-12-29', now: '2026-12-30', reason: 'Gŵyl San Steffan' }]);
    expect((await collections(NINE_HIGH_STREET, { lang: 'en' })).services[0]?.name).toBe('Rubbish');
  });

  it('honours from and to: upcoming from today (or from) to `to`, previous even before `from`', async () => {
    const refuse = await service(NINE_HIGH_STREET, 'refuse', { from: '2026-11-23', to: '2026-12-08' });
    expect(refuse.upcoming).toEqual(['2026-11-24', '2026-12-08']);
    expect(refuse.previousCollection).toBe('2026-11-10');
    const later = await service(NINE_HIGH_STREET, 'refuse', { from: '2026-12-09', to: '2027-01-05' });
    expect(later.upcoming).toEqual(['2026-12-22', '2027-01-05']);
    expect(later.nextCollection).toBe('2026-11-24');
    const past = await service(NINE_HIGH_STREET, 'refuse', { from: '2026-10-01', to: '2026-10-31' });
    expect(past.upcoming).toEqual([]);
    expect(past.nextCollection).toBe('2026-11-24');
    // Exactly 400 days is allowed: to Tuesday 28 December 2027, a bank holiday, whose collection moves out of range.
    const year = await service(NINE_HIGH_STREET, 'food', { from: '2026-11-23', to: addDays('2026-11-23', 400) });
    expect(year.upcoming.length).toBe(57);
    expect(year.upcoming.at(-1)).toBe('2027-12-21');
    expect(year.changedDates?.at(-1)).toEqual({ was: '2027-12-28', now: '2027-12-29', reason: 'Boxing Day' });
  });

  it.each([
    [{ from: 'yesterday' }, '/from'],
    [{ from: '2026-02-30' }, '/from'],
    [{ to: '2026-13-01' }, '/to'],
    [{ from: '2026-11-23T00:00:00Z' }, '/from'],
    [{ from: '2026-11-23', to: '2026-11-22' }, '/to'],
    [{ from: '2026-11-23', to: addDays('2026-11-23', 401) }, '/to'],
    [{ from: '2020-01-01' }, '/to'], // default `to` is eight weeks ahead: more than 400 days
    [{ lang: 'fr' }, '/lang'],
    [{ lang: '<script>' }, '/lang'],
  ])('refuses %j with a 400 validation problem', async (query, path) => {
    const { status, body } = await problem(`/api/v1/waste/properties/${NINE_HIGH_STREET}/collections?${new URLSearchParams(query)}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ type: problemTypes.validation, status: 400 });
    expect(body.errors?.map((e) => e.path)).toContain(path);
    expect(JSON.stringify(body)).not.toContain('<script>');
  });

  it.each(['abc', '1234567890123', '12%2034', '%3Cscript%3E'])('refuses the malformed UPRN %s with a 400 problem', async (uprn) => {
    const { status, body } = await problem(`/api/v1/waste/properties/${uprn}/collections`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: '/uprn', message: expect.any(String) }]);
  });

  it('answers an unknown UPRN with a 404 problem', async () => {
    const { status, body } = await problem('/api/v1/waste/properties/999999999999/collections');
    expect(status).toBe(404);
    expect(body).toMatchObject({ type: problemTypes.notFound, status: 404, title: 'Property not found' });
  });

  it('takes "today" from COUNCIL_TODAY when no clock is given', async () => {
    const other = await startTestServer({ env: { COUNCIL_TODAY: '2026-04-06' } });
    try {
      const response = await other.get(`/api/v1/waste/properties/${MONDAY_HOUSE}/collections`);
      const food = readCollectionsResult(await response.json(), '').services.find((s) => s.id === 'food');
      expect(food?.nextCollection).toBe('2026-04-07');
      expect(food?.previousCollection).toBe('2026-03-30');
    } finally {
      await other.stop();
    }
  });
});

describe('todayState and reportMissed', () => {
  it('opens the report window the day after a collection and closes it after the second working day', async () => {
    // Rubbish on Tuesday 24 November 2026: reportable until Thursday 26 November.
    const cases: [string, WasteService['reportMissed']][] = [
      ['2026-11-24', { open: false }], // collection day itself, nothing reported by the crew
      ['2026-11-25', { open: true, until: '2026-11-26' }],
      ['2026-11-26', { open: true, until: '2026-11-26' }], // the last day
      ['2026-11-27', { open: false }],
    ];
    for (const [today, expected] of cases) {
      clock.set(today);
      const refuse = await service(NINE_HIGH_STREET, 'refuse');
      expect(refuse.reportMissed, today).toEqual(expected);
      expect(refuse.todayState, today).toBeUndefined();
    }
  });

  it('counts working days across a weekend', async () => {
    // Food on Thursday 19 November 2026: Friday and Monday are the two working days.
    for (const [today, expected] of [
      ['2026-11-20', { open: true, until: '2026-11-23' }],
      ['2026-11-21', { open: true, until: '2026-11-23' }],
      ['2026-11-22', { open: true, until: '2026-11-23' }],
      ['2026-11-23', { open: true, until: '2026-11-23' }],
      ['2026-11-24', { open: false }],
    ] as const) {
      clock.set(today);
      expect((await service(THURSDAY_HOUSE, 'food')).reportMissed, today).toEqual(expected);
    }
  });

  it('skips bank holidays when counting working days', async () => {
    // Food on Thursday 2 April 2026: Good Friday and Easter Monday do not count, so until Wednesday 8 April.
    for (const [today, expected] of [
      ['2026-04-06', { open: true, until: '2026-04-08' }],
      ['2026-04-07', { open: true, until: '2026-04-08' }],
      ['2026-04-08', { open: true, until: '2026-04-08' }],
      ['2026-04-09', { open: false }], // that Thursday's collection moved to Friday
    ] as const) {
      clock.set(today);
      const food = await service(THURSDAY_HOUSE, 'food');
      expect(food.reportMissed, today).toEqual(expected);
      expect(food.previousCollection, today).toBe('2026-04-02');
    }
  });

  it('shows the crew’s state only on a collection day, and opens reporting on the day when not collected', async () => {
    clock.set('2026-11-24'); // a rubbish Tuesday
    const result = await collections(TWO_HIGH_STREET);
    const byId = Object.fromEntries(result.services.map((s) => [s.id, s]));
    expect(byId.refuse?.todayState).toBe('not_collected');
    expect(byId.refuse?.reportMissed).toEqual({ open: true, until: '2026-11-26' });
    expect(byId.food?.todayState).toBe('collected');
    expect(byId.food?.reportMissed).toEqual({ open: false });
    expect(byId.recycling?.todayState).toBeUndefined(); // recycling is next week
    expect(byId.garden?.todayState).toBeUndefined();

    clock.set('2026-11-23'); // a Monday: no collection, no state
    expect((await collections(TWO_HIGH_STREET)).services.every((s) => s.todayState === undefined)).toBe(true);
  });

  it('prefers the crews’ recorded state for the round over the demo states', async () => {
    try {
      await sql`insert into waste_collection_states (round_id, date, state) values ('refuse-tue-a', '2026-12-08', 'in_progress')`.execute(server.db);
      clock.set('2026-12-08');
      expect((await service(NINE_HIGH_STREET, 'refuse')).todayState).toBe('in_progress');
      expect((await service(TWO_HIGH_STREET, 'refuse')).todayState).toBe('in_progress');
      expect((await service(NINE_HIGH_STREET, 'food')).todayState).toBeUndefined();
      await sql`update waste_collection_states set state = 'not_collected' where round_id = 'refuse-tue-a' and date = '2026-12-08'`.execute(server.db);
      expect((await service(NINE_HIGH_STREET, 'refuse')).reportMissed).toEqual({ open: true, until: '2026-12-10' });
      clock.set('2026-12-07'); // the day before: the state is for the 8th only
      expect((await service(NINE_HIGH_STREET, 'refuse')).todayState).toBeUndefined();
    } finally {
      await sql`delete from waste_collection_states where round_id = 'refuse-tue-a'`.execute(server.db);
    }
  });
});

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

describe('on the suite’s day', () => {
  // Whatever the day (a bank holiday Monday, a weekend, the week after Christmas, 29 February),
  // each weekday's rounds answer as the seed's rounds and moved collections say, worked out
  // here with the contract's calendar (waste-support.ts) rather than by the API.
  let today: TestServer;
  beforeAll(async () => {
    today = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await today?.stop();
  });

  it('gives next and previous collections, upcoming ones, moved ones and the report window by the seed’s rules', async () => {
    const dates = await roundCollections(today.db, addDays(TODAY, -35), addDays(TODAY, 70));
    const rounds = await rows(today, sql<{ uprn: string; service_id: string; round_id: string; demo_today_state: string | null }>`select uprn, service_id, round_id, demo_today_state from waste_property_rounds`);
    // A household for each weekday: the first (by UPRN) with all four services, its garden subscription active.
    const households: string[] = [];
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) {
      const [first] = await rows(
        today,
        sql<{ uprn: string }>`select pr.uprn from waste_property_rounds pr join waste_garden_subscriptions g on g.uprn = pr.uprn where pr.round_id = ${`food-${day}`} and g.status = 'active' order by pr.uprn limit 1`,
      );
      households.push(first!.uprn);
    }
    let open = 0;
    for (const uprn of households) {
      const result = readCollectionsResult(await (await today.get(`/api/v1/waste/properties/${uprn}/collections`)).json(), '');
      expect(result.services.map((s) => s.id)).toEqual(['refuse', 'recycling', 'food', 'garden']);
      for (const service of result.services) {
        const assigned = rounds.find((r) => r.uprn === uprn && r.service_id === service.id)!;
        const round = dates.get(assigned.round_id)!;
        const what = `${uprn} ${service.id} on ${TODAY}`;
        const previous = round.filter((d) => d < TODAY).at(-1)!;
        expect(service.subscription?.status ?? 'none', what).toBe(service.id === 'garden' ? 'active' : 'none');
        expect(service.nextCollection, what).toBe(round.find((d) => d >= TODAY));
        expect(service.previousCollection, what).toBe(previous);
        expect(service.upcoming, what).toEqual(round.filter((d) => d >= TODAY && d <= addDays(TODAY, 56)));
        // A collection off the round's weekday was moved there, and says from where.
        for (const date of service.upcoming.filter((d) => weekdays[weekdayOf(d)] !== service.frequency!.day)) {
          expect(service.changedDates?.map((c) => c.now), `${what}: ${date}`).toContain(date);
        }
        const state = service.nextCollection === TODAY ? (assigned.demo_today_state ?? undefined) : undefined;
        expect(service.todayState, what).toBe(state);
        const expected =
          state === 'not_collected'
            ? { open: true, until: reportWindowEnd(TODAY) }
            : reportWindowEnd(previous) >= TODAY
              ? { open: true, until: reportWindowEnd(previous) }
              : { open: false };
        expect(service.reportMissed, what).toEqual(expected);
        if (expected.open) open++;
      }
    }
    expect(open).toBeGreaterThan(0); // some weekday's collections can always be reported (waste-seed.test.ts)
  });

  it('shows an active garden subscription as active, and an expired one as expired, on any day', async () => {
    const garden = async (uprn: string) =>
      readCollectionsResult(await (await today.get(`/api/v1/waste/properties/${uprn}/collections`)).json(), '').services.find((s) => s.id === 'garden');
    expect((await garden(NINE_HIGH_STREET))?.subscription).toEqual({ status: 'active' });
    expect((await garden(ELEVEN_HIGH_STREET))?.subscription).toEqual({ status: 'expired', renewUrl: 'https://www.anytown.example/garden-waste' });
  });
});
