import { Hono, type Context } from 'hono';
import type { CouncilDb } from '../db/database.js';
import { toTaxonomyTerm, loadLocations, loadServices } from '../directory/hydrate.js';
import { orukPage, type OrukPage, type OrukRoot, type OrukServiceAtLocationItem, type OrukService, type OrukTaxonomyTerm } from '../directory/oruk.js';
import { isUuid, MAX_PROXIMITY, parseDirectoryFilters, parsePaging, type DirectoryFilters, type FieldError } from '../directory/params.js';
import { findNear, findServiceAtLocations, findServices, postcodeCentre, withNarrowerTerms, type SalRow } from '../directory/repository.js';
import type { Point } from '../directory/geo.js';
import { problemResponse, problems } from '../problems.js';

export interface OrukRoutesOptions {
  db: CouncilDb;
}

/** The Open Referral UK profile this API implements. */
export const ORUK_PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

/**
 * Open Referral UK API v3 (read-only subset), mounted at `/oruk`: the directory as public open
 * data. No API key; CORS `*` (see middleware/cors.ts). Text is returned exactly as stored: the
 * elements render it as text, never HTML.
 */
export function orukRoutes({ db }: OrukRoutesOptions): Hono {
  const app = new Hono();

  app.get('/', orukRoot);

  app.get('/services', async (c) => {
    const parsed = parseDirectoryFilters((name) => c.req.query(name));
    if (!parsed.ok) return invalid(parsed.errors);
    const filters = parsed.value;
    const termIds = await withNarrowerTerms(db, filters.taxonomyTermIds);
    if (filters.taxonomyTermIds.length && !termIds.length) return c.json(orukPage([], 0, filters.page, filters.perPage));

    if (filters.postcode) {
      const centre = await postcodeCentre(db, filters.postcode);
      if (!centre) return problemResponse(problems.postcodeNotFound(filters.postcode));
      return c.json(await servicesNear(db, filters, termIds, centre));
    }
    const found = await findServices(db, filters, termIds);
    const services = await loadServices(db, found.rows);
    const contents = found.rows.map((id) => services.get(id)).filter((service): service is OrukService => service !== undefined);
    return c.json(orukPage(contents, found.total, filters.page, filters.perPage));
  });

  app.get('/services/:id', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) return invalid([{ path: '/id', message: 'A service id is a UUID' }]);
    const service = (await loadServices(db, [id.toLowerCase()])).get(id.toLowerCase());
    if (!service) return problemResponse(problems.serviceNotFound());
    return c.json(service);
  });

  app.get('/service_at_locations', async (c) => {
    const parsed = parseDirectoryFilters((name) => c.req.query(name));
    if (!parsed.ok) return invalid(parsed.errors);
    const filters = parsed.value;
    const termIds = await withNarrowerTerms(db, filters.taxonomyTermIds);
    if (filters.taxonomyTermIds.length && !termIds.length) return c.json(orukPage([], 0, filters.page, filters.perPage));

    let found: { total: number; rows: SalRow[] };
    if (filters.postcode) {
      const centre = await postcodeCentre(db, filters.postcode);
      if (!centre) return problemResponse(problems.postcodeNotFound(filters.postcode));
      const near = await findNear(db, filters, termIds, centre, filters.proximity ?? MAX_PROXIMITY);
      const start = (filters.page - 1) * filters.perPage;
      found = { total: near.length, rows: near.slice(start, start + filters.perPage) };
    } else {
      found = await findServiceAtLocations(db, filters, termIds);
    }
    return c.json(await serviceAtLocationsPage(db, found, filters));
  });

  app.get('/taxonomy_terms', async (c) => {
    const errors: FieldError[] = [];
    const paging = parsePaging((name) => c.req.query(name), errors);
    const parentId = c.req.query('parent_id');
    if (parentId !== undefined && parentId !== '' && !isUuid(parentId)) errors.push({ path: '/parent_id', message: 'A taxonomy term id is a UUID' });
    if (errors.length) return invalid(errors);

    let query = db.selectFrom('taxonomy_terms').selectAll();
    if (parentId) query = query.where('parent_id', '=', parentId.toLowerCase());
    const terms = inTreeOrder((await query.execute()).map(toTaxonomyTerm));
    const start = (paging.page - 1) * paging.perPage;
    return c.json(orukPage(terms.slice(start, start + paging.perPage), terms.length, paging.page, paging.perPage));
  });

  return app;
}

/**
 * `GET /oruk/`: which version and profile this is, and where its OpenAPI document lives. Also
 * registered by the app for `/oruk/` with the slash, which a mounted route cannot match.
 */
export function orukRoot(c: Context): Response {
  const body: OrukRoot = {
    version: '3.0',
    profile: ORUK_PROFILE,
    openapi_url: new URL('/oruk/openapi.json', c.req.url).href,
  };
  return c.json(body);
}

/** One problem for every bad parameter; a bad postcode alone gets the address lookup's own type. */
function invalid(errors: FieldError[]): Response {
  if (errors.length === 1 && errors[0]!.path === '/postcode') return problemResponse(problems.invalidPostcode(errors[0]!.message));
  return problemResponse(problems.validation('The request is not valid.', errors));
}

async function serviceAtLocationsPage(
  db: CouncilDb,
  found: { total: number; rows: SalRow[] },
  filters: DirectoryFilters,
): Promise<OrukPage<OrukServiceAtLocationItem>> {
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

/** `/services?postcode=`: each service once, at the distance of its nearest location, nearest first. */
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
