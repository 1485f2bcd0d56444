import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { rebuildSearchWords } from './search-words.js';

/**
 * The search rows are derived from the directory tables (service name, organisation name, the
 * names of the service's taxonomy terms and their parents, description), rebuilt after seeding
 * or bulk loading rather than kept by triggers: the API only reads the directory, and one
 * INSERT … SELECT over 100k services takes a few seconds.
 *
 * SQLite: an FTS5 row per service whose rowid is the service's rowid, so a match joins back to
 * its service by integer key. PostgreSQL: a tsvector per service, the four parts weighted A–D.
 * Each part holds the English and the Welsh text (migration 0013), so a search in either
 * language finds the service whichever language the page asks for.
 *
 * Also rebuilt here, being derived from the same tables: the vocabulary (search-words.ts) and,
 * on SQLite, the locations' R*Tree (keyed by rowid, which only a rebuild may renumber).
 */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await rebuildPostgres(db);
  } else if (db.isTransaction) {
    await rebuildSqlite(db);
  } else {
    // One transaction, so searches during an import keep answering from the old rows until the
    // new ones are all in (readers see the last commit), never from a half-empty index.
    await db.transaction().execute((trx) => rebuildSqlite(trx));
  }
}

const name = sql`s.name || coalesce(' ' || s.name_cy, '')`;
const description = sql`s.description || coalesce(' ' || s.description_cy, '')`;

/**
 * PostgreSQL: the rows go into a new table, its GIN index is built once over all of them (far
 * quicker than updating it row by row, minutes at a million services), and the new table takes
 * the old one's place in one short transaction. Searches meanwhile answer from the old table.
 * The key and the foreign key are the migration's (0003), with its names; the foreign key is
 * not checked again, as every row was just made from `services`.
 */
async function rebuildPostgres(db: Kysely<Database>): Promise<void> {
  await sql`drop table if exists services_search_next`.execute(db);
  await sql`
    create table services_search_next as
    select s.id as service_id,
      setweight(to_tsvector('council', ${name}), 'A') ||
      setweight(to_tsvector('council', o.name), 'B') ||
      setweight(to_tsvector('council', coalesce((${taxonomyNames(sql`string_agg`)}), '')), 'C') ||
      setweight(to_tsvector('council', ${description}), 'D') as document
    from services s
    join organizations o on o.id = s.organization_id
  `.execute(db);
  await sql`alter table services_search_next alter column document set not null, add constraint services_search_next_pkey primary key (service_id)`.execute(db);
  await sql`create index services_search_next_document_idx on services_search_next using gin (document)`.execute(db);
  const swap = async (trx: Kysely<Database>) => {
    await sql`drop table services_search`.execute(trx);
    await sql`alter table services_search_next rename to services_search`.execute(trx);
    await sql`alter table services_search rename constraint services_search_next_pkey to services_search_pkey`.execute(trx);
    await sql`alter index services_search_next_document_idx rename to services_search_document_idx`.execute(trx);
    await sql`alter table services_search add constraint services_search_service_id_fkey foreign key (service_id) references services (id) on delete cascade not valid`.execute(trx);
  };
  if (db.isTransaction) await swap(db);
  else await db.transaction().execute(swap);
  await sql`analyze services_search`.execute(db);
  await rebuildSearchWords(db);
}

/**
 * SQLite: the FTS5 rows (rowid = the service's rowid, so a match joins back by integer key),
 * merged into one segment, and the locations' R*Tree, keyed by rowid too.
 */
async function rebuildSqlite(db: Kysely<Database>): Promise<void> {
  await sql`delete from services_search`.execute(db);
  await sql`
    insert into services_search (rowid, service_id, name, organization, taxonomy, description)
    select s.rowid, s.id, ${name}, o.name, coalesce((${taxonomyNames(sql`group_concat`)}), ''), ${description}
    from services s
    join organizations o on o.id = s.organization_id
  `.execute(db);
  // Merge the index's segments now, so the first searches do not pay for it.
  await sql`insert into services_search (services_search) values ('optimize')`.execute(db);
  await sql`delete from locations_rtree`.execute(db);
  await sql`
    insert into locations_rtree (id, min_lat, max_lat, min_lng, max_lng)
    select rowid, latitude, latitude, longitude, longitude from locations where latitude is not null and longitude is not null
  `.execute(db);
  await rebuildSearchWords(db);
}

/** The names of service `s`'s terms and their parents, in English and Welsh, joined with spaces by `aggregate`. */
function taxonomyNames(aggregate: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select ${aggregate}(t.name || coalesce(' ' || t.name_cy, '') || coalesce(' ' || p.name, '') || coalesce(' ' || p.name_cy, ''), ' ')
    from attributes a
    join taxonomy_terms t on t.id = a.taxonomy_term_id
    left join taxonomy_terms p on p.id = t.parent_id
    where a.service_id = s.id`;
}

/** bm25() column weights, in table order: service_id (unindexed), name, organisation, taxonomy, description. */
export const SEARCH_WEIGHTS = [0, 10, 4, 3, 1] as const;

/** Longest search text accepted, and the most words a search uses. */
export const MAX_SEARCH_LENGTH = 200;
const MAX_TERMS = 12;

/**
 * A resident's words as an FTS5 query: every word must match (implicit AND), each one quoted
 * so FTS5 operators and punctuation in the input ("NOT", "*", quotes, colons) are only text.
 * Returns undefined when the text has no words at all.
 */
export function ftsQuery(text: string): string | undefined {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_TERMS) ?? [];
  return words.length ? words.map((word) => `"${word}"`).join(' ') : undefined;
}
