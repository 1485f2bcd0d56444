import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { fixedClock } from '../src/clock.js';
import { defaultConfig } from '../src/config.js';
import { createDatabase, type CouncilDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/seed.js';
import { TODAY } from './dates.js';
import { postJson } from './helpers.js';
import { testDatabase, type TestDatabase } from './test-database.js';
import { reportableToday, type LastCollection } from './waste-support.js';

/**
 * better-sqlite3 answers synchronously, so one request's queries never interleave with
 * another's unless something yields. This plugin makes every query wait for the event loop,
 * as a networked database (PostgreSQL) does, so concurrent requests really overlap and only
 * the transaction and the database keep them apart. (On PostgreSQL the queries yield anyway,
 * and run on several pooled connections at once.)
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
/** Two collections that can be reported missed today (on different properties). */
let collections: LastCollection[];

beforeAll(async () => {
  database = await testDatabase();
  const base = createDatabase(database.url);
  await migrateToLatest(base);
  await seedIfEmpty(base, { today: TODAY });
  collections = await reportableToday(base, TODAY, 2);
  db = base.withPlugin(yieldingPlugin);
  const app = createApp({ db, config: { ...defaultConfig, logLevel: 'silent', rateLimitPerMinute: 100_000 }, clock: fixedClock(TODAY) });
  http = await new Promise<ServerType>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  await db?.destroy();
  await database?.cleanup();
});

const server = { get url() { return url; } };
const rows = async (table: 'missed_collection_reports' | 'container_requests' | 'notify_outbox' | 'idempotency_keys') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function burst(path: string, body: unknown, headers: Record<string, string> = {}) {
  return Promise.all(
    Array.from({ length: 20 }, async () => {
      const response = await postJson(server, path, body, headers);
      return { status: response.status, text: await response.text() };
    }),
  );
}

describe('20 concurrent identical POSTs on a database whose queries yield', () => {
  it('with one Idempotency-Key: one missed-collection record, one notification, the same answer to all', async () => {
    const { uprn, serviceId, collectionDate } = collections[0]!;
    const body = { uprn, serviceId, collectionDate, binOutInTime: true, contact: { email: 'a@example.com' } };
    const answers = await burst('/api/v1/waste/missed-collections', body, { 'Idempotency-Key': 'burst-1' });
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await rows('missed_collection_reports')).toBe(1);
    expect(await rows('notify_outbox')).toBe(1);
    expect(await rows('idempotency_keys')).toBe(1);
  });

  it('without a key: one record, and 19 duplicates carrying its reference', async () => {
    const { uprn, serviceId, collectionDate } = collections[1]!;
    const body = { uprn, serviceId, collectionDate, binOutInTime: true };
    const answers = await burst('/api/v1/waste/missed-collections', body);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(19);
    const reference = (JSON.parse(answers.find((a) => a.status === 201)!.text) as { reference: string }).reference;
    for (const answer of answers.filter((a) => a.status === 200)) expect(JSON.parse(answer.text)).toEqual({ reference, duplicate: true });
    expect(await rows('missed_collection_reports')).toBe(2);
  });

  it('with one Idempotency-Key: one container request', async () => {
    const answers = await burst('/api/v1/waste/container-requests', { uprn: '100070000112', containerId: 'refuse', reason: 'lost' }, { 'Idempotency-Key': 'burst-2' });
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await rows('container_requests')).toBe(1);
  });
});
