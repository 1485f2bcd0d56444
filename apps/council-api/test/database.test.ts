import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, DatabaseConfigError, dialectOf, sqliteFilename, type CouncilDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import { generateSeedAddresses, seedIfEmpty } from '../src/seed.js';
import { startServer } from '../src/server.js';
import { TODAY } from './dates.js';
import { row, startTestServer, tempDir, testOptions, type TestServer } from './helpers.js';
import { onPostgres, testDatabase, type TestDatabase } from './test-database.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(overrides = {}): Promise<TestServer> {
  const server = await startTestServer(overrides);
  cleanups.push(() => server.stop());
  return server;
}

/** A fresh database (see test-database.ts), deleted after the test. */
async function scratch(options?: { fromTemplate?: boolean }): Promise<TestDatabase> {
  const database = await testDatabase(options);
  cleanups.push(() => database.cleanup());
  return database;
}

/** A connection of the test's own, closed after the test (before its database is deleted). */
function connect(url: string): CouncilDb {
  const db = createDatabase(url, { poolSize: 1 });
  cleanups.push(() => db.destroy());
  return db;
}

async function count(db: CouncilDb, where = '1 = 1'): Promise<number> {
  return (await row({ db }, sql<{ n: number }>`select count(*) as n from addresses where ${sql.raw(where)}`)).n;
}

const unknownMigration = (db: CouncilDb) =>
  db.insertInto('kysely_migration').values({ name: '9999-from-the-future', timestamp: new Date().toISOString() }).execute();

const an11aa = async (server: { url: string }) =>
  (await fetch(new URL('/api/v1/addresses?postcode=AN1%201AA', server.url))).json();

describe('seed', () => {
  it('is deterministic: two fresh databases give identical results', async () => {
    const a = await started();
    const b = await started();
    expect(a.databaseUrl).not.toBe(b.databaseUrl);
    expect(await an11aa(a)).toEqual(await an11aa(b));
    expect(generateSeedAddresses()).toEqual(generateSeedAddresses());
  });

  it('holds about 3,000 addresses with unique UPRNs, all in area AN with valid postcodes', async () => {
    const rows = generateSeedAddresses();
    expect(rows.length).toBeGreaterThanOrEqual(2500);
    expect(rows.length).toBeLessThanOrEqual(4000);
    expect(new Set(rows.map((r) => r.uprn)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.uprn).toMatch(/^[0-9]{12}$/);
      expect(row.postcode).toMatch(/^AN[0-9][A-Z0-9]? [0-9][A-Z]{2}$/);
      expect(row.postcode_compact).toBe(row.postcode.replace(' ', ''));
    }
    const server = await started();
    expect(await count(server.db)).toBe(rows.length);
    expect(await count(server.db, "postcode = 'AN1 1AA'")).toBeGreaterThanOrEqual(10);
    expect(await count(server.db, "property_type = 'flat' and block_id is not null")).toBeGreaterThan(0);
    expect(await count(server.db, 'council_owned = 1')).toBeGreaterThan(0);
  });

  it('a different seed gives different data (the PRNG really drives it)', () => {
    const a = generateSeedAddresses(1).map((r) => r.uprn);
    const b = generateSeedAddresses(2).map((r) => r.uprn);
    expect(a).not.toEqual(b);
  });

  it('does not reseed or duplicate when restarted on an existing database', async () => {
    const { url } = await scratch();
    const first = await startServer(testOptions(url));
    const before = await an11aa(first);
    await first.close();
    const db = connect(url);
    const seeded = await count(db);

    // Remove most rows: a reseed would put them back (or fail on duplicate UPRNs).
    await sql`delete from addresses where postcode <> 'AN1 1AA'`.execute(db);

    const second = await startServer(testOptions(url));
    cleanups.push(() => second.close());
    expect(await an11aa(second)).toEqual(before);
    expect(await count(db)).toBeLessThan(seeded);
    expect(await count(db)).toBe(await count(db, "postcode = 'AN1 1AA'"));
  });

  it('seedIfEmpty is a no-op on a seeded database', async () => {
    const db = connect((await scratch({ fromTemplate: false })).url);
    await migrateToLatest(db);
    expect(await seedIfEmpty(db, { today: TODAY })).toBeGreaterThan(0);
    expect(await seedIfEmpty(db, { today: TODAY })).toBe(0);
  });
});

describe('migrations', () => {
  it('are re-runnable: a second run applies nothing', async () => {
    const db = connect((await scratch({ fromTemplate: false })).url);
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('refuse to start on a database with a migration this code does not know', async () => {
    const { url } = await scratch();
    const first = await startServer(testOptions(url));
    await first.close();
    const raw = createDatabase(url, { poolSize: 1 });
    await unknownMigration(raw);
    await raw.destroy();

    await expect(startServer(testOptions(url))).rejects.toThrow(
      /migrations this version of the council API does not know \(9999-from-the-future\)/,
    );
    // It closed the database on the way out: it can be written again, and (on PostgreSQL) no
    // connection of the failed server is left open.
    const again = connect(url);
    await sql`update kysely_migration set timestamp = timestamp where name = '9999-from-the-future'`.execute(again);
    expect(await row({ db: again }, sql<{ n: number }>`select count(*) as n from kysely_migration`)).toEqual({ n: Object.keys(migrations).length + 1 });
    if (onPostgres) {
      const others = sql<{ n: number }>`select count(*) as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`;
      await expect.poll(async () => (await row({ db: again }, others)).n).toBe(0);
    }
  });

  it('make /readyz answer 503 when the database gains an unknown migration', async () => {
    const server = await started();
    expect((await server.get('/readyz')).status).toBe(200);
    await unknownMigration(server.db);
    const response = await server.get('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', migrations: 'unknown' });
  });
});

describe('DATABASE_URL', () => {
  it('postgres:// and postgresql:// open PostgreSQL, anything else SQLite', async () => {
    // Neither connects until its first query, so no PostgreSQL is needed here.
    for (const [url, dialect] of [
      ['postgres://council@127.0.0.1:1/council', 'postgres'],
      ['POSTGRESQL://council@127.0.0.1:1/council', 'postgres'],
      [':memory:', 'sqlite'],
    ] as const) {
      const db = createDatabase(url);
      try {
        expect(dialectOf(db), url).toBe(dialect);
      } finally {
        await db.destroy();
      }
    }
  });

  it('refuses a malformed postgres:// URL clearly, before connecting to anything', async () => {
    for (const url of ['postgres://council@localhost:port/council', 'postgresql://[::1/council']) {
      expect(() => createDatabase(url), url).toThrow(DatabaseConfigError);
      expect(() => createDatabase(url), url).toThrow('DATABASE_URL is not a valid postgres:// URL.');
      await expect(startServer(testOptions(url)), url).rejects.toThrow(DatabaseConfigError);
    }
  });

  it('refuses to start when PostgreSQL is not there, saying why', async () => {
    await expect(startServer(testOptions('postgres://council@127.0.0.1:1/council'))).rejects.toThrow(/ECONNREFUSED 127\.0\.0\.1:1/);
  });

  it('the suite really runs on the database it says (PostgreSQL when COUNCIL_TEST_POSTGRES_URL is set)', async () => {
    const server = await started();
    expect(dialectOf(server.db)).toBe(onPostgres ? 'postgres' : 'sqlite');
    expect(/^postgres:\/\//.test(server.databaseUrl)).toBe(onPostgres);
    const { version } = await row(server, sql<{ version: string }>`select ${sql.raw(onPostgres ? 'version()' : 'sqlite_version()')} as version`);
    expect(version).toMatch(onPostgres ? /^PostgreSQL \d+/ : /^3\.\d+\.\d+$/);
  });

  it.runIf(onPostgres)('on PostgreSQL, accepts the postgresql:// spelling as well', async () => {
    const { url } = await scratch();
    const server = await startServer(testOptions(url.replace(/^postgres:/, 'postgresql:')));
    cleanups.push(() => server.close());
    expect((await fetch(new URL('/readyz', server.url))).status).toBe(200);
    expect(await an11aa(server)).toMatchObject({ postcode: 'AN1 1AA', addresses: expect.arrayContaining([expect.objectContaining({ postcode: 'AN1 1AA' })]) });
  });

  // SQLite only: how a SQLite DATABASE_URL names its file.
  it.skipIf(onPostgres)('accepts plain paths and file:/sqlite: prefixes', () => {
    expect(sqliteFilename('/tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename('file:/tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename('file:///tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename('sqlite:///tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename(':memory:')).toBe(':memory:');
  });

  // SQLite only: a file path's missing directories are created (PostgreSQL databases are the server's).
  it.skipIf(onPostgres)('creates the database directory when it does not exist', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'nested', 'deeper', 'council.sqlite');
    const server = await startServer(testOptions(file));
    cleanups.push(() => server.close());
    expect(await count(connect(file))).toBeGreaterThan(0);
  });
});

describe('README', () => {
  it('lists every seed postcode worth trying', async () => {
    const { readFileSync } = await import('node:fs');
    const { seedPostcodes } = await import('../src/seed.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const { postcode } of seedPostcodes) expect(readme).toContain(`\`${postcode}\``);
  });
});
