import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import type { TaxonomyTermsTable } from '../db/schema.js';
import { boundingBox, haversineMetres, type Point } from './geo.js';
import type { DirectoryFilters, Paging } from './params.js';
import { searchSql } from './search-sql.js';

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
/** Services classified under any of these terms, as an SQL condition on `column`. */
const classified = (column: string, termIds: readonly string[]): RawBuilder<unknown> =>
  termIds.length
    ? sql`and ${sql.ref(column)} in (select service_id from attributes where taxonomy_term_id in (${sql.join(termIds)}))`
    : sql``;

/** `/services`: best match first when searching, else by name. */
export async function findServices(db: CouncilDb, filters: DirectoryFilters, termIds: readonly string[]): Promise<Found<string>> {
  const { search } = filters;
  if (search !== undefined) {
    // Rank inside the FTS table and join only the page's rows back to services: joining every
    // match first (thousands, for "food" over 100k services) costs several times as much.
    // Equal scores fall back to rowid (insertion order), so pages are stable.
    const fts = searchSql(db);
    const where = sql`${fts.matches(search)} ${classified('services_search.service_id', termIds)}`;
    const [count, page] = await Promise.all([
      sql<{ n: number }>`select count(*) as n from services_search where ${where}`.execute(db),
      sql<{ id: string }>`select service_id as id from services_search where ${where}
        order by ${fts.bestFirst(search)} limit ${filters.perPage} offset ${offset(filters)}`.execute(db),
    ]);
    return { total: Number(count.rows[0]?.n ?? 0), rows: page.rows.map((row) => row.id) };
  }

  let query = db.selectFrom('services as s');
  if (termIds.length) {
    query = query.where('s.id', 'in', (eb) => eb.selectFrom('attributes').select('service_id').where('taxonomy_term_id', 'in', [...termIds]));
  }
  const [count, page] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.select('s.id').orderBy('s.name').orderBy('s.id').limit(filters.perPage).offset(offset(filters)).execute(),
  ]);
  return { total: Number(count.n), rows: page.map((row) => row.id) };
}

/** `/service_at_locations` without a postcode: best match first when searching, else by service name. */
export async function findServiceAtLocations(db: CouncilDb, filters: DirectoryFilters, termIds: readonly string[]): Promise<Found<SalRow>> {
  const { search } = filters;
  if (search !== undefined) {
    const fts = searchSql(db);
    const from = sql`from services_search
      ${fts.joinService}
      join service_at_locations sal on sal.service_id = s.id
      where ${fts.matches(search)} ${classified('s.id', termIds)}`;
    const [count, page] = await Promise.all([
      sql<{ n: number }>`select count(*) as n ${from}`.execute(db),
      sql<SalRow>`select sal.id, sal.service_id, sal.location_id, sal.description ${from}
        order by ${fts.bestFirst(search)}, s.name, sal.id limit ${filters.perPage} offset ${offset(filters)}`.execute(db),
    ]);
    return { total: Number(count.rows[0]?.n ?? 0), rows: page.rows };
  }

  let query = db.selectFrom('service_at_locations as sal').innerJoin('services as s', 's.id', 'sal.service_id');
  if (termIds.length) {
    query = query.where('s.id', 'in', (eb) => eb.selectFrom('attributes').select('service_id').where('taxonomy_term_id', 'in', [...termIds]));
  }
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
 * Services at locations within `metres` of `centre`, nearest first, every match (the caller
 * pages them). A bounding box on the indexed coordinates finds the candidates; haversine keeps
 * those really inside the circle and gives their distances. Locations without coordinates are
 * never near anything.
 */
export async function findNear(
  db: CouncilDb,
  filters: DirectoryFilters,
  termIds: readonly string[],
  centre: Point,
  metres: number,
): Promise<(SalRow & { distance: number })[]> {
  const box = boundingBox(centre, metres);
  // Both indexes are covering (see migration 0003): the candidates never read a table row.
  let query = db
    .selectFrom('locations as l')
    .innerJoin('service_at_locations as sal', 'sal.location_id', 'l.id')
    .select(['sal.id', 'sal.service_id', 'sal.location_id', 'l.latitude', 'l.longitude'])
    .where('l.latitude', '>=', box.minLat)
    .where('l.latitude', '<=', box.maxLat)
    .where('l.longitude', '>=', box.minLng)
    .where('l.longitude', '<=', box.maxLng);
  if (termIds.length) {
    query = query.where('sal.service_id', 'in', (eb) => eb.selectFrom('attributes').select('service_id').where('taxonomy_term_id', 'in', [...termIds]));
  }
  if (filters.search !== undefined) query = query.where(sql<boolean>`${searchSql(db).serviceMatches('sal.service_id', filters.search)}`);

  const near: (SalRow & { distance: number })[] = [];
  for (const { latitude, longitude, ...row } of await query.execute()) {
    if (latitude === null || longitude === null) continue;
    const distance = haversineMetres(centre, { lat: latitude, lng: longitude });
    if (distance <= metres) near.push({ ...row, description: null, distance: Math.round(distance) });
  }
  // Nearest first; ties (one venue, several services) by id, so pages are stable.
  return near.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

/** Every taxonomy term, or only the direct children of `parentId` (lower case). */
export async function findTaxonomyTerms(db: CouncilDb, parentId?: string): Promise<Selectable<TaxonomyTermsTable>[]> {
  let query = db.selectFrom('taxonomy_terms').selectAll();
  if (parentId) query = query.where('parent_id', '=', parentId);
  return query.execute();
}
