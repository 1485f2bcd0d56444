import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * The directory in Welsh, searched well and near fast (issue 15):
 *
 * - `name_cy` / `description_cy` on services and taxonomy terms: the Welsh text where there is
 *   one. ORUK has no bilingual fields; the API answers Welsh when asked (`lang=cy`, see
 *   directory/localise.ts) and says which records fell back to English. A Welsh version is a
 *   whole translation (name and description together), so a record is in one language only.
 * - `search_words`: every word the directory's searchable text uses (lower case, accents
 *   removed), rebuilt with the search index; the search corrects misspellings and finds Welsh
 *   mutations and plurals against it, so it only ever rewrites a word into one that exists.
 * - A spatial index on locations: SQLite's R*Tree module (`locations_rtree`, keyed by the
 *   location's rowid, rebuilt with the search index); on PostgreSQL a GiST index on
 *   `ll_to_earth(latitude, longitude)` from the `cube` and `earthdistance` extensions that ship
 *   with PostgreSQL, when they can be created (else proximity keeps the latitude/longitude
 *   B-tree of migration 0003).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['services', 'taxonomy_terms']) {
    await db.schema.alterTable(table).addColumn('name_cy', 'text').execute();
    await db.schema.alterTable(table).addColumn('description_cy', 'text').execute();
  }
  await db.schema.createTable('search_words').addColumn('word', 'text', (col) => col.primaryKey()).execute();

  if (dialectOf(db) === 'postgres') {
    await earthIndex(db);
    return;
  }
  // 32-bit float boxes, rounded outwards by SQLite: exact distances come from the table's own columns.
  await sql`create virtual table locations_rtree using rtree(id, min_lat, max_lat, min_lng, max_lng)`.execute(db);
  await sql`
    insert into locations_rtree (id, min_lat, max_lat, min_lng, max_lng)
    select rowid, latitude, latitude, longitude, longitude from locations where latitude is not null and longitude is not null
  `.execute(db);
}

/**
 * `cube` and `earthdistance` are trusted extensions (PostgreSQL 13+): a database owner may
 * create them. Tried inside a savepoint, so a server without them (or a role that may not)
 * keeps migrating, with the B-tree box search instead.
 */
async function earthIndex(db: Kysely<unknown>): Promise<void> {
  const available = await sql<{ n: number }>`
    select count(*)::int as n from pg_available_extensions where name in ('cube', 'earthdistance')`.execute(db);
  if (Number(available.rows[0]?.n) !== 2) return;
  await sql`savepoint earth`.execute(db);
  try {
    await sql`create extension if not exists cube`.execute(db);
    await sql`create extension if not exists earthdistance`.execute(db);
    await sql`
      create index locations_earth_idx on locations using gist (ll_to_earth(latitude, longitude))
      where latitude is not null and longitude is not null`.execute(db);
    await sql`release savepoint earth`.execute(db);
  } catch {
    await sql`rollback to savepoint earth`.execute(db);
  }
}
