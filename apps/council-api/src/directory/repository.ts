import { sql, type RawBuilder, type Selectable } from 'kysely';
import { dialectOf, type CouncilDb } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { OrganizationsTable, TaxonomyTermsTable } from '../db/schema.js';
import { EARTH_RADIUS_M, type Point } from './geo.js';
import type { DirectoryFilters, Paging } from './params.js';
import type { SearchQuery } from './search-query.js';
import { searchSql } from './search-sql.js';
import { nearCondition } from './spatial.js';

/**
 * The directory's queries. Plain listings and filters are Kysely; full-text search is SQL from
 * search-sql.ts (FTS5 on SQLite, tsvector on PostgreSQL), because Kysely has neither.
 */

export interface Found<T> {
  total: number;
  rows: T[];
}

export interface SalRow {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
  /** Metres from the searched postcode, when searching by postcode. */
  distance?: number;
}

const offset = ({ page, perPage }: Paging): number => (page - 1) * perPage;
/**
 * Which services a listing may hold, resolved from the ORUK filters (see params.ts): any of the
 * category terms (narrower ones included), one organisation, one taxonomy, modified on or after
 * an instant, the UK profile's ages, and a schedule's day and times (all on one schedule).
 */
export interface ServiceScope {
  termIds: readonly string[];
  /** The taxonomy's name (terms store the name; `taxonomy_id` is derived from it). */
  taxonomy?: string;
  organizationId?: string;
  modifiedAfter?: string;
  minimumAge?: number;
  maximumAge?: number;
  day?: string;
  startTime?: string;
  endTime?: string;
}

/** The scope as SQL conditions on the service id in `column` (none: every service). */
export function scopeConditions(column: string, scope: ServiceScope): RawBuilder<boolean>[] {
  const id = sql.ref(column);
  const conditions: RawBuilder<boolean>[] = [];
  if (scope.termIds.length) {
    conditions.push(sql<boolean>`${id} in (select service_id from attributes where taxonomy_term_id in (${sql.join(scope.termIds)}))`);
  }
  if (scope.taxonomy !== undefined) {
    conditions.push(sql<boolean>`${id} in (select a.service_id from attributes a join taxonomy_terms t on t.id = a.taxonomy_term_id where t.taxonomy = ${scope.taxonomy})`);
  }
  const own: RawBuilder<boolean>[] = [];
  // Ages may have a fraction (ORUK types them as numbers): cast, or PostgreSQL reads 10.5 as an integer and fails.
  if (scope.organizationId !== undefined) own.push(sql<boolean>`organization_id = ${scope.organizationId}`);
  // Stored as toISOString() (UTC, milliseconds), so text order is time order on both dialects.
  if (scope.modifiedAfter !== undefined) own.push(sql<boolean>`last_modified >= ${scope.modifiedAfter}`);
  if (scope.minimumAge !== undefined) own.push(sql<boolean>`coalesce(minimum_age, 0) >= cast(${scope.minimumAge} as double precision)`);
  if (scope.maximumAge !== undefined) own.push(sql<boolean>`maximum_age is not null and maximum_age <= cast(${scope.maximumAge} as double precision)`);
  if (own.length) conditions.push(sql<boolean>`${id} in (select id from services where ${sql.join(own, sql` and `)})`);
  const times: RawBuilder<boolean>[] = [];
  if (scope.day !== undefined) times.push(sql<boolean>`byday like ${`%${scope.day}%`}`);
  if (scope.startTime !== undefined) times.push(sql<boolean>`opens_at >= ${scope.startTime}`);
  if (scope.endTime !== undefined) times.push(sql<boolean>`closes_at <= ${scope.endTime}`);
  if (times.length) conditions.push(sql<boolean>`${id} in (select service_id from schedules where ${sql.join(times, sql` and `)})`);
  return conditions;
}

/** `and …` for each condition, to follow a raw SQL `where`. */
const andAll = (conditions: RawBuilder<boolean>[]): RawBuilder<unknown> =>
  conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``;

/** `/services`: best match first when searching, else by name. */
export async function findServices(db: CouncilDb, filters: DirectoryFilters & { query?: SearchQuery }, scope: ServiceScope): Promise<Found<string>> {
  const search = filters.query;
  if (search !== undefined) {
    // Rank inside the FTS table and join only the page's rows back to services: joining every
    // match first (thousands, for "food" over 100k services) costs several times as much.
    // Equal scores fall back to rowid (insertion order), so pages are stable.
    const fts = searchSql(db);
    const where = sql`${fts.matches(search)} ${andAll(scopeConditions('services_search.service_id', scope))}`;
    const [count, page] = await Promise.all([
      sql<{ n: number }>`select count(*) as n from services_search where ${where}`.execute(db),
      sql<{ id: string }>`select service_id as id from services_search where ${where}
        order by ${fts.bestFirst(search)} limit ${filters.perPage} offset ${offset(filters)}`.execute(db),
    ]);
    return { total: Number(count.rows[0]?.n ?? 0), rows: page.rows.map((row) => row.id) };
  }

  let query = db.selectFrom('services as s');
  for (const condition of scopeConditions('s.id', scope)) query = query.where(condition);
  const [count, page] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.select('s.id').orderBy('s.name').orderBy('s.id').limit(filters.perPage).offset(offset(filters)).execute(),
  ]);
  return { total: Number(count.n), rows: page.map((row) => row.id) };
}

/** `/service_at_locations` without a postcode: best match first when searching, else by service name. */
export async function findServiceAtLocations(db: CouncilDb, filters: DirectoryFilters & { query?: SearchQuery }, scope: ServiceScope): Promise<Found<SalRow>> {
  const search = filters.query;
  if (search !== undefined) {
    const fts = searchSql(db);
    const from = sql`from services_search
      ${fts.joinService}
      join service_at_locations sal on sal.service_id = s.id
      where ${fts.matches(search)} ${andAll(scopeConditions('s.id', scope))}`;
    const [count, page] = await Promise.all([
      sql<{ n: number }>`select count(*) as n ${from}`.execute(db),
      sql<SalRow>`select sal.id, sal.service_id, sal.location_id, sal.description ${from}
        order by ${fts.bestFirst(search)}, s.name, sal.id limit ${filters.perPage} offset ${offset(filters)}`.execute(db),
    ]);
    return { total: Number(count.rows[0]?.n ?? 0), rows: page.rows };
  }

  let query = db.selectFrom('service_at_locations as sal').innerJoin('services as s', 's.id', 'sal.service_id');
  for (const condition of scopeConditions('s.id', scope)) query = query.where(condition);
  const [count, page] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .select(['sal.id', 'sal.service_id', 'sal.location_id', 'sal.description'])
      .orderBy('s.name')
      .orderBy('sal.id')
      .limit(filters.perPage)
      .offset(offset(filters))
      .execute(),
  ]);
  return { total: Number(count.n), rows: page };
}

/**
 * Services at locations within `metres` of `centre`, one page of them and how many there are in
 * all: nearest first (when searching, those named for the search first, then the others that
 * match it elsewhere: a food bank before a pantry filed under food banks); each service at each
 * location (`/service_at_locations`). A spatial index's box finds the candidates (spatial.ts);
 * the haversine distance, the circle, the order, the page and the count are all worked out by
 * the database, so a region's tens of thousands of candidates never travel to JavaScript.
 * Locations without coordinates are never near anything.
 */
export async function findNear(db: CouncilDb, filters: DirectoryFilters & { query?: SearchQuery }, scope: ServiceScope, centre: Point, metres: number): Promise<Found<SalRow & { distance: number }>> {
  const candidates = await nearCandidates(db, filters, scope, centre, metres);
  // Ties (one venue, several services) by id, so pages are stable.
  const page = sql<NearRow & { id: string; location_id: string }>`select id, service_id, location_id, distance, count(*) over () as total
    from (${candidates}) c order by tier, distance, id limit ${filters.perPage} offset ${offset(filters)}`;
  const { rows } = await page.execute(db);
  const total = await nearTotal(db, rows, filters, sql`select count(*) as n from (${candidates}) c`);
  return { total, rows: rows.map(({ id, service_id, location_id, distance }) => ({ id, service_id, location_id, description: null, distance: Math.round(Number(distance)) })) };
}

/** As `findNear`, each service once, at its nearest location (`/services`): its id and that distance. */
export async function findServicesNear(db: CouncilDb, filters: DirectoryFilters & { query?: SearchQuery }, scope: ServiceScope, centre: Point, metres: number): Promise<Found<{ service_id: string; distance: number }>> {
  const candidates = await nearCandidates(db, filters, scope, centre, metres);
  const page = sql<NearRow>`select service_id, min(distance) as distance, count(*) over () as total
    from (${candidates}) c group by service_id order by min(tier), min(distance), service_id limit ${filters.perPage} offset ${offset(filters)}`;
  const { rows } = await page.execute(db);
  const total = await nearTotal(db, rows, filters, sql`select count(distinct service_id) as n from (${candidates}) c`);
  return { total, rows: rows.map(({ service_id, distance }) => ({ service_id, distance: Math.round(Number(distance)) })) };
}

/** The rows within the circle, with their distance and whether the search names them (`tier` 0). */
async function nearCandidates(db: CouncilDb, filters: DirectoryFilters & { query?: SearchQuery }, scope: ServiceScope, centre: Point, metres: number) {
  const search = filters.query;
  const fts = searchSql(db);
  const tier = search ? sql`case when ${fts.nameMatches('sal.service_id', search)} then 0 else 1 end` : sql`0`;
  // The box first (its index), then the circle on the distance worked out once per row.
  const inBox = sql`select sal.id, sal.service_id, sal.location_id, ${tier} as tier, ${haversineSql(db, centre)} as distance
    from locations l join service_at_locations sal on sal.location_id = l.id
    where ${await nearCondition(db, centre, metres)}
    ${andAll(scopeConditions('sal.service_id', scope))}
    ${search ? sql`and ${fts.serviceMatches('sal.service_id', search)}` : sql``}`;
  return sql`select * from (${inBox}) b where distance <= ${metres}`;
}

/**
 * The count the page's window carried; a page past the end has no row to carry it, so it is
 * counted apart.
 */
async function nearTotal(db: CouncilDb, rows: NearRow[], filters: DirectoryFilters, count: RawBuilder<unknown>): Promise<number> {
  if (rows.length || filters.page <= 1) return Number(rows[0]?.total ?? 0);
  const counted = await sql<{ n: number }>`${count}`.execute(db);
  return Number(counted.rows[0]?.n ?? 0);
}

interface NearRow {
  service_id: string;
  distance: number;
  total: number | string;
}

/**
 * The haversine distance in metres from `centre` to location `l`, as SQL: the same formula as
 * `haversineMetres` (geo.ts), in the math functions both databases have (SQLite's are built in
 * to better-sqlite3). The centre's trigonometry is worked out here, once.
 */
function haversineSql(db: CouncilDb, centre: Point): RawBuilder<number> {
  const lat = (centre.lat * Math.PI) / 180;
  const lng = (centre.lng * Math.PI) / 180;
  const h = sql`power(sin((radians(l.latitude) - ${lat}) / 2), 2) + ${Math.cos(lat)} * cos(radians(l.latitude)) * power(sin((radians(l.longitude) - ${lng}) / 2), 2)`;
  const capped = dialectOf(db) === 'postgres' ? sql`least(1, sqrt(${h}))` : sql`min(1, sqrt(${h}))`;
  return sql<number>`${2 * EARTH_RADIUS_M} * asin(${capped})`;
}

/** The middle of a postcode: the average of its addresses' coordinates; undefined when none are known. */
export async function postcodeCentre(db: CouncilDb, postcode: string): Promise<Point | undefined> {
  const row = await db
    .selectFrom('addresses')
    .select((eb) => [eb.fn.avg<number>('lat').as('lat'), eb.fn.avg<number>('lng').as('lng'), eb.fn.countAll<number>().as('n')])
    .where('postcode_compact', '=', postcode.replace(/\s+/g, ''))
    .executeTakeFirst();
  return row && Number(row.n) > 0 ? { lat: Number(row.lat), lng: Number(row.lng) } : undefined;
}

/** The given terms and every narrower term under them: asking for "Food" finds food banks too. */
export async function withNarrowerTerms(db: CouncilDb, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const terms = await db.selectFrom('taxonomy_terms').select(['id', 'parent_id']).execute();
  const found = new Set(ids.filter((id) => terms.some((term) => term.id === id)));
  let added = true;
  while (added) {
    added = false;
    for (const term of terms) {
      if (term.parent_id && found.has(term.parent_id) && !found.has(term.id)) {
        found.add(term.id);
        added = true;
      }
    }
  }
  return [...found];
}

/** Taxonomy terms: every one, or those of one taxonomy (by name), only top-level ones, or one term's direct children (lower case id). */
export async function findTaxonomyTerms(
  db: CouncilDb,
  { parentId, taxonomy, topOnly = false, id }: { parentId?: string; taxonomy?: string; topOnly?: boolean; id?: string } = {},
): Promise<Selectable<TaxonomyTermsTable>[]> {
  let query = db.selectFrom('taxonomy_terms').selectAll();
  if (parentId) query = query.where('parent_id', '=', parentId);
  if (taxonomy !== undefined) query = query.where('taxonomy', '=', taxonomy);
  if (topOnly) query = query.where('parent_id', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  return query.execute();
}

/** The taxonomies (vocabularies) the terms come from, by name. */
export async function findTaxonomyNames(db: CouncilDb): Promise<string[]> {
  const rows = await db.selectFrom('taxonomy_terms').select('taxonomy').distinct().orderBy('taxonomy').execute();
  return rows.map((row) => row.taxonomy);
}

/** Each service's id and `last_modified`, for `minimal=true`. */
export async function findLastModified(db: CouncilDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('services').select(['id', 'last_modified']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.last_modified]));
}

/** Organisations by name (then id), optionally those whose name has `search` in it (any case), a page at a time. */
export async function findOrganizations(db: CouncilDb, paging: Paging, search?: string): Promise<Found<Selectable<OrganizationsTable>>> {
  let query = db.selectFrom('organizations');
  if (search !== undefined) query = query.where(sql<boolean>`lower(name) like ${`%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  const [count, page] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('name').orderBy('id').limit(paging.perPage).offset(offset(paging)).execute(),
  ]);
  return { total: Number(count.n), rows: page };
}

export async function findOrganization(db: CouncilDb, id: string): Promise<Selectable<OrganizationsTable> | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The ids of the services an organisation runs, by name. */
export async function findOrganizationServiceIds(db: CouncilDb, organizationId: string): Promise<string[]> {
  const rows = await db.selectFrom('services').select('id').where('organization_id', '=', organizationId).orderBy('name').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** One service-at-location link. */
export async function findServiceAtLocation(db: CouncilDb, id: string): Promise<SalRow | undefined> {
  return db.selectFrom('service_at_locations').select(['id', 'service_id', 'location_id', 'description']).where('id', '=', id).executeTakeFirst();
}

/**
 * Records a change to a service: sets its `last_modified` to the API clock's now (milliseconds,
 * UTC), which is what `modified_after` compares. Whatever edits a service calls this after.
 */
export async function markServiceModified(db: CouncilDb, id: string, clock: Clock): Promise<void> {
  await db.updateTable('services').set({ last_modified: clock.now().toISOString() }).where('id', '=', id).execute();
}
