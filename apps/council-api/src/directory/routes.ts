import { Hono, type Context } from 'hono';
import type { CouncilDb } from '../db/database.js';
import type { FieldError } from '../http/fields.js';
import { problemResponse, problems } from '../http/problems.js';
import type { OrukRoot } from './oruk.js';
import { isUuid, parseDirectoryFilters, parsePaging } from './params.js';
import { directoryProblems } from './problems.js';
import { findService, listTaxonomyTerms, searchServiceAtLocations, searchServices, type DirectoryAnswer } from './service.js';

export interface OrukRoutesOptions {
  db: CouncilDb;
}

/** The Open Referral UK profile this API implements. */
export const ORUK_PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

/**
 * Open Referral UK API v3 (read-only subset), mounted at `/oruk`: the directory as public open
 * data. No API key; CORS `*` (see http/middleware/cors.ts). Text is returned exactly as stored:
 * the elements render it as text, never HTML. Parameters are read here; `service.ts` answers.
 */
export function orukRoutes({ db }: OrukRoutesOptions): Hono {
  const app = new Hono();

  app.get('/', orukRoot);

  app.get('/services', async (c) => {
    const parsed = parseDirectoryFilters((name) => c.req.query(name));
    if (!parsed.ok) return invalid(parsed.errors);
    return send(c, await searchServices(db, parsed.value));
  });

  app.get('/services/:id', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) return invalid([{ path: '/id', message: 'A service id is a UUID' }]);
    const service = await findService(db, id);
    if (!service) return problemResponse(directoryProblems.serviceNotFound());
    return c.json(service);
  });

  app.get('/service_at_locations', async (c) => {
    const parsed = parseDirectoryFilters((name) => c.req.query(name));
    if (!parsed.ok) return invalid(parsed.errors);
    return send(c, await searchServiceAtLocations(db, parsed.value));
  });

  app.get('/taxonomy_terms', async (c) => {
    const errors: FieldError[] = [];
    const paging = parsePaging((name) => c.req.query(name), errors);
    const parentId = c.req.query('parent_id');
    if (parentId !== undefined && parentId !== '' && !isUuid(parentId)) errors.push({ path: '/parent_id', message: 'A taxonomy term id is a UUID' });
    if (errors.length) return invalid(errors);
    return c.json(await listTaxonomyTerms(db, paging, parentId || undefined));
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

function send<T extends object>(c: Context, answer: DirectoryAnswer<T>): Response {
  return 'problem' in answer ? problemResponse(answer.problem) : c.json(answer.body);
}

/** One problem for every bad parameter; a bad postcode alone gets the address lookup's own type. */
function invalid(errors: FieldError[]): Response {
  if (errors.length === 1 && errors[0]!.path === '/postcode') return problemResponse(problems.invalidPostcode(errors[0]!.message));
  return problemResponse(problems.validation('The request is not valid.', errors));
}
