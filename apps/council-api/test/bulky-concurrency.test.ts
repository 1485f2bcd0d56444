import { bulkyProblemTypes, readBulkyBookingReceipt, validate, type BulkyBookingReceipt } from '@council-kit/contracts';
import type { Hono } from 'hono';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type CouncilDb } from '../src/db/database.js';
import { book, booking, bulkyApp, bulkyDatabase, manageBooking, settableClock, TUESDAYS } from './bulky-support.js';
import { onPostgres, type TestDatabase } from './test-database.js';

/**
 * The last slots of a bulky round-day under concurrency, across two API instances. On
 * PostgreSQL each instance has its own connection pool, as two processes behind a load
 * balancer would; on SQLite (one instance by design) both share the one connection. Every query
 * waits for the event loop, so concurrent requests really interleave and only the transaction
 * and the conditional UPDATE keep bookings apart.
 */
const yieldingPlugin: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => args.node,
  transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return args.result;
  },
};

let base: CouncilDb;
let second: CouncilDb | undefined;
let database: TestDatabase;
let instances: [Hono, Hono];
let tuesdayHomes: string[];
const clock = settableClock();

beforeAll(async () => {
  let url: string;
  ({ db: base, database, url } = await bulkyDatabase());
  const one = base.withPlugin(yieldingPlugin);
  second = onPostgres ? createDatabase(url) : undefined;
  const two = (second ?? base).withPlugin(yieldingPlugin);
  instances = [bulkyApp(one, clock), bulkyApp(two, clock)];
  tuesdayHomes = (await base.selectFrom('waste_property_rounds').select('uprn').where('round_id', 'like', 'refuse-tue-%').orderBy('uprn').limit(50).execute()).map((row) => row.uprn);
});

afterAll(async () => {
  await second?.destroy();
  await base?.destroy();
  await database?.cleanup();
});

const chair = (uprn: string, date: string) => booking(date, { uprn, items: [{ id: 'chair', quantity: 1 }] });
const booked = async (date: string) => (await base.selectFrom('bulky_capacity').select(['capacity', 'booked']).where('round_id', '=', 'bulky-tue').where('date', '=', date).executeTakeFirstOrThrow());
const bookingsOn = async (date: string) => Number((await base.selectFrom('bulky_bookings').select((eb) => eb.fn.countAll().as('n')).where('collection_date', '=', date).where('status', '=', 'booked').executeTakeFirstOrThrow()).n);
const answer = async (response: Promise<Response>) => {
  const r = await response;
  return { status: r.status, body: (await r.json()) as BulkyBookingReceipt & { type?: string; detail?: string } };
};

describe('the last slot of a collection day', () => {
  it('50 residents at once, across two instances, for the last slot: exactly one booked, 49 told the date just filled', async () => {
    const date = TUESDAYS[1]!;
    await base.insertInto('bulky_capacity').values({ round_id: 'bulky-tue', date, capacity: 20, booked: 19 }).execute();
    expect(tuesdayHomes.length).toBeGreaterThanOrEqual(10);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => answer(book(instances[i % 2]!, chair(tuesdayHomes[i % tuesdayHomes.length]!, date), `last-slot-${i}`))));
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    validate(readBulkyBookingReceipt, created[0]!.body);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(49);
    expect(refused.every((a) => a.body.type === bulkyProblemTypes.dateFull && /choose another date/i.test(a.body.detail ?? ''))).toBe(true);
    expect(await booked(date)).toEqual({ capacity: 20, booked: 20 });
    expect(await bookingsOn(date)).toBe(1);
  });

  it('20 bookings moved at once, across two instances, into the last slot: one moves, 19 keep their dates and slots', async () => {
    const [from, target] = [TUESDAYS[2]!, TUESDAYS[3]!];
    const receipts: BulkyBookingReceipt[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await answer(book(instances[0], chair(tuesdayHomes[i % tuesdayHomes.length]!, from)));
      expect(created.status).toBe(201);
      receipts.push(created.body);
    }
    await base.insertInto('bulky_capacity').values({ round_id: 'bulky-tue', date: target, capacity: 20, booked: 19 }).execute();
    const answers = await Promise.all(receipts.map((r, i) => answer(manageBooking(instances[i % 2]!, 'PATCH', r.reference, r.manageToken, { collectionDate: target }))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.body.type === bulkyProblemTypes.dateFull)).toHaveLength(19);
    expect(await booked(target)).toEqual({ capacity: 20, booked: 20 });
    expect((await booked(from)).booked).toBe(19);
    expect(await bookingsOn(from)).toBe(19);
  });

  it('one booking cancelled 10 times at once gives its slots back once', async () => {
    const date = TUESDAYS[0]!;
    const created = await answer(book(instances[0], booking(date)));
    expect(created.status).toBe(201);
    const before = (await booked(date)).booked;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => answer(manageBooking(instances[i % 2]!, 'DELETE', created.body.reference, created.body.manageToken))));
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 200 || a.status === 403)).toBe(true);
    expect((await booked(date)).booked).toBe(before - 3);
  });
});
