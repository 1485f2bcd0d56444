import type { AddressInfo } from 'node:net';
import { problemTypes, readRepair, validate, type ReportedRepair } from '@council-kit/contracts';
import { serve, type ServerType } from '@hono/node-server';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { fixedClock } from '../src/clock.js';
import { defaultConfig } from '../src/config.js';
import { createDatabase, type CouncilDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { prepareRepairs } from '../src/repairs/seed.js';
import { seedIfEmpty } from '../src/seed.js';
import { testDatabase, type TestDatabase } from './test-database.js';
import { nextWorkingDays, slotId, TODAY } from './dates.js';
import { manage, postRepair, tapReport } from './repairs-helpers.js';

/**
 * Every query waits for the event loop, as on a networked database, so concurrent requests
 * really interleave and only the transaction and the conditional UPDATE keep bookings apart.
 */
const yieldingPlugin: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => args.node,
  transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return args.result;
  },
};

let db: CouncilDb;
let http: ServerType;
let url: string;
let database: TestDatabase;
let flats: string[];
const clock = fixedClock(TODAY);
/** The working days with plumbing slots, from the next one on: `day[1]` is the first. */
const day = ['', ...nextWorkingDays(TODAY, 20)];
const plumbing = (n: number, period: 'am' | 'pm') => slotId('plumber', day[n]!, period);

beforeAll(async () => {
  database = await testDatabase();
  const base = createDatabase(database.url);
  await migrateToLatest(base);
  await seedIfEmpty(base, { today: TODAY });
  await prepareRepairs(base, { clock, demoBookings: false });
  db = base.withPlugin(yieldingPlugin);
  const app = createApp({ db, config: { ...defaultConfig, logLevel: 'silent', rateLimitPerMinute: 100_000 }, clock });
  http = await new Promise<ServerType>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  flats = (await base.selectFrom('addresses').select('uprn').where('council_owned', '=', 1).where('block_id', 'is not', null).orderBy('uprn').limit(50).execute()).map((r) => r.uprn);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  await db?.destroy();
  await database?.cleanup();
});

const server = { get url() { return url; } };
const slot = (id: string) => db.selectFrom('repair_slots').select(['capacity', 'booked']).where('id', '=', id).executeTakeFirstOrThrow();
const holders = async (id: string) => Number((await db.selectFrom('repairs').select((eb) => eb.fn.countAll().as('n')).where('slot_id', '=', id).executeTakeFirstOrThrow()).n);
/** Leaves exactly one free place in a slot. */
const lastPlace = (id: string) => db.updateTable('repair_slots').set((eb) => ({ booked: eb('capacity', '-', 1) })).where('id', '=', id).execute();
const answer = async (response: Promise<Response>) => {
  const r = await response;
  return { status: r.status, body: (await r.json()) as ReportedRepair & { type?: string } };
};

describe('booking the last free place under concurrency', () => {
  it('50 reports for the last place, each with its own key: exactly one booked (201), 49 slot-taken (409)', async () => {
    const id = plumbing(1, 'am');
    await lastPlace(id);
    const holdersBefore = await holders(id); // the seeded demo repair may hold a place here
    const answers = await Promise.all(flats.slice(0, 50).map((uprn, i) => answer(postRepair(server, tapReport(uprn, { slotId: id, description: `Tap ${i}` }), `race-${i}`))));
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    expect(validate(readRepair, created[0]!.body)).toMatchObject({ status: 'booked', appointment: { date: day[1], period: 'am' } });
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(49);
    expect(refused.every((a) => a.body.type === problemTypes.slotTaken)).toBe(true);
    const after = await slot(id);
    expect(after.booked).toBe(after.capacity);
    expect(await holders(id)).toBe(holdersBefore + 1);
  });

  it('the same report sent 20 times at once with one key: one repair, one message, the same reference for all', async () => {
    const id = plumbing(1, 'pm');
    await lastPlace(id);
    const holdersBefore = await holders(id);
    const body = tapReport(flats[0]!, { slotId: id, contact: { preference: 'email', email: 'same@example.com' } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => answer(postRepair(server, body, 'one-key'))));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(1);
    const reference = answers[0]!.body.reference;
    expect(Number((await db.selectFrom('repairs').select((eb) => eb.fn.countAll().as('n')).where('reference', '=', reference).executeTakeFirstOrThrow()).n)).toBe(1);
    expect(Number((await db.selectFrom('notify_outbox').select((eb) => eb.fn.countAll().as('n')).where('reference', '=', reference).executeTakeFirstOrThrow()).n)).toBe(1);
    expect(await holders(id)).toBe(holdersBefore + 1);
    expect((await slot(id)).booked).toBe((await slot(id)).capacity);
  });
});

describe('moving appointments under concurrency', () => {
  it('20 repairs moved at once into the last place: one moves (200), 19 get 409 and keep their slots', async () => {
    // Each repair first books its own place on another day.
    const days = [2, 3, 4, 5, 6];
    const repairs: ReportedRepair[] = [];
    for (let i = 0; i < 20; i++) {
      const from = plumbing(days[i % days.length]!, i % 2 ? 'pm' : 'am');
      await db.updateTable('repair_slots').set({ capacity: 10 }).where('id', '=', from).execute();
      const created = await answer(postRepair(server, tapReport(flats[i]!, { slotId: from, description: `Move ${i}` })));
      expect(created.status).toBe(201);
      repairs.push(created.body);
    }
    const target = plumbing(7, 'am');
    await lastPlace(target);
    const totalBefore = await totalBooked();
    const answers = await Promise.all(repairs.map((r) => answer(manage(server, 'PATCH', r.reference, r.manageToken, { slotId: target }))));
    const moved = answers.filter((a) => a.status === 200);
    expect(moved).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.body.type === problemTypes.slotTaken)).toHaveLength(19);
    expect(await holders(target)).toBe(1);
    expect((await slot(target)).booked).toBe((await slot(target)).capacity);
    expect(await totalBooked()).toBe(totalBefore); // one place taken, one released
  });

  it('one repair moved to 10 different slots at once ends in exactly one of them, every other place given back', async () => {
    const created = await answer(postRepair(server, tapReport(flats[30]!, { slotId: plumbing(8, 'am') })));
    expect(created.status).toBe(201);
    const before = await totalBooked();
    const targets = [9, 10, 11, 12, 13].flatMap((n) => [plumbing(n, 'am'), plumbing(n, 'pm')]);
    const answers = await Promise.all(targets.map((id) => answer(manage(server, 'PATCH', created.body.reference, created.body.manageToken, { slotId: id }))));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const row = await db.selectFrom('repairs').select(['slot_id', 'appointment_date']).where('reference', '=', created.body.reference).executeTakeFirstOrThrow();
    expect(targets).toContain(row.slot_id);
    expect(await totalBooked()).toBe(before);
    for (const id of targets) expect((await slot(id)).booked, id).toBe(id === row.slot_id ? 1 : 0);
  });

  it('one repair cancelled 10 times at once gives its place back once (once it is cancelled, its token has expired)', async () => {
    const id = plumbing(14, 'am');
    await db.updateTable('repair_slots').set({ capacity: 10, booked: 5 }).where('id', '=', id).execute();
    const created = await answer(postRepair(server, tapReport(flats[31]!, { slotId: id })));
    expect(created.status).toBe(201);
    expect((await slot(id)).booked).toBe(6);
    const answers = await Promise.all(Array.from({ length: 10 }, () => answer(manage(server, 'DELETE', created.body.reference, created.body.manageToken, { reason: 'fixed' }))));
    // Each either cancelled it (or found it cancelled by a twin still in flight), or came after and found the token expired.
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => (a.status === 200 && a.body.status === 'cancelled') || (a.status === 403 && a.body.type === problemTypes.manageLinkExpired))).toBe(true);
    expect((await slot(id)).booked).toBe(5);
  });

  it('two repairs swapping appointments at once both move', async () => {
    const pairs = [[15, 16], [17, 18], [19, 20]] as const;
    for (const [k, [dayA, dayB]] of pairs.entries()) {
      const [a, b] = [plumbing(dayA, 'pm'), plumbing(dayB, 'pm')];
      await db.updateTable('repair_slots').set({ capacity: 2, booked: 0 }).where('id', 'in', [a, b]).execute();
      const [first, second] = [flats[32 + 2 * k]!, flats[33 + 2 * k]!];
      const one = await answer(postRepair(server, tapReport(first, { slotId: a })));
      const two = await answer(postRepair(server, tapReport(second, { slotId: b })));
      const answers = await Promise.all([answer(manage(server, 'PATCH', one.body.reference, one.body.manageToken, { slotId: b })), answer(manage(server, 'PATCH', two.body.reference, two.body.manageToken, { slotId: a }))]);
      expect(answers.map((x) => x.status)).toEqual([200, 200]);
      expect([(await slot(a)).booked, (await slot(b)).booked]).toEqual([1, 1]);
    }
  });
});

async function totalBooked(): Promise<number> {
  return Number((await db.selectFrom('repair_slots').select((eb) => eb.fn.sum<number>('booked').as('n')).executeTakeFirstOrThrow()).n);
}
