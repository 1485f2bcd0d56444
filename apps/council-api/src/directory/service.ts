import type { Problem } from '@council-kit/contracts';
import type { CouncilDb } from '../db/database.js';
import { loadLocations, loadServices, toTaxonomyTerm } from './hydrate.js';
import { taxonomyUuid } from './ids.js';
import {
  orukPage,
  present,
  type OrukMinimal,
  type OrukOrganization,
  type OrukOrganizationWithServices,
  type OrukPage,
  type OrukService,
  type OrukServiceAtLocationItem,
  type OrukTaxonomy,
  type OrukTaxonomyTerm,
} from './oruk.js';
import { MAX_PROXIMITY, type DirectoryFilters, type Paging, type TaxonomyTermFilters } from './params.js';
import { directoryProblems } from './problems.js';
import { withSearchQuery } from './search-query.js';
import {
  findLastModified,
  findNear,
  findServicesNear,
  findOrganization,
  findOrganizations,
  findOrganizationServiceIds,
  findServiceAtLocation,
  findServiceAtLocations,
  findServices,
  findTaxonomyNames,
  findTaxonomyTerms,
  postcodeCentre,
  withNarrowerTerms,
  type Found,
  type SalRow,
  type ServiceScope,
} from './repository.js';

/**
 * The directory's answers, from checked parameters: the repository finds the page's ids (by
 * search, category and distance), `hydrate` builds the nested ORUK records for just that page.
 * The routes only read parameters and send what these return.
 */

/** A page to send, or a problem (a postcode nobody knows the place of). */
export type DirectoryAnswer<T> = { body: T } | { problem: Problem };

/**
 * The services the filters allow, or undefined when nothing can match (a category or taxonomy
 * this directory does not have): then the answer is an empty page, never the full list.
 */
async function resolveScope(db: CouncilDb, filters: DirectoryFilters): Promise<ServiceScope | undefined> {
  const termIds = await withNarrowerTerms(db, filters.taxonomyTermIds);
  if (filters.taxonomyTermIds.length && !termIds.length) return undefined;
  let taxonomy: string | undefined;
  if (filters.taxonomyId !== undefined) {
    taxonomy = (await findTaxonomyNames(db)).find((name) => taxonomyUuid(name) === filters.taxonomyId);
    if (taxonomy === undefined) return undefined;
  }
  const { organizationId, modifiedAfter, minimumAge, maximumAge, day, startTime, endTime } = filters;
  return present<ServiceScope>({ termIds, taxonomy, organizationId, modifiedAfter, minimumAge, maximumAge, day, startTime, endTime });
}

/** `/services`: by best match or name; with a postcode, each service once at its nearest location, nearest first. `minimal`: id and last_modified only. */
export async function searchServices(db: CouncilDb, asked: DirectoryFilters): Promise<DirectoryAnswer<OrukPage<OrukService | OrukMinimal>>> {
  const filters = await withSearchQuery(db, asked);
  const scope = await resolveScope(db, filters);
  if (!scope) return { body: orukPage([], 0, filters.page, filters.perPage) };

  let found: Found<string>;
  let distances = new Map<string, number>();
  if (filters.postcode) {
    const centre = await postcodeCentre(db, filters.postcode);
    if (!centre) return { problem: directoryProblems.postcodeNotFound(filters.postcode) };
    const near = await findServicesNear(db, filters, scope, centre, filters.proximity ?? MAX_PROXIMITY);
    distances = new Map(near.rows.map((row) => [row.service_id, row.distance]));
    found = { total: near.total, rows: near.rows.map((row) => row.service_id) };
  } else {
    found = await findServices(db, filters, scope);
  }

  if (filters.minimal) {
    const modified = await findLastModified(db, found.rows);
    const contents = found.rows.flatMap((id): OrukMinimal[] => (modified.has(id) ? [{ id, last_modified: modified.get(id)! }] : []));
    return { body: orukPage(contents, found.total, filters.page, filters.perPage) };
  }
  const services = await loadServices(db, found.rows);
  const contents = found.rows.flatMap((id): OrukService[] => {
    const service = services.get(id);
    if (!service) return [];
    return [distances.has(id) ? { ...service, distance: distances.get(id)! } : service];
  });
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
  asked: DirectoryFilters,
): Promise<DirectoryAnswer<OrukPage<OrukServiceAtLocationItem>>> {
  const filters = await withSearchQuery(db, asked);
  const scope = await resolveScope(db, filters);
  if (!scope) return { body: orukPage([], 0, filters.page, filters.perPage) };

  let found: Found<SalRow>;
  if (filters.postcode) {
    const centre = await postcodeCentre(db, filters.postcode);
    if (!centre) return { problem: directoryProblems.postcodeNotFound(filters.postcode) };
    found = await findNear(db, filters, scope, centre, filters.proximity ?? MAX_PROXIMITY);
  } else {
    found = await findServiceAtLocations(db, filters, scope);
  }
  const contents = await serviceAtLocationItems(db, found.rows);
  return { body: orukPage(contents, found.total, filters.page, filters.perPage) };
}

/** `/service_at_locations/{id}`: one service at one location, fully nested. */
export async function findServiceAtLocationItem(db: CouncilDb, id: string): Promise<OrukServiceAtLocationItem | undefined> {
  const row = await findServiceAtLocation(db, id.toLowerCase());
  return row ? (await serviceAtLocationItems(db, [row]))[0] : undefined;
}

/** `/taxonomy_terms`: the terms (of one taxonomy, top-level only, or one term's children; names matching a search) in tree order, a page at a time. */
export async function listTaxonomyTerms(db: CouncilDb, filters: TaxonomyTermFilters): Promise<OrukPage<OrukTaxonomyTerm>> {
  let taxonomy: string | undefined;
  if (filters.taxonomyId !== undefined) {
    taxonomy = (await findTaxonomyNames(db)).find((name) => taxonomyUuid(name) === filters.taxonomyId);
    if (taxonomy === undefined) return orukPage([], 0, filters.page, filters.perPage);
  }
  const rows = await findTaxonomyTerms(db, present({ parentId: filters.parentId, taxonomy, topOnly: filters.topOnly }));
  let terms = inTreeOrder(rows.map(toTaxonomyTerm));
  if (filters.search !== undefined) {
    const words = filters.search.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
    terms = terms.filter((term) => {
      const text = `${term.name} ${term.description} ${term.code}`.toLocaleLowerCase('en-GB');
      return words.every((word) => text.includes(word));
    });
  }
  const start = (filters.page - 1) * filters.perPage;
  return orukPage(terms.slice(start, start + filters.perPage), terms.length, filters.page, filters.perPage);
}

/** `/taxonomy_terms/{id}`. */
export async function findTaxonomyTerm(db: CouncilDb, id: string): Promise<OrukTaxonomyTerm | undefined> {
  const [row] = await findTaxonomyTerms(db, { id: id.toLowerCase() });
  return row ? toTaxonomyTerm(row) : undefined;
}

/** Every taxonomy the terms come from, by name. */
async function taxonomies(db: CouncilDb): Promise<OrukTaxonomy[]> {
  return (await findTaxonomyNames(db)).map((name) => ({
    id: taxonomyUuid(name),
    name,
    description: `The categories of the ${name} directory, in two levels: broad categories and the narrower ones services are classified under.`,
  }));
}

/** `/taxonomies`. */
export async function listTaxonomies(db: CouncilDb, paging: Paging): Promise<OrukPage<OrukTaxonomy>> {
  const all = await taxonomies(db);
  const start = (paging.page - 1) * paging.perPage;
  return orukPage(all.slice(start, start + paging.perPage), all.length, paging.page, paging.perPage);
}

/** `/taxonomies/{id}`. */
export async function findTaxonomy(db: CouncilDb, id: string): Promise<OrukTaxonomy | undefined> {
  return (await taxonomies(db)).find((taxonomy) => taxonomy.id === id.toLowerCase());
}

/** `/organizations`: by name, a page at a time (each without its services: ask `/organizations/{id}`). */
export async function listOrganizations(db: CouncilDb, paging: Paging & { search?: string }): Promise<OrukPage<OrukOrganization>> {
  const found = await findOrganizations(db, paging, paging.search);
  const contents = found.rows.map((row) => present<OrukOrganization>({ id: row.id, name: row.name, description: row.description, email: row.email, website: row.website }));
  return orukPage(contents, found.total, paging.page, paging.perPage);
}

/** `/organizations/{id}`: the organisation with every service it runs, fully nested. */
export async function findOrganizationWithServices(db: CouncilDb, id: string): Promise<OrukOrganizationWithServices | undefined> {
  const row = await findOrganization(db, id.toLowerCase());
  if (!row) return undefined;
  const ids = await findOrganizationServiceIds(db, row.id);
  const services = await loadServices(db, ids);
  return {
    ...present<OrukOrganization>({ id: row.id, name: row.name, description: row.description, email: row.email, website: row.website }),
    services: ids.flatMap((serviceId) => services.get(serviceId) ?? []),
  };
}

async function serviceAtLocationItems(db: CouncilDb, rows: SalRow[]): Promise<OrukServiceAtLocationItem[]> {
  const [services, locations] = await Promise.all([
    loadServices(db, [...new Set(rows.map((row) => row.service_id))], { withLocations: false }),
    loadLocations(db, [...new Set(rows.map((row) => row.location_id))]),
  ]);
  const contents: OrukServiceAtLocationItem[] = [];
  for (const row of rows) {
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
  return contents;
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
