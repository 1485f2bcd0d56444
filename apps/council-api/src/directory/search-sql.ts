import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type CouncilDb } from '../db/database.js';
import { SEARCH_WEIGHTS } from './search-index.js';

/**
 * The SQL fragments full-text search needs, one set per database. `search` is always the
 * quoted-words query `ftsQuery()` builds, so neither dialect ever sees an operator from input.
 */
export interface SearchSql {
  /** Condition: the `services_search` row matches. */
  matches(search: string): RawBuilder<unknown>;
  /** ORDER BY terms: best match first, then a stable tie-break. */
  bestFirst(search: string): RawBuilder<unknown>;
  /** JOIN from `services_search` to its service `s`. */
  joinService: RawBuilder<unknown>;
  /** Condition on `column` (a service id): the service matches, for use beside other indexes. */
  serviceMatches(column: string, search: string): RawBuilder<unknown>;
}

const weights = sql.join(SEARCH_WEIGHTS.map((weight) => sql.lit(weight)));

/** FTS5: MATCH, bm25() (lower is better), ties in load order (rowid). */
const sqlite: SearchSql = {
  matches: (search) => sql`services_search match ${search}`,
  bestFirst: () => sql`bm25(services_search, ${weights}), services_search.rowid`,
  joinService: sql`join services s on s.rowid = services_search.rowid`,
  // The unary + keeps SQLite from driving the query from the FTS matches (thousands of them
  // for a common word): the other index's few thousand candidates are found first, then checked.
  serviceMatches: (column, search) => sql`+${sql.ref(column)} in (select service_id from services_search where services_search match ${search})`,
};

/**
 * PostgreSQL: `@@` over the GIN index, ts_rank() with the A–D weights in the same proportions
 * as SQLite's bm25 column weights (name 10, organisation 4, taxonomy 3, description 1), scaled
 * down by document length like bm25; ties by service id.
 */
const query = (search: string): RawBuilder<unknown> => sql`plainto_tsquery('council', ${search.replaceAll('"', '')})`;
const postgres: SearchSql = {
  matches: (search) => sql`services_search.document @@ ${query(search)}`,
  bestFirst: (search) => sql`ts_rank('{0.1, 0.3, 0.4, 1.0}', services_search.document, ${query(search)}, 1) desc, services_search.service_id`,
  joinService: sql`join services s on s.id = services_search.service_id`,
  serviceMatches: (column, search) => sql`${sql.ref(column)} in (select service_id from services_search where document @@ ${query(search)})`,
};

export function searchSql(db: CouncilDb): SearchSql {
  return dialectOf(db) === 'postgres' ? postgres : sqlite;
}
