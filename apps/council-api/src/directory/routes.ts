import { Hono, type Context } from 'hono';
import type { CouncilDb } from '../db/database.js';
import type { FieldError } from '../http/fields.js';
import { problemResponse, problems } from '../http/problems.js';
import type { OrukRoot } from './oruk.js';
import type { OrukPage } from './oruk.js';
import {
  endpointParameters,
  isUuid,
  MAX_MINIMAL_PER_PAGE,
  MAX_PER_PAGE,
  parseDirectoryFilters,
  parseOrganizationFilters,
  parseOrganizationQuery,
  parsePaging,
  parseTaxonomyTermFilters,
  unsupportedParameters,
} from './params.js';
import { localiseAnswers } from './localise.js';
import { directoryProblems } from './problems.js';
import {
  findOrganizationWithServices,
  findService,
  findServiceAtLocationItem,
  findTaxonomy,
  findTaxonomyTerm,
  listOrganizations,
  listTaxonomies,
  listTaxonomyTerms,
  searchServiceAtLocations,
  searchServices,
  type DirectoryAnswer,
} from './service.js';

export interface OrukRoutesOptions {
  db: CouncilDb;
}

/** The Open Referral UK profile this API implements. */
export const ORUK_PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

/**
 * Open Referral UK API v3 (every endpoint of the ORUK 3.0 OpenAPI document), mounted at `/oruk`: the directory as public open
 * data. No API key; CORS `*` (see http/middleware/cors.ts). Text is returned exactly as stored:
 * the elements render it as text, never HTML. Parameters are read here; `service.ts` answers.
 */
export function orukRoutes({ db }: OrukRoutesOptions): Hono {
  const app = new Hono();
  // Welsh answers (lang=cy or Accept-Language: cy): see localise.ts.
  app.use('*', localiseAnswers(db));

  app.get('/', orukRoot);

  app.get('/services', async (c) => {
    const parsed = parseDirectoryFilters(queryOf(c));
    const errors = [...checkNames(c, endpointParameters.services), ...(parsed.ok ? [] : parsed.errors)];
    if (!parsed.ok || errors.length) return invalid(errors);
    const filters = parsed.value;
    if (filters.format === 'ndjson') return ndjson(c, (page, perPage) => searchServices(db, { ...filters, page, perPage }), filters.minimal ? MAX_MINIMAL_PER_PAGE : MAX_PER_PAGE);
    return send(c, await searchServices(db, filters));
  });

  app.get('/services/:id', async (c) => {
    const id = c.req.param('id');
    const errors = checkNames(c, endpointParameters.record);
    if (!isUuid(id)) errors.unshift({ path: '/id', message: 'A service id is a UUID' });
    if (errors.length) return invalid(errors);
    const service = await findService(db, id);
    if (!service) return problemResponse(directoryProblems.serviceNotFound());
    return c.json(service);
  });

  app.get('/service_at_locations', async (c) => {
    const parsed = parseDirectoryFilters(queryOf(c), { minimalAllowed: false });
    const errors = [...checkNames(c, endpointParameters.serviceAtLocations), ...(parsed.ok ? [] : parsed.errors)];
    if (!parsed.ok || errors.length) return invalid(errors);
    const filters = parsed.value;
    if (filters.format === 'ndjson') return ndjson(c, (page, perPage) => searchServiceAtLocations(db, { ...filters, page, perPage }), MAX_PER_PAGE);
    return send(c, await searchServiceAtLocations(db, filters));
  });

  app.get('/service_at_locations/:id', async (c) => {
    return record(c, 'service at location', (id) => findServiceAtLocationItem(db, id));
  });

  app.get('/taxonomy_terms', async (c) => {
    const parsed = parseTaxonomyTermFilters(queryOf(c));
    const errors = [...checkNames(c, endpointParameters.taxonomyTerms), ...(parsed.ok ? [] : parsed.errors)];
    if (!parsed.ok || errors.length) return invalid(errors);
    const filters = parsed.value;
    if (filters.format === 'ndjson') return ndjson(c, async (page, perPage) => ({ body: await listTaxonomyTerms(db, { ...filters, page, perPage }) }), MAX_PER_PAGE);
    return c.json(await listTaxonomyTerms(db, filters));
  });

  app.get('/taxonomy_terms/:id', (c) => record(c, 'taxonomy term', (id) => findTaxonomyTerm(db, id)));

  app.get('/taxonomies', async (c) => {
    const errors = checkNames(c, endpointParameters.taxonomies);
    const paging = parsePaging(queryOf(c), errors);
    if (errors.length) return invalid(errors);
    if (paging.format === 'ndjson') return ndjson(c, async (page, perPage) => ({ body: await listTaxonomies(db, { ...paging, page, perPage }) }), MAX_PER_PAGE);
    return c.json(await listTaxonomies(db, paging));
  });

  app.get('/taxonomies/:id', (c) => record(c, 'taxonomy', (id) => findTaxonomy(db, id)));

  app.get('/organizations', async (c) => {
    const parsed = parseOrganizationFilters(queryOf(c));
    const errors = [...checkNames(c, endpointParameters.organizations), ...(parsed.ok ? [] : parsed.errors)];
    if (!parsed.ok || errors.length) return invalid(errors);
    const filters = parsed.value;
    if (filters.format === 'ndjson') return ndjson(c, async (page, perPage) => ({ body: await listOrganizations(db, { ...filters, page, perPage }) }), MAX_PER_PAGE);
    return c.json(await listOrganizations(db, filters));
  });

  app.get('/organizations/:id', (c) => {
    const errors: FieldError[] = [];
    parseOrganizationQuery(queryOf(c), errors);
    return record(c, 'organization', (id) => findOrganizationWithServices(db, id), endpointParameters.organization, errors);
  });

  return app;
}

type Query = (name: string) => string | undefined;
const queryOf = (c: Context): Query => (name) => c.req.query(name);

/** Every query parameter the endpoint does not honour, and any given twice: a 400, never a silently unfiltered list. */
function checkNames(c: Context, allowed: readonly string[]): FieldError[] {
  const all = c.req.queries();
  const repeated = Object.entries(all).filter(([name, values]) => allowed.includes(name) && values.length > 1).map(([name]) => name);
  return unsupportedParameters(Object.keys(all), allowed, repeated);
}

/** An `{id}` endpoint: a UUID, no parameters but `allowed`, then the record or a 404 naming the kind. */
async function record<T extends object>(
  c: Context,
  kind: string,
  find: (id: string) => Promise<T | undefined>,
  allowed: readonly string[] = endpointParameters.record,
  errors: FieldError[] = [],
): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const all = [...(isUuid(id) ? [] : [{ path: '/id', message: `A ${kind} id is a UUID` }]), ...checkNames(c, allowed), ...errors];
  if (all.length) return invalid(all);
  const found = await find(id);
  return found ? c.json(found) : problemResponse(directoryProblems.notFound(kind));
}

/**
 * `format=ndjson`: every result, one JSON record a line, without paging (ORUK: "stream all the
 * results without pagination"), read a page at a time so memory stays flat however big the feed.
 */
async function ndjson<T extends object>(
  c: Context,
  pageOf: (page: number, perPage: number) => Promise<DirectoryAnswer<OrukPage<T>>>,
  perPage: number,
): Promise<Response> {
  const first = await pageOf(1, perPage);
  if ('problem' in first) return problemResponse(first.problem);
  const encoder = new TextEncoder();
  let next: OrukPage<T> | undefined = first.body;
  let page = 1;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!next) {
        page += 1;
        const answer = await pageOf(page, perPage);
        next = 'problem' in answer ? undefined : answer.body;
      }
      const body: OrukPage<T> | undefined = next;
      next = undefined;
      if (body?.contents.length) controller.enqueue(encoder.encode(body.contents.map((item) => `${JSON.stringify(item)}\n`).join('')));
      if (!body || body.last_page || !body.contents.length) controller.close();
    },
  });
  return c.body(stream, 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' });
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

function send<T extends object>(c: Context, answer: DirectoryAnswer<T>): Response {
  return 'problem' in answer ? problemResponse(answer.problem) : c.json(answer.body);
}

/** One problem for every bad parameter; a bad postcode alone gets the address lookup's own type. */
function invalid(errors: FieldError[]): Response {
  if (errors.length === 1 && errors[0]!.path === '/postcode') return problemResponse(problems.invalidPostcode(errors[0]!.message));
  return problemResponse(problems.validation('The request is not valid.', errors));
}
