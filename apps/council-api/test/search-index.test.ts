import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type CouncilDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/seed.js';
import { TODAY } from './dates.js';
import { rebuildSearchIndex } from '../src/directory/search-index.js';
import { onPostgres, testDatabase, type TestDatabase } from './test-database.js';

// The search rows are rebuilt whole after every import (search-index.ts): the rebuild must leave
// the table as the migration made it (on PostgreSQL a new table is swapped in), and searches
// running meanwhile must never see it half-filled.
let database: TestDatabase;
let db: CouncilDb;

beforeAll(async () => {
  database = await testDatabase();
  db = createDatabase(database.url);
  await migrateToLatest(db);
  await seedIfEmpty(db, { today: TODAY });
});

afterAll(async () => {
  await db?.destroy();
  await database?.cleanup();
});

const searchRows = async () => Number((await db.selectFrom('services_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const services = async () => Number((await db.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('rebuilding the search index', () => {
  it('has one row per service after each rebuild, whatever was there before', async () => {
    const count = await services();
    expect(count).toBeGreaterThan(100);
    await rebuildSearchIndex(db);
    await rebuildSearchIndex(db);
    expect(await searchRows()).toBe(count);
  });

  it('never shows a search a half-built index: a reader during the rebuild sees every row', async () => {
    const count = await searchRows();
    const seen: number[] = [];
    // Readers started while the rebuild runs (on PostgreSQL each on a pool connection of its own).
    const rebuild = rebuildSearchIndex(db);
    const reads = Array.from({ length: 5 }, () => searchRows().then((n) => seen.push(n)));
    await Promise.all([rebuild, ...reads]);
    expect(seen).toEqual(Array(5).fill(count));
    expect(await searchRows()).toBe(count);
  });

  it.runIf(onPostgres)('on PostgreSQL, leaves the key, the GIN index and the foreign key (cascading deletes) under the migration’s names', async () => {
    await rebuildSearchIndex(db);
    const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'services_search' order by indexname`.execute(db);
    expect(indexes.rows.map((row) => row.indexname)).toEqual(['services_search_document_idx', 'services_search_pkey']);
    const constraints = await sql<{ conname: string }>`select conname from pg_constraint where conrelid = 'services_search'::regclass order by conname`.execute(db);
    expect(constraints.rows.map((row) => row.conname)).toEqual(['services_search_pkey', 'services_search_service_id_fkey']);
    expect((await sql<{ n: number }>`select count(*)::int as n from pg_class where relname like 'services_search_next%'`.execute(db)).rows[0]!.n).toBe(0);

    // Every table under a service cascades, its search row too.
    const { id } = await db.selectFrom('services').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await db.deleteFrom('services').where('id', '=', id).execute();
    expect(await db.selectFrom('services_search').select('service_id').where('service_id', '=', id).executeTakeFirst()).toBeUndefined();
    expect(await searchRows()).toBe(await services());
  });
});
