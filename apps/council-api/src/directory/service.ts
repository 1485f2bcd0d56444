import type { Problem } from '@council-kit/contracts';
import type { CouncilDb } from '../db/database.js';
import type { Point } from './geo.js';
import { loadLocations, loadServices, toTaxonomyTerm } from './hydrate.js';
import { orukPage, type OrukPage, type OrukService, type OrukServiceAtLocationItem, type OrukTaxonomyTerm } from './oruk.js';
import { MAX_PROXIMITY, type DirectoryFilters, type Paging } from './params.js';
import { directoryProblems } from './problems.js';
import {
  findNear,
  findServiceAtLocations,
  findServices,
  findTaxonomyTerms,
  postcodeCentre,
  withNarrowerTerms,
  type Found,
  type SalRow,
} from './repository.js';

/**
 * The directory's answers, from checked parameters: the repository finds the page's ids (by
 * search, category and distance), `hydrate` builds the nested ORUK records for just that page.
 * The routes only read parameters and send what these return.
 */

/** A page to send, or a problem (a postcode nobody knows the place of). */
export type DirectoryAnswer<T> = { body: T } | { problem: Problem };

/** `/services`: by best match or name; with a postcode, each service once at its nearest location, nearest first. */
export async function searchServices(db: CouncilDb, filters: DirectoryFilters): Promise<DirectoryAnswer<OrukPage<OrukService>>> {
  const termIds = await withNarrowerTerms(db, filters.taxonomyTermIds);
  if (filters.taxonomyTermIds.length && !termIds.length) return { body: orukPage([], 0, filters.page, filters.perPage) };

  if (filters.postcode) {
    const centre = await postcodeCentre(db, filters.postcode);
    if (!centre) return { problem: directoryProblems.postcodeNotFound(filters.postcode) };
    return { body: await servicesNear(db, filters, termIds, centre) };
  }
  const found = await findServices(db, filters, termIds);
  const services = await loadServices(db, found.rows);
  const contents = found.rows.map((id) => services.get(id)).filter((service): service is OrukService => service !== undefined);
  return { body: orukPage(contents, found.total, filters.page, filters.perPage) };
}

/** `/services/{id}`: one service, fully nested; undefined when the directory has none with this id. */
export async function findService(db: CouncilDb, id: string): Promise<OrukService | undefined> {
  const key = id.toLowerCase();
  return (await loadServices(db, [key])).get(key);
}

/** `/service_at_locations`: each service at each of its locations; with a postcode, nearest first. */
export async function searchServiceAtLocations(
  db: CouncilDb,
  filters: DirectoryFilters,
): Promise<DirectoryAnswer<OrukPage<OrukServiceAtLocationItem>>> {
  const termIds = await withNarrowerTerms(db, filters.taxonomyTermIds);
  if (filters.taxonomyTermIds.length && !termIds.length) return { body: orukPage([], 0, filters.page, filters.perPage) };

  let found: Found<SalRow>;
  if (filters.postcode) {
    const centre = await postcodeCentre(db, filters.postcode);
    if (!centre) return { problem: directoryProblems.postcodeNotFound(filters.postcode) };
    const near = await findNear(db, filters, termIds, centre, filters.proximity ?? MAX_PROXIMITY);
    const start = (filters.page - 1) * filters.perPage;
    found = { total: near.length, rows: near.slice(start, start + filters.perPage) };
  } else {
    found = await findServiceAtLocations(db, filters, termIds);
  }
  return { body: await serviceAtLocationsPage(db, found, filters) };
}

/** `/taxonomy_terms`: the terms (or one term's children) in tree order, a page at a time. */
export async function listTaxonomyTerms(db: CouncilDb, paging: Paging, parentId?: string): Promise<OrukPage<OrukTaxonomyTerm>> {
  const terms = inTreeOrder((await findTaxonomyTerms(db, parentId?.toLowerCase())).map(toTaxonomyTerm));
  const start = (paging.page - 1) * paging.perPage;
  return orukPage(terms.slice(start, start + paging.perPage), terms.length, paging.page, paging.perPage);
}

async function serviceAtLocationsPage(db: CouncilDb, found: Found<SalRow>, filters: DirectoryFilters): Promise<OrukPage<OrukServiceAtLocationItem>> {
  const [services, locations] = await Promise.all([
    loadServices(db, [...new Set(found.rows.map((row) => row.service_id))], { withLocations: false }),
    loadLocations(db, [...new Set(found.rows.map((row) => row.location_id))]),
  ]);
  const contents: OrukServiceAtLocationItem[] = [];
  for (const row of found.rows) {
    const service = services.get(row.service_id);
    const location = locations.get(row.location_id);
    if (!service || !location) continue;
    contents.push({
      id: row.id,
      service_id: row.service_id,
      location_id: row.location_id,
      ...(row.description ? { description: row.description } : {}),
      service,
      location,
      ...(row.distance === undefined ? {} : { distance: row.distance }),
    });
  }
  return orukPage(contents, found.total, filters.page, filters.perPage);
}

/** Each service once, at the distance of its nearest location, nearest first. */
async function servicesNear(db: CouncilDb, filters: DirectoryFilters, termIds: readonly string[], centre: Point): Promise<OrukPage<OrukService>> {
  const nearest = new Map<string, number>();
  for (const row of await findNear(db, filters, termIds, centre, filters.proximity ?? MAX_PROXIMITY)) {
    if (!nearest.has(row.service_id)) nearest.set(row.service_id, row.distance);
  }
  const ids = [...nearest.keys()];
  const start = (filters.page - 1) * filters.perPage;
  const page = ids.slice(start, start + filters.perPage);
  const services = await loadServices(db, page);
  const contents = page.flatMap((id) => {
    const service = services.get(id);
    return service ? [{ ...service, distance: nearest.get(id)! }] : [];
  });
  return orukPage(contents, ids.length, filters.page, filters.perPage);
}

/** Broader terms first, each followed by its narrower ones, by name at each level. */
function inTreeOrder(terms: OrukTaxonomyTerm[]): OrukTaxonomyTerm[] {
  const byName = (a: OrukTaxonomyTerm, b: OrukTaxonomyTerm): number => a.name.localeCompare(b.name, 'en-GB');
  const ids = new Set(terms.map((term) => term.id));
  const out: OrukTaxonomyTerm[] = [];
  const visit = (term: OrukTaxonomyTerm): void => {
    out.push(term);
    terms.filter((child) => child.parent_id === term.id).sort(byName).forEach(visit);
  };
  terms.filter((term) => !term.parent_id || !ids.has(term.parent_id)).sort(byName).forEach(visit);
  return out;
}
