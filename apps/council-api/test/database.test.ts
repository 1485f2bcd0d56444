import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, sqliteFilename } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import { generateSeedAddresses, seedIfEmpty } from '../src/db/seed.js';
import { startServer } from '../src/server.js';
import { startTestServer, tempDir, testOptions, type TestServer } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(overrides = {}): Promise<TestServer> {
  const server = await startTestServer(overrides);
  cleanups.push(() => server.stop());
  return server;
}

function scratch(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return join(dir, 'council.sqlite');
}

function count(file: string, where = '1 = 1'): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from addresses where ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const an11aa = async (server: { url: string }) =>
  (await fetch(new URL('/api/v1/addresses?postcode=AN1%201AA', server.url))).json();

describe('seed', () => {
  it('is deterministic: two fresh databases give identical results', async () => {
    const a = await started();
    const b = await started();
    expect(a.databaseFile).not.toBe(b.databaseFile);
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
    expect(count(server.databaseFile)).toBe(rows.length);
    expect(count(server.databaseFile, "postcode = 'AN1 1AA'")).toBeGreaterThanOrEqual(10);
    expect(count(server.databaseFile, "property_type = 'flat' and block_id is not null")).toBeGreaterThan(0);
    expect(count(server.databaseFile, 'council_owned = 1')).toBeGreaterThan(0);
  });

  it('a different seed gives different data (the PRNG really drives it)', () => {
    const a = generateSeedAddresses(1).map((r) => r.uprn);
    const b = generateSeedAddresses(2).map((r) => r.uprn);
    expect(a).not.toEqual(b);
  });

  it('does not reseed or duplicate when restarted on an existing database', async () => {
    const file = scratch();
    const first = await startServer(testOptions(file));
    const before = await an11aa(first);
    await first.close();
    const seeded = count(file);

    // Remove most rows: a reseed would put them back (or fail on duplicate UPRNs).
    const raw = new Database(file);
    raw.prepare("delete from addresses where postcode <> 'AN1 1AA'").run();
    raw.close();

    const second = await startServer(testOptions(file));
    cleanups.push(() => second.close());
    expect(await an11aa(second)).toEqual(before);
    expect(count(file)).toBeLessThan(seeded);
    expect(count(file)).toBe(count(file, "postcode = 'AN1 1AA'"));
  });

  it('seedIfEmpty is a no-op on a seeded database', async () => {
    const db = createDatabase(scratch());
    cleanups.push(() => db.destroy());
    await migrateToLatest(db);
    expect(await seedIfEmpty(db)).toBeGreaterThan(0);
    expect(await seedIfEmpty(db)).toBe(0);
  });
});

describe('migrations', () => {
  it('are re-runnable: a second run applies nothing', async () => {
    const db = createDatabase(scratch());
    cleanups.push(() => db.destroy());
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('refuse to start on a database with a migration this code does not know', async () => {
    const file = scratch();
    const first = await startServer(testOptions(file));
    await first.close();
    const raw = new Database(file);
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-from-the-future', new Date().toISOString());
    raw.close();

    await expect(startServer(testOptions(file))).rejects.toThrow(
      /migrations this version of the council API does not know \(9999-from-the-future\)/,
    );
    // It closed the database on the way out: the file can be opened for writing again.
    const again = new Database(file);
    expect(again.prepare('select count(*) as n from kysely_migration').get()).toEqual({ n: Object.keys(migrations).length + 1 });
    again.close();
  });

  it('make /readyz answer 503 when the database gains an unknown migration', async () => {
    const server = await started();
    expect((await server.get('/readyz')).status).toBe(200);
    const raw = new Database(server.databaseFile);
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-from-the-future', new Date().toISOString());
    raw.close();
    const response = await server.get('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', migrations: 'unknown' });
  });
});

describe('DATABASE_URL', () => {
  it('refuses PostgreSQL clearly, for now', async () => {
    expect(() => createDatabase('postgres://council@localhost/council')).toThrow(/PostgreSQL support is not built yet/);
    await expect(startServer(testOptions('postgresql://localhost/council'))).rejects.toThrow(/PostgreSQL support is not built yet/);
  });

  it('accepts plain paths and file:/sqlite: prefixes', () => {
    expect(sqliteFilename('/tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename('file:/tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename('file:///tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename('sqlite:///tmp/a.sqlite')).toBe('/tmp/a.sqlite');
    expect(sqliteFilename(':memory:')).toBe(':memory:');
  });

  it('creates the database directory when it does not exist', async () => {
    const file = join(scratch(), '..', 'nested', 'deeper', 'council.sqlite');
    const server = await startServer(testOptions(file));
    cleanups.push(() => server.close());
    expect(count(file)).toBeGreaterThan(0);
  });
});

describe('README', () => {
  it('lists every seed postcode worth trying', async () => {
    const { readFileSync } = await import('node:fs');
    const { seedPostcodes } = await import('../src/db/seed.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const { postcode } of seedPostcodes) expect(readme).toContain(`\`${postcode}\``);
  });
});
