import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, problemTypes } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { createDatabase, type CouncilDb } from '../src/db/database.js';
import { deliverOnce } from '../src/handoff/deliver.js';
import { createLogger } from '../src/logger.js';
import { drainOutbox } from '../src/outbox/drain.js';
import { createNotifyClient } from '../src/outbox/notify-client.js';
import { templateNames } from '../src/outbox/templates-file.js';
import { startReceiver } from './handoff-receiver.js';
import { postJson } from './helpers.js';
import { startNotifyStub } from './notify-stub.js';
import { slotId, TODAY, workingDaysAfter } from './dates.js';
import { postRepair, tapReport } from './repairs-helpers.js';
import { onPostgres, testDatabase, type TestDatabase } from './test-database.js';
import { reportableToday, type LastCollection } from './waste-support.js';

/**
 * Two council API processes (the built server, as deployed) on one PostgreSQL, as behind a load
 * balancer: nothing they share lives in either process's memory. PostgreSQL only: SQLite is the
 * one-instance default (two processes writing one file meet SQLITE_BUSY; see the README).
 */

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Instance {
  url: string;
  process: ChildProcess;
}

/** Starts `node dist/main.js` on a free loopback port and resolves once it is listening. */
function startInstance(databaseUrl: string): Promise<Instance> {
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      COUNCIL_TODAY: TODAY,
      COUNCIL_DEMO: 'anytown',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The API did not start in time:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, process: child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited (${code}) before listening:\n${output}`));
    });
  });
}

/** SIGTERM, as an orchestrator stops an instance; resolves with the exit code. */
function stopInstance(instance: Instance | undefined): Promise<number | null> {
  if (!instance || instance.process.exitCode !== null) return Promise.resolve(instance?.process.exitCode ?? null);
  return new Promise((resolve) => {
    instance.process.once('exit', (code) => resolve(code));
    instance.process.kill('SIGTERM');
  });
}

let database: TestDatabase;
let db: CouncilDb;
let a: Instance;
let b: Instance;
let flats: string[];

beforeAll(async () => {
  if (!onPostgres) return;
  if (!existsSync(main)) throw new Error('dist/main.js is missing: build the council API first (npx turbo run build).');
  database = await testDatabase();
  // One after the other, as a rolling deployment does: the first migrates and seeds.
  a = await startInstance(database.url);
  b = await startInstance(database.url);
  db = createDatabase(database.url, { poolSize: 2 });
  flats = (await db.selectFrom('addresses').select('uprn').where('council_owned', '=', 1).where('block_id', 'is not', null).orderBy('uprn').limit(50).execute()).map((r) => r.uprn);
}, 90_000);

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await db?.destroy();
  await database?.cleanup();
});

const count = async (table: 'repairs' | 'missed_collection_reports' | 'notify_outbox', column: 'reference' | 'slot_id' | 'status', value: string) =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where(column, '=', value).executeTakeFirstOrThrow()).n);

const answer = async (response: Promise<Response>) => {
  const r = await response;
  return { status: r.status, body: (await r.json()) as { reference?: string; type?: string; duplicate?: boolean } };
};

describe.skipIf(!onPostgres)('two API processes on one PostgreSQL database', () => {
  it('books the last place once from 50 concurrent reports split across both: one 201, 49 "slot taken"', async () => {
    const id = slotId('plumber', workingDaysAfter(TODAY, 1), 'am');
    await db.updateTable('repair_slots').set((eb) => ({ booked: eb('capacity', '-', 1) })).where('id', '=', id).execute();
    const before = await count('repairs', 'slot_id', id);

    const answers = await Promise.all(
      flats.map((uprn, i) => answer(postRepair(i % 2 ? b : a, tapReport(uprn, { slotId: id, description: `Dripping tap ${i}` }), `instances-race-${i}`))),
    );

    expect(answers.filter((x) => x.status === 201)).toHaveLength(1);
    const refused = answers.filter((x) => x.status === 409);
    expect(refused).toHaveLength(49);
    expect(refused.every((x) => x.body.type === problemTypes.slotTaken)).toBe(true);
    const slot = await db.selectFrom('repair_slots').select(['booked', 'capacity']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(slot.booked).toBe(slot.capacity);
    expect(await count('repairs', 'slot_id', id)).toBe(before + 1);
  });

  it('a repair report sent to both at once with one Idempotency-Key: one record, the same reference from both', async () => {
    // A plumbing slot with room (some start full, as in a lived-in calendar), after the one the race filled.
    const free = await db
      .selectFrom('repair_slots')
      .select('id')
      .where('trade_id', '=', 'plumber')
      .where('date', '>=', workingDaysAfter(TODAY, 2))
      .whereRef('booked', '<', 'capacity')
      .orderBy('date')
      .orderBy('period')
      .executeTakeFirstOrThrow();
    const body = tapReport(flats[0]!, { slotId: free.id, contact: { preference: 'email', email: 'tenant@example.com' } });
    const answers = await Promise.all([a, b, a, b].map((instance) => answer(postRepair(instance, body, 'instances-one-key'))));
    expect(answers.map((x) => x.status)).toEqual([201, 201, 201, 201]);
    const references = new Set(answers.map((x) => x.body.reference));
    expect(references.size).toBe(1);
    const [reference] = [...references] as string[];
    expect(await count('repairs', 'reference', reference!)).toBe(1);
    expect(await count('notify_outbox', 'reference', reference!)).toBe(1);
  });

  it('a missed-bin report sent to both at once with one Idempotency-Key: one report, the same reference from both', async () => {
    const [{ uprn, serviceId, collectionDate }] = (await reportableToday(db, TODAY, 1)) as [LastCollection];
    const body = { uprn, serviceId, collectionDate, binOutInTime: true, contact: {} };
    const send = (instance: Instance) => answer(postJson(instance, '/api/v1/waste/missed-collections', body, { 'Idempotency-Key': 'instances-missed' }));
    const answers = await Promise.all([send(a), send(b), send(b), send(a)]);
    expect(answers.map((x) => x.status)).toEqual([201, 201, 201, 201]);
    const references = new Set(answers.map((x) => x.body.reference));
    expect(references.size).toBe(1);
    expect(await count('missed_collection_reports', 'reference', [...references][0]!)).toBe(1);
  });

  it('the Notify outbox both instances write, drained by two senders at once: each message sent once', async () => {
    const stub = await startNotifyStub();
    const templates = new Map(templateNames.map((name) => [name, randomUUID()]));
    const collections = (await reportableToday(db, TODAY, 21)).slice(1);
    const answers = await Promise.all(
      collections.map(({ uprn, serviceId, collectionDate }, i) =>
        answer(postJson(i % 2 ? b : a, '/api/v1/waste/missed-collections', { uprn, serviceId, collectionDate, binOutInTime: true, contact: { email: `resident${i}@example.com` } }, { 'Idempotency-Key': `instances-notify-${i}` })),
      ),
    );
    expect(answers.map((x) => x.status)).toEqual(collections.map(() => 201));
    const waiting = await count('notify_outbox', 'status', 'pending');
    // Each sender on its own connection pool, as each instance's is.
    const pools = [createDatabase(database.url, { poolSize: 2 }), createDatabase(database.url, { poolSize: 2 })];
    try {
      const sender = async (pool: CouncilDb) => {
        const options = { db: pool, client: createNotifyClient(stub.url, stub.apiKey), templates, clock: fixedClock(TODAY), logger: createLogger('silent'), limit: 2 };
        // Pass after pass, until one finds nothing due.
        let claimed: number;
        do ({ claimed } = await drainOutbox(options));
        while (claimed);
      };
      await Promise.all(pools.map(sender));
    } finally {
      await Promise.all(pools.map((pool) => pool.destroy()));
      await stub.close();
    }
    expect(stub.refused).toEqual([]);
    expect(stub.received).toHaveLength(waiting);
    const sent = stub.received.map((m) => `${m.reference} ${m.channel}`);
    expect(new Set(sent).size).toBe(sent.length);
    for (const x of answers) expect(sent).toContain(`${x.body.reference} email`);
    expect(await count('notify_outbox', 'status', 'sent')).toBe(waiting);
  });

  it('back office: one event per submission whichever instance took it, and each delivered once by workers racing on both', async () => {
    // Everything the tests above stored, through either instance, with one key sent to both at once.
    // (Reported through the API: with a manage token, which the seed's demo repairs have not.)
    const submitted = [
      ...(await db.selectFrom('repairs').select('reference').where('manage_token_hash', 'is not', null).execute()),
      ...(await db.selectFrom('missed_collection_reports').select('reference').execute()),
    ].map((r) => r.reference);
    expect(submitted.length).toBeGreaterThanOrEqual(3);
    const events = await db.selectFrom('handoff_deliveries').select(['reference', 'event_id']).execute();
    for (const reference of submitted) expect(events.filter((e) => e.reference === reference), reference).toHaveLength(1);

    // Two instances' workers (each with its own pool) claiming at the same moment, several passes each.
    const secret = 'instances-handoff-secret-0123456789abcdef';
    const receiver = await startReceiver(secret);
    const other = createDatabase(database.url, { poolSize: 2 });
    try {
      const clock = { today: () => addDays(TODAY, 1), now: () => new Date(`${addDays(TODAY, 1)}T12:00:00Z`) }; // after every event was written
      const pass = (on: CouncilDb) => deliverOnce({ db: on, clock, logger: createLogger('silent'), url: receiver.url, secret, limit: 1 });
      for (let round = 0; round < events.length; round++) await Promise.all([pass(db), pass(other), pass(db), pass(other)]);
      const sent = receiver.received.map((r) => r.headers['x-council-kit-event-id']);
      expect(receiver.received.every((r) => r.signatureOk)).toBe(true);
      expect(sent.sort()).toEqual(events.map((e) => e.event_id).sort());
    } finally {
      await other.destroy();
      await receiver.close();
    }
  });

  it('stops on SIGTERM with exit code 0, and the other instance goes on answering', async () => {
    expect(await stopInstance(b)).toBe(0);
    const response = await fetch(new URL('/readyz', a.url));
    expect(response.status).toBe(200);
  });
});
