import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type CouncilDb } from '../db/database.js';
import { SEARCH_WEIGHTS } from './search-index.js';
import { ftsExpression, tsqueryText, type SearchQuery } from './search-query.js';

/**
 * The SQL fragments full-text search needs, one set per database. `search` is always an
 * expanded search (search-query.ts) whose words are letters and digits only, so neither
 * dialect ever sees an operator from input.
 */
export interface SearchSql {
  /** Condition: the `services_search` row matches. */
  matches(search: SearchQuery): RawBuilder<unknown>;
  /** ORDER BY terms: best match first, then a stable tie-break. */
  bestFirst(search: SearchQuery): RawBuilder<unknown>;
  /** JOIN from `services_search` to its service `s`. */
  joinService: RawBuilder<unknown>;
  /** Condition on `column` (a service id): the service matches, for use beside other indexes. */
  serviceMatches(column: string, search: SearchQuery): RawBuilder<unknown>;
  /** Condition on `column` (a service id): the service's name (English or Welsh) matches the whole search. */
  nameMatches(column: string, search: SearchQuery): RawBuilder<unknown>;
}

const weights = sql.join(SEARCH_WEIGHTS.map((weight) => sql.lit(weight)));

/** FTS5: MATCH, bm25() (lower is better), ties in load order (rowid). */
const sqlite: SearchSql = {
  matches: (search) => sql`services_search match ${ftsExpression(search)}`,
  bestFirst: () => sql`bm25(services_search, ${weights}), services_search.rowid`,
  joinService: sql`join services s on s.rowid = services_search.rowid`,
  // The unary + keeps SQLite from driving the query from the FTS matches (thousands of them
  // for a common word): the other index's few thousand candidates are found first, then checked.
  serviceMatches: (column, search) => sql`+${sql.ref(column)} in (select service_id from services_search where services_search match ${ftsExpression(search)})`,
  nameMatches: (column, search) => sql`${sql.ref(column)} in (select service_id from services_search where services_search match ${`{name} : (${ftsExpression(search)})`})`,
};

/**
 * PostgreSQL: `@@` over the GIN index, ts_rank() with the A–D weights in the same proportions
 * as SQLite's bm25 column weights (name 10, organisation 4, taxonomy 3, description 1), scaled
 * down by document length like bm25; ties by service id.
 */
const query = (search: SearchQuery): RawBuilder<unknown> => sql`to_tsquery('council', ${tsqueryText(search)})`;
const postgres: SearchSql = {
  matches: (search) => sql`services_search.document @@ ${query(search)}`,
  bestFirst: (search) => sql`ts_rank('{0.1, 0.3, 0.4, 1.0}', services_search.document, ${query(search)}, 1) desc, services_search.service_id`,
  joinService: sql`join services s on s.id = services_search.service_id`,
  serviceMatches: (column, search) => sql`${sql.ref(column)} in (select service_id from services_search where document @@ ${query(search)})`,
  // Weight A is the name (search-index.ts).
  nameMatches: (column, search) => sql`${sql.ref(column)} in (select service_id from services_search where document @@ to_tsquery('council', ${tsqueryText(search, 'A')}))`,
};

export function searchSql(db: CouncilDb): SearchSql {
  return dialectOf(db) === 'postgres' ? postgres : sqlite;
}
