import { readFileSync } from 'node:fs';
import { addDays, bankHolidays, readCollectionsResult, reportWindowEnd, roundDates, weekdayOf } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { bankHolidayChanges, generateSeedAddresses, generateWasteSeed, seedIfEmpty, seedUprns, wasteSeedDates } from '../src/seed.js';
import { generateRounds } from '../src/waste/seed-data.js';
import { startServer } from '../src/server.js';
import { fixedClock } from '../src/clock.js';
import { TODAY } from './dates.js';
import { rows, startTestServer, testOptions, type TestServer } from './helpers.js';
import { testDatabase } from './test-database.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh database (see test-database.ts), deleted after the test; its URL. */
async function scratch(options?: { fromTemplate?: boolean }): Promise<string> {
  const database = await testDatabase(options);
  cleanups.push(() => database.cleanup());
  return database.url;
}

/** A connection of the test's own, closed after the test (before its database is deleted). */
function connect(url: string) {
  const db = createDatabase(url, { poolSize: 1 });
  cleanups.push(() => db.destroy());
  return db;
}

const addresses = generateSeedAddresses();
const waste = generateWasteSeed(addresses, { today: TODAY });
const servicesOf = (uprn: string) => waste.propertyRounds.filter((r) => r.uprn === uprn).map((r) => r.service_id);

describe('waste seed', () => {
  it('is deterministic for the day it is written on', () => {
    expect(generateWasteSeed(generateSeedAddresses(), { today: TODAY })).toEqual(waste);
    expect(generateWasteSeed([...addresses].reverse(), { today: TODAY })).toEqual(waste); // row order does not matter
  });

  it('says the same about "now" whatever the day: moved collections and subscriptions are relative to it', () => {
    // What an explicit day gives (2026-11-25 reproduces the seed as it was when dates were fixed).
    expect(wasteSeedDates('2026-11-25')).toEqual({ holidaysFrom: 2025, holidaysTo: 2028, activeUntil: '2028-03-31', expiredOn: '2026-03-31' });
    expect(wasteSeedDates('2027-03-31')).toEqual({ holidaysFrom: 2026, holidaysTo: 2029, activeUntil: '2028-03-31', expiredOn: '2026-03-31' });
    expect(wasteSeedDates('2027-04-01')).toEqual({ holidaysFrom: 2026, holidaysTo: 2029, activeUntil: '2029-03-31', expiredOn: '2027-03-31' });
    expect(wasteSeedDates('2028-02-29')).toEqual({ holidaysFrom: 2027, holidaysTo: 2030, activeUntil: '2029-03-31', expiredOn: '2027-03-31' });
    const other = generateWasteSeed(addresses, { today: '2031-06-15' });
    // Only the dates move: the same properties, rounds, demo states and subscribers.
    expect(other.propertyRounds).toEqual(waste.propertyRounds);
    expect(other.rounds).toEqual(waste.rounds);
    expect(other.subscriptions.map(({ uprn, status }) => ({ uprn, status }))).toEqual(waste.subscriptions.map(({ uprn, status }) => ({ uprn, status })));

    for (const today of [TODAY, '2026-10-25', '2027-01-01', '2027-05-31', '2028-02-29', '2031-06-15']) {
      const seed = today === TODAY ? waste : generateWasteSeed(addresses, { today });
      const year = Number(today.slice(0, 4));
      // Slip weeks from the year before today to two years after: every bank holiday there has its change.
      expect(seed.changes[0]?.was.startsWith(`${year - 1}-01-`), today).toBe(true);
      expect(seed.changes.at(-1)!.was.startsWith(`${year + 2}-12-`), today).toBe(true);
      for (let y = year - 1; y <= year + 2; y++) {
        for (const holiday of bankHolidays(y)) if (weekdayOf(holiday) >= 1 && weekdayOf(holiday) <= 5) expect(seed.changes.some((c) => c.was === holiday), holiday).toBe(true);
      }
      // Active subscriptions last beyond a year from today (the calendar download's reach), to a 31 March;
      // expired ones ended on the last 31 March before today.
      const ends = (status: string) => new Set(seed.subscriptions.filter((s) => s.status === status).map((s) => s.expires_on));
      const [active] = [...ends('active')] as [string];
      const [expired] = [...ends('expired')] as [string];
      expect([ends('active').size, ends('expired').size], today).toEqual([1, 1]);
      expect(active.endsWith('-03-31') && active > addDays(today, 365) && active <= addDays(today, 731), `${today}: ${active}`).toBe(true);
      expect(expired.endsWith('-03-31') && expired < today && expired >= addDays(today, -366), `${today}: ${expired}`).toBe(true);
    }
  });

  it('always has collections that can be reported missed: on every day, two to four weekdays’ food rounds', () => {
    // Rounds run Monday to Friday, a collection is reportable until the end of the second working
    // day after it, and a bank holiday moves the rest of its week a day later: so whatever day the
    // tests run on, some collections can be reported and some cannot (waste-support.ts relies on it).
    const food = generateRounds().filter((r) => r.service_id === 'food');
    const changesByYear = new Map<number, { was: string; now: string; reason: string }[]>();
    const counts = new Set<number>();
    for (let today = '2025-01-01'; today <= '2031-12-31'; today = addDays(today, 1)) {
      const year = Number(today.slice(0, 4));
      if (!changesByYear.has(year)) {
        const { holidaysFrom, holidaysTo } = wasteSeedDates(today);
        changesByYear.set(year, bankHolidayChanges(holidaysFrom, holidaysTo).map((c) => ({ was: c.was, now: c.now, reason: c.reason_en })));
      }
      const open = food.filter((round) => {
        const last = roundDates({ everyWeeks: round.every_weeks, anchor: round.anchor }, addDays(today, -21), addDays(today, -1), changesByYear.get(year)).dates.at(-1);
        return last !== undefined && reportWindowEnd(last) >= today;
      });
      expect(open.length, today).toBeGreaterThanOrEqual(2);
      expect(open.length, today).toBeLessThanOrEqual(4);
      counts.add(open.length);
    }
    expect([...counts].sort()).toEqual([2, 3, 4]);
  });

  it('gives every AN1 1AA address all four services, at least 10 with an active garden subscription', () => {
    const an11aa = addresses.filter((a) => a.postcode === 'AN1 1AA');
    expect(an11aa.length).toBeGreaterThanOrEqual(10);
    for (const address of an11aa) expect(servicesOf(address.uprn).sort()).toEqual(['food', 'garden', 'recycling', 'refuse']);
    const active = an11aa.filter((a) => waste.subscriptions.some((s) => s.uprn === a.uprn && s.status === 'active'));
    expect(active.length).toBeGreaterThanOrEqual(10);
    expect(an11aa.some((a) => a.block_id !== null)).toBe(true); // Mill Court's flats included
  });

  it('gives houses the household services, flats in blocks and businesses none (outside AN1 1AA)', () => {
    const elsewhere = addresses.filter((a) => a.postcode !== 'AN1 1AA');
    for (const address of elsewhere) {
      const services = servicesOf(address.uprn).sort();
      if (address.block_id !== null || address.property_type === 'business') expect(services, address.uprn).toEqual([]);
      else if (address.property_type === 'flat') expect(services, address.uprn).toEqual(['food', 'recycling', 'refuse']);
      else expect(services, address.uprn).toEqual(['food', 'garden', 'recycling', 'refuse']);
    }
  });

  it('subscribes about 40% of houses to garden waste, some active and some expired', () => {
    const houses = addresses.filter((a) => a.postcode !== 'AN1 1AA' && (a.property_type === 'house' || a.property_type === 'bungalow'));
    const subscribed = waste.subscriptions.filter((s) => houses.some((h) => h.uprn === s.uprn));
    expect(subscribed.length / houses.length).toBeGreaterThan(0.33);
    expect(subscribed.length / houses.length).toBeLessThan(0.47);
    const active = subscribed.filter((s) => s.status === 'active').length;
    expect(active).toBeGreaterThan(subscribed.length / 2);
    expect(active).toBeLessThan(subscribed.length);
  });

  it('collects rubbish and recycling on alternate weeks of the same weekday as food', () => {
    const rounds = new Map(waste.rounds.map((r) => [r.id, r]));
    const byUprn = new Map<string, Record<string, string>>();
    for (const row of waste.propertyRounds) byUprn.set(row.uprn, { ...byUprn.get(row.uprn), [row.service_id]: row.round_id });
    for (const [uprn, roundIds] of byUprn) {
      const refuse = rounds.get(roundIds.refuse!)!;
      const recycling = rounds.get(roundIds.recycling!)!;
      const food = rounds.get(roundIds.food!)!;
      expect(refuse.every_weeks, uprn).toBe(2);
      expect(recycling.every_weeks, uprn).toBe(2);
      expect(food.every_weeks, uprn).toBe(1);
      expect(weekdayOf(refuse.anchor)).toBe(weekdayOf(food.anchor));
      expect(weekdayOf(recycling.anchor)).toBe(weekdayOf(food.anchor));
      expect(Math.abs(Date.parse(refuse.anchor) - Date.parse(recycling.anchor)) % (14 * 86_400_000)).toBe(7 * 86_400_000);
      if (roundIds.garden) expect(roundIds.garden.replace('garden', 'recycling')).toBe(roundIds.recycling);
    }
    // A handful of properties show crew states on their collection days.
    const demo = waste.propertyRounds.filter((r) => r.demo_today_state !== null);
    expect(demo.length).toBeGreaterThan(50);
    expect(demo.length).toBeLessThan(waste.propertyRounds.length / 20);
    expect(new Set(demo.map((r) => r.demo_today_state))).toEqual(new Set(['scheduled', 'in_progress', 'collected', 'not_collected']));
  });

  it('moves every collection from a bank holiday to the end of its week one day later', () => {
    const changes = bankHolidayChanges(2025, 2028);
    expect(new Set(changes.map((c) => c.was)).size).toBe(changes.length);
    for (const change of changes) {
      expect(change.now).toBe(addDays(change.was, 1));
      expect(weekdayOf(change.was)).toBeGreaterThanOrEqual(1);
      expect(weekdayOf(change.was)).toBeLessThanOrEqual(5);
      expect(change.round_id).toBeNull();
    }
    const in2026 = changes.filter((c) => c.was.startsWith('2026-'));
    expect(in2026.map((c) => `${c.was} ${c.reason_en}`)).toEqual([
      '2026-01-01 New Year’s Day',
      '2026-01-02 New Year’s Day',
      '2026-04-03 Bank holiday',
      '2026-04-06 Bank holiday',
      '2026-04-07 Bank holiday',
      '2026-04-08 Bank holiday',
      '2026-04-09 Bank holiday',
      '2026-04-10 Bank holiday',
      '2026-05-04 Bank holiday',
      '2026-05-05 Bank holiday',
      '2026-05-06 Bank holiday',
      '2026-05-07 Bank holiday',
      '2026-05-08 Bank holiday',
      '2026-05-25 Bank holiday',
      '2026-05-26 Bank holiday',
      '2026-05-27 Bank holiday',
      '2026-05-28 Bank holiday',
      '2026-05-29 Bank holiday',
      '2026-08-31 Bank holiday',
      '2026-09-01 Bank holiday',
      '2026-09-02 Bank holiday',
      '2026-09-03 Bank holiday',
      '2026-09-04 Bank holiday',
      '2026-12-25 Christmas Day',
      '2026-12-28 Boxing Day',
      '2026-12-29 Boxing Day',
      '2026-12-30 Boxing Day',
      '2026-12-31 Boxing Day',
    ]);
    expect(changes.find((c) => c.was === '2027-01-01')).toMatchObject({ reason_en: 'New Year’s Day', reason_cy: 'Dydd Calan' });
    expect(changes.find((c) => c.was === '2025-12-26')).toMatchObject({ reason_en: 'Boxing Day', reason_cy: 'Gŵyl San Steffan' });
    expect(changes.find((c) => c.was === '2025-12-25')).toMatchObject({ reason_en: 'Christmas Day', reason_cy: 'Dydd Nadolig' });
    expect(changes.find((c) => c.was === '2026-04-06')?.reason_cy).toBe('Gŵyl y banc');
    expect(changes[0]?.was).toBe('2025-01-01');
    expect(changes.at(-1)?.was).toBe('2028-12-29');
  });

  // Seeding happens at start-up on a fresh database. How long it takes is the machine's business,
  // not a test's (a timed assertion failed at 2.6 s on a loaded two-core machine): the whole seed
  // arrives, and in one call.
  it('seeds a fresh database with every property round in one call', async () => {
    const db = connect(await scratch({ fromTemplate: false }));
    await migrateToLatest(db);
    await seedIfEmpty(db, { today: TODAY });
    expect(Number((await db.selectFrom('waste_property_rounds').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(
      waste.propertyRounds.length,
    );
  });

  it('adds the waste seed to a database seeded before waste existed, without touching its addresses', async () => {
    const url = await scratch();
    const first = await startServer(testOptions(url));
    await first.close();
    const db = connect(url);
    for (const table of ['waste_date_changes', 'waste_collection_states', 'waste_garden_subscriptions', 'waste_property_rounds', 'waste_rounds', 'waste_services']) {
      await sql`delete from ${sql.table(table)}`.execute(db);
    }
    await sql`delete from addresses where postcode <> 'AN1 1AA'`.execute(db);

    const second = await startServer(testOptions(url));
    cleanups.push(() => second.close());
    const counted = async (table: string) => rows({ db }, sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`);
    expect(await counted('addresses')).toEqual([{ n: 14 }]);
    expect(await counted('waste_property_rounds')).toEqual([{ n: 14 * 4 }]);
    expect(await counted('waste_services')).toEqual([{ n: 4 }]);
  });
});

describe('UPRNs worth trying', () => {
  // The README's descriptions hold on any rubbish day at AN1 1AA: the first from the suite's day
  // (Tuesdays, rubbish on week A: refuse-tue-a), moved a day in a bank holiday's week.
  const round = waste.rounds.find((r) => r.id === 'refuse-tue-a')!;
  const changes = waste.changes.map((c) => ({ was: c.was, now: c.now, reason: c.reason_en }));
  const rubbishDay = roundDates({ everyWeeks: round.every_weeks, anchor: round.anchor }, TODAY, addDays(TODAY, 21), changes).dates[0]!;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(rubbishDay), rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const get = async (uprn: string) =>
    readCollectionsResult(await (await server.get(`/api/v1/waste/properties/${uprn}/collections`)).json(), '');

  it.each(seedUprns.map((entry) => [entry.uprn, entry]))('%s is the address the README says', async (_uprn, entry) => {
    expect((await get(entry.uprn)).address).toBe(entry.address);
  });

  it('match their descriptions', async () => {
    const ids = async (uprn: string) => (await get(uprn)).services.map((s) => s.id);
    const service = async (uprn: string, id: string) => (await get(uprn)).services.find((s) => s.id === id)!;
    // A rubbish day at AN1 1AA.
    expect((await service('100070000112', 'refuse')).nextCollection).toBe(rubbishDay);
    expect((await get('100070000112')).services.every((s) => s.todayState === undefined)).toBe(true);
    expect((await get('100070000028')).services.filter((s) => s.todayState).map((s) => s.todayState)).toEqual(['collected', 'collected']);
    expect((await service('100070000057', 'refuse')).todayState).toBe('not_collected');
    expect((await service('100070000057', 'refuse')).reportMissed.open).toBe(true);
    expect((await service('100070000084', 'refuse')).todayState).toBe('in_progress');
    expect((await service('100070000103', 'food')).todayState).toBe('scheduled');
    expect((await service('100070000179', 'garden')).subscription?.status).toBe('expired');
    expect((await service('100070000245', 'garden')).subscription?.status).toBe('none');
    expect(await ids('100070000274')).toEqual(['refuse', 'recycling', 'food', 'garden']);
    expect(await ids('100070007641')).toEqual([]);
    expect(await ids('100070060605')).toEqual([]);
    expect(await ids('100070000345')).toEqual(['refuse', 'recycling', 'food']);
    expect((await service('100070000345', 'food')).frequency?.day).toBe('friday');
    expect((await service('100070002211', 'food')).frequency?.day).toBe('friday');
    expect((await service('100070003288', 'food')).frequency?.day).toBe('thursday');
    expect((await service('100070058110', 'food')).frequency?.day).toBe('monday');
    expect((await service('100070058110', 'garden')).subscription?.status).toBe('expired');
  });

  it('are all in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const { uprn } of seedUprns) expect(readme).toContain(`\`${uprn}\``);
  });
});
