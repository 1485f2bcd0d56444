import type { Context, MiddlewareHandler } from 'hono';
import type { CouncilDb } from '../db/database.js';
import { problemResponse, problems } from '../http/problems.js';

/**
 * The directory in Welsh. ORUK has no bilingual fields, so this API keeps one record per thing
 * and answers in the language asked for, the pattern of bilingual Welsh directories such as
 * DEWIS Cymru (one resource, shown in the page's language, in English where the provider wrote
 * no Welsh) rather than a record per language a harvester would have to pair up again:
 *
 * - Asking: `lang=cy` (or `lang=en`) on any `/oruk` endpoint, else the first language of
 *   `Accept-Language` (which the elements send as the page's language). Answers say
 *   `Content-Language` and `Vary: Accept-Language`.
 * - Answering: a service's and a taxonomy term's `name` and `description` are the Welsh ones
 *   where the directory has them (a Welsh version is always whole: both or neither).
 * - Marking: on a Welsh answer each service, taxonomy term, organisation and location carries
 *   `language` (an extension: ORUK's `languages` lists the languages a service is delivered
 *   in, not the language of its record), the BCP 47 tag of its name and description: `cy`, or
 *   `en` for English kept where there is no Welsh, which the elements put in `lang="en"` so
 *   screen readers read it with English rules. A location's `language` covers its
 *   accessibility notes too. The service's other free text (eligibility, opening-time, cost
 *   and phone notes) has no Welsh version here and is English on every answer: each service
 *   says so in `details_language` (an extension too), so the elements mark that text as well.
 *
 * English answers are sent exactly as before, without `language`.
 */
export type DirectoryLanguage = 'en' | 'cy';

/** `lang` when given (checked by params.ts), else `Accept-Language`'s first language if it is Welsh or English. */
export function requestedLanguage(c: Context): DirectoryLanguage {
  const asked = c.req.query('lang');
  if (asked === 'cy' || asked === 'en') return asked;
  const first = (c.req.header('Accept-Language') ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return first === 'cy' || first.startsWith('cy-') ? 'cy' : 'en';
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** What an endpoint answers with, to know what each object in it is. */
export type AnswerKind = 'services' | 'service' | 'serviceAtLocations' | 'serviceAtLocation' | 'taxonomyTerms' | 'taxonomyTerm' | 'organizations' | 'organization' | 'taxonomies' | 'taxonomy';

/** The kind of answer an `/oruk` path gives, from the path after `/oruk`. */
export function answerKind(path: string): AnswerKind | undefined {
  const [, collection, id] = /^\/([a-z_]+)(?:\/([^/]+))?\/?$/.exec(path) ?? [];
  const kinds: Record<string, [AnswerKind, AnswerKind]> = {
    services: ['services', 'service'],
    service_at_locations: ['serviceAtLocations', 'serviceAtLocation'],
    taxonomy_terms: ['taxonomyTerms', 'taxonomyTerm'],
    organizations: ['organizations', 'organization'],
    taxonomies: ['taxonomies', 'taxonomy'],
  };
  const pair = collection ? kinds[collection] : undefined;
  return pair ? pair[id === undefined ? 0 : 1] : undefined;
}

/** The records of an answer, found by what holds them. */
interface Records {
  services: Json[];
  terms: Json[];
  english: Json[];
}

function collect(node: unknown, kind: AnswerKind, out: Records): void {
  if (!isObject(node)) return;
  const each = (value: unknown, as: AnswerKind): void => objects(value).forEach((item) => collect(item, as, out));
  switch (kind) {
    case 'services':
    case 'serviceAtLocations':
    case 'taxonomyTerms':
    case 'organizations':
    case 'taxonomies':
      return each(node.contents, singular[kind]);
    case 'service':
      // `minimal=true` items (id and last_modified) have no text to translate.
      if (typeof node.name !== 'string') return;
      out.services.push(node);
      collect(node.organization, 'organization', out);
      objects(node.attributes).forEach((attribute) => collect(attribute.taxonomy_term, 'taxonomyTerm', out));
      objects(node.service_at_locations).forEach((link) => isObject(link.location) && out.english.push(link.location));
      return;
    case 'serviceAtLocation':
      collect(node.service, 'service', out);
      if (isObject(node.location)) out.english.push(node.location);
      return;
    case 'taxonomyTerm':
      out.terms.push(node);
      return;
    case 'organization':
      out.english.push(node);
      return each(node.services, 'service');
    case 'taxonomy':
      out.english.push(node);
  }
}

const singular: Record<'services' | 'serviceAtLocations' | 'taxonomyTerms' | 'organizations' | 'taxonomies', AnswerKind> = {
  services: 'service',
  serviceAtLocations: 'serviceAtLocation',
  taxonomyTerms: 'taxonomyTerm',
  organizations: 'organization',
  taxonomies: 'taxonomy',
};

/**
 * Puts the Welsh text into an answer's records, in place, and marks each record's language:
 * two queries (the page's services, its terms) whatever the page's size.
 */
export async function localise(db: CouncilDb, body: unknown, kind: AnswerKind): Promise<void> {
  const records: Records = { services: [], terms: [], english: [] };
  collect(body, kind, records);
  await Promise.all([
    translate(db, 'services', records.services),
    translate(db, 'taxonomy_terms', records.terms),
  ]);
  for (const record of records.english) record.language = 'en';
}

async function translate(db: CouncilDb, table: 'services' | 'taxonomy_terms', records: Json[]): Promise<void> {
  const ids = [...new Set(records.map((record) => String(record.id)))];
  if (!ids.length) return;
  const rows = await db.selectFrom(table).select(['id', 'name_cy', 'description_cy']).where('id', 'in', ids).execute();
  const welsh = new Map(rows.filter((row) => row.name_cy && row.description_cy).map((row) => [row.id, row]));
  for (const record of records) {
    const row = welsh.get(String(record.id));
    if (row) {
      record.name = row.name_cy;
      record.description = row.description_cy;
    }
    record.language = row ? 'cy' : 'en';
    if (table === 'services') record.details_language = 'en';
  }
}

/**
 * Hono middleware for the `/oruk` routes: checks `lang`, then puts a Welsh answer's text in
 * Welsh (paged JSON, one record, or an ndjson stream a chunk at a time). English answers pass
 * through untouched.
 */
export function localiseAnswers(db: CouncilDb): MiddlewareHandler {
  return async (c, next) => {
    const asked = c.req.query('lang');
    if (asked !== undefined && asked !== 'en' && asked !== 'cy') {
      return problemResponse(problems.validation('The request is not valid.', [{ path: '/lang', message: 'lang is en (English) or cy (Welsh)' }]));
    }
    await next();
    c.res.headers.append('Vary', 'Accept-Language');
    const lang = requestedLanguage(c);
    const kind = answerKind(c.req.path.replace(/^\/oruk/, ''));
    if (!kind || c.res.status !== 200) return;
    c.res.headers.set('Content-Language', lang);
    if (lang === 'en') return;
    const type = c.res.headers.get('Content-Type') ?? '';
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    if (type.startsWith('application/json')) {
      const body: unknown = await c.res.json();
      await localise(db, body, kind);
      c.res = new Response(JSON.stringify(body), { status: 200, headers });
    } else if (type.startsWith('application/x-ndjson') && c.res.body) {
      c.res = new Response(c.res.body.pipeThrough(ndjsonInWelsh(db, kind)), { status: 200, headers });
    }
  };
}

/** Each complete line of an ndjson stream localised as one record of the endpoint's items. */
function ndjsonInWelsh(db: CouncilDb, kind: AnswerKind): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let rest = '';
  const flush = async (text: string, controller: TransformStreamDefaultController<Uint8Array>): Promise<void> => {
    const lines = text.split('\n').filter(Boolean);
    if (!lines.length) return;
    const contents = lines.map((line) => JSON.parse(line) as unknown);
    await localise(db, { contents }, kind);
    controller.enqueue(encoder.encode(contents.map((item) => `${JSON.stringify(item)}\n`).join('')));
  };
  return new TransformStream({
    async transform(chunk, controller) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const end = text.lastIndexOf('\n');
      rest = text.slice(end + 1);
      await flush(text.slice(0, end + 1), controller);
    },
    async flush(controller) {
      await flush(rest + decoder.decode(), controller);
    },
  });
}
