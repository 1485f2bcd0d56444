import { addDays, todayInLondon } from '@council-kit/contracts';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { atLondonTimeOfDay, fixedClock, systemClock } from '../src/clock.js';
import { purgeIdempotencyKeys } from '../src/http/idempotency.js';
import { TODAY } from './dates.js';
import { movableClock, postJson, rows, startTestServer, type TestServer } from './helpers.js';
import { bearer, homes, jpeg, postRepair, sendJson, tapReport, uploadPhoto } from './repairs-helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Pretends the real time is `iso` (only `Date` is faked: nothing waits). */
const realTimeIs = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};

describe('the clocks', () => {
  it('systemClock: the real date in London, and the real time', () => {
    realTimeIs('2026-06-30T23:30:00Z'); // half past midnight on 1 July in London (BST)
    expect(systemClock.today()).toBe('2026-07-01');
    expect(systemClock.now().toISOString()).toBe('2026-06-30T23:30:00.000Z');
  });

  it.each([
    // [fixed day, real time, what now() gives]
    ['2026-12-02', '2026-06-30T23:30:00.250Z', '2026-12-02T00:30:00.250Z'], // 00:30 BST in July: 00:30 GMT in December
    ['2027-05-31', '2026-12-02T15:04:05.678Z', '2027-05-31T14:04:05.678Z'], // 15:04 GMT in December: 15:04 BST in May
    ['2028-02-29', '2026-07-01T22:59:59.999Z', '2028-02-29T23:59:59.999Z'], // a minute before midnight, on 29 February
    // 25 October 2026, the clocks go back at 02:00 BST: 01:30 happens twice; the first (BST) is taken.
    ['2026-10-25', '2026-06-01T00:30:00Z', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '2026-06-01T12:00:00Z', '2026-10-25T13:00:00.000Z'], // 13:00 BST in June: 13:00 GMT after the change
    // 28 March 2027, the clocks go forward at 01:00 GMT: 01:30 never happens; it is read as GMT (02:30 BST).
    ['2027-03-28', '2026-06-01T00:30:00Z', '2027-03-28T01:30:00.000Z'],
  ])('fixedClock(%s) at the real time %s: now() is %s, on its own day in London', (day, real, expected) => {
    realTimeIs(real);
    const clock = fixedClock(day);
    expect(clock.today()).toBe(day);
    expect(clock.now().toISOString()).toBe(expected);
    expect(todayInLondon(clock.now())).toBe(day);
    expect(atLondonTimeOfDay(day, new Date(real)).toISOString()).toBe(expected);
  });

  it('fixedClock: now() advances with the real time, and holds still past midnight rather than going back a day', () => {
    const clock = fixedClock('2027-05-31');
    realTimeIs('2026-12-02T23:59:58Z');
    const before = clock.now();
    vi.setSystemTime(new Date('2026-12-02T23:59:59.500Z'));
    const later = clock.now();
    expect(later.getTime() - before.getTime()).toBe(1_500);
    vi.setSystemTime(new Date('2026-12-03T00:00:01Z')); // the real day has turned; the fixed one has not
    expect(clock.now()).toEqual(later);
    vi.setSystemTime(new Date('2026-12-03T09:00:00Z'));
    expect(clock.now()).toEqual(later);
    expect(todayInLondon(clock.now())).toBe('2027-05-31');
  });

  it('the tests’ movable clock: now() is on whatever day it was moved to, at the real time of day', () => {
    realTimeIs('2026-12-02T10:00:00Z');
    const clock = movableClock('2028-02-29');
    expect(clock.now().toISOString()).toBe('2028-02-29T10:00:00.000Z');
    clock.set('2026-10-25');
    expect(clock.now().toISOString()).toBe('2026-10-25T10:00:00.000Z'); // GMT again after 02:00 BST that day
  });
});

describe('the app’s clock is the only clock', () => {
  // A day far from the real one, so a timestamp taken from the machine's clock shows.
  const FAR = '2030-06-12';
  const clock = movableClock(TODAY);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clock, rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(() => clock.set(TODAY));

  const londonDays = async (query: RawBuilder<{ at: string }>) => new Set((await rows(server, query)).map((r) => todayInLondon(new Date(r.at))));

  it('stamps what it stores at start (the catalogue) with the clock’s day', async () => {
    expect(await londonDays(sql<{ at: string }>`select loaded_at as at from repair_catalogues`)).toEqual(new Set([TODAY]));
  });

  it('stamps submissions, their references, idempotency keys, messages and repairs with the clock’s day', async () => {
    clock.set(FAR);
    const container = await postJson(server, '/api/v1/waste/container-requests', { uprn: '100070000112', containerId: 'food', reason: 'lost', contact: { email: 'far@example.com' } }, { 'Idempotency-Key': 'far-container' });
    expect(container.status).toBe(201);
    const { reference } = (await container.json()) as { reference: string };
    const { flat1 } = await homes(server);
    const repair = await postRepair(server, tapReport(flat1, { contact: { preference: 'email', email: 'far@example.com' } }), 'far-repair');
    expect(repair.status).toBe(201);
    const reported = (await repair.json()) as { reference: string; reportedOn: string; manageToken: string };
    expect(reported.reportedOn).toBe(FAR);
    clock.set(addDays(FAR, 1));
    expect((await sendJson(server, 'DELETE', `/api/v1/repairs/${reported.reference}`, { reason: 'fixed' }, bearer(reported.manageToken))).status).toBe(200);

    expect(await londonDays(sql<{ at: string }>`select created_at as at from container_requests where reference = ${reference}`)).toEqual(new Set([FAR]));
    expect(await londonDays(sql<{ at: string }>`select created_at as at from submission_references where reference in (${reference}, ${reported.reference})`)).toEqual(new Set([FAR]));
    expect(await londonDays(sql<{ at: string }>`select created_at as at from idempotency_keys where key in ('far-container', 'far-repair')`)).toEqual(new Set([FAR]));
    expect(await londonDays(sql<{ at: string }>`select created_at as at from notify_outbox where reference in (${reference}, ${reported.reference}) and template_id <> 'repair-cancelled-email'`)).toEqual(new Set([FAR]));
    expect(await londonDays(sql<{ at: string }>`select created_at as at from notify_outbox where reference = ${reported.reference} and template_id = 'repair-cancelled-email'`)).toEqual(new Set([addDays(FAR, 1)]));
    expect(await londonDays(sql<{ at: string }>`select created_at as at from repairs where reference = ${reported.reference}`)).toEqual(new Set([FAR]));
    expect(await londonDays(sql<{ at: string }>`select updated_at as at from repairs where reference = ${reported.reference}`)).toEqual(new Set([addDays(FAR, 1)]));
  });

  it('purges unclaimed photos a day old by the clock, not by the machine', async () => {
    clock.set(FAR);
    const upload = async () => ((await (await uploadPhoto(server, jpeg())).json()) as { photoId: string }).photoId;
    const kept = async (id: string) => (await rows(server, sql<{ id: string }>`select id from repair_photos where id = ${id}`)).length === 1;
    const first = await upload();
    expect(await londonDays(sql<{ at: string }>`select created_at as at from repair_photos where id = ${first}`)).toEqual(new Set([FAR]));
    const second = await upload(); // the same day: nothing is stale
    expect([await kept(first), await kept(second)]).toEqual([true, true]);
    clock.set(addDays(FAR, 2)); // two days on by the clock (a moment later by the machine's)
    await upload();
    expect([await kept(first), await kept(second)]).toEqual([false, false]);
  });

  it('purges idempotency keys two days old by the clock it is given', async () => {
    clock.set(FAR);
    expect((await postJson(server, '/api/v1/waste/container-requests', { uprn: '100070000112', containerId: 'refuse', reason: 'stolen' }, { 'Idempotency-Key': 'purge-me' })).status).toBe(201);
    const stored = async () => (await rows(server, sql<{ key: string }>`select key from idempotency_keys where key = 'purge-me'`)).length;
    await purgeIdempotencyKeys(server.db, clock.now());
    expect(await stored()).toBe(1);
    clock.set(addDays(FAR, 3)); // past 48 hours by the clock
    await purgeIdempotencyKeys(server.db, clock.now());
    expect(await stored()).toBe(0);
  });
});
