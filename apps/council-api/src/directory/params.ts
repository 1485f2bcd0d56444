import { parsePostcode } from '@council-kit/contracts';
import type { FieldError, Parsed } from '../http/fields.js';
import { UUID_PATTERN } from './ids.js';
import { ftsQuery, MAX_SEARCH_LENGTH } from './search-index.js';

/**
 * The ORUK query parameters this API reads, checked one by one so a bad request hears about
 * every problem at once. Each endpoint lists the parameters it honours; any other one is a 400
 * naming it (a harvester must never take a silent full list for a filtered one).
 */

type Query = (name: string) => string | undefined;

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** `minimal=true` items are two short fields: ORUK asks for "all services within one call". */
export const MAX_MINIMAL_PER_PAGE = 10_000;
/** Deep pages cost an OFFSET scan; nobody pages this far through a directory by hand. */
export const MAX_PAGE = 10_000;
/** Furthest `proximity` accepted, in metres (about 62 miles). */
export const MAX_PROXIMITY = 100_000;
/** Most categories one search can ask for. */
const MAX_TERM_IDS = 20;

export interface Paging {
  page: number;
  perPage: number;
  /** `json` (paged) or `ndjson` (every match, one JSON record a line, no paging). */
  format: 'json' | 'ndjson';
}

/** Parameters every paged endpoint honours (`lang`: the answer's language, see localise.ts). */
const PAGED = ['page', 'per_page', 'format', 'lang'] as const;
/** What each endpoint honours (ORUK 3.0 OpenAPI document and the UK profile's filters). */
export const endpointParameters = {
  services: [...PAGED, 'search', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'minimal', 'full',
    'minimum_age', 'maximum_age', 'day', 'start_time', 'end_time', 'postcode', 'proximity'],
  serviceAtLocations: [...PAGED, 'search', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'full',
    'minimum_age', 'maximum_age', 'day', 'start_time', 'end_time', 'postcode', 'proximity'],
  taxonomyTerms: [...PAGED, 'search', 'taxonomy_id', 'top_only', 'parent_id'],
  taxonomies: [...PAGED],
  organizations: [...PAGED, 'search', 'full_service'],
  organization: ['full_service', 'lang'],
  record: ['lang'] as string[],
} as const satisfies Record<string, readonly string[]>;

/** Errors for every query parameter not in `allowed` (and for any given more than once). */
export function unsupportedParameters(names: readonly string[], allowed: readonly string[], repeated: readonly string[] = []): FieldError[] {
  const errors: FieldError[] = [];
  // Named when it looks like a parameter name, and briefly: a hostile query's names (markup,
  // SQL, thousands of them) are never echoed back.
  const nameable = (name: string): boolean => /^[A-Za-z0-9_.[\]-]{1,40}$/.test(name);
  const unknown = [...new Set(names)].filter((name) => !allowed.includes(name)).sort();
  for (const name of unknown.filter(nameable).slice(0, 10)) errors.push({ path: `/${name}`, message: `This feed does not support the parameter ${name}` });
  const unnamed = unknown.filter((name) => !nameable(name)).length + Math.max(0, unknown.filter(nameable).length - 10);
  if (unnamed) errors.push({ path: '/', message: `${unnamed} more parameter${unnamed === 1 ? '' : 's'} this feed does not support (not named here)` });
  for (const name of repeated) errors.push({ path: `/${name}`, message: `Give ${name} once` });
  return errors;
}

/** ORUK days (`day=`): the RRULE BYDAY codes, or the day's English name. */
const DAYS: Record<string, string> = {
  mo: 'MO', tu: 'TU', we: 'WE', th: 'TH', fr: 'FR', sa: 'SA', su: 'SU',
  monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU',
};

export interface DirectoryFilters extends Paging {
  /** The search as an FTS5 query; undefined when there are no words to search for. */
  search?: string;
  /** Any of these terms (or, by the caller, their narrower terms). */
  taxonomyTermIds: string[];
  /** Normalised ("AN1 1AA"). */
  postcode?: string;
  /** Metres from the postcode. */
  proximity?: number;
  /** Lower case UUIDs. */
  organizationId?: string;
  taxonomyId?: string;
  /** `last_modified` on or after this instant (ISO 8601, UTC, milliseconds: as stored). */
  modifiedAfter?: string;
  /** Services whose minimum age is at least this (no minimum counts as 0). */
  minimumAge?: number;
  /** Services whose maximum age is at most this (services with no maximum never match). */
  maximumAge?: number;
  /** RRULE BYDAY code (`MO`…`SU`): a schedule open on this day. */
  day?: string;
  /** `HH:MM`: a schedule opening at or after this time. */
  startTime?: string;
  /** `HH:MM`: a schedule closing at or before this time. */
  endTime?: string;
  /** Only `id` and `last_modified` per service. */
  minimal: boolean;
}

export interface TaxonomyTermFilters extends Paging {
  search?: string;
  taxonomyId?: string;
  parentId?: string;
  topOnly: boolean;
}

export function parsePaging(query: Query, errors: FieldError[], maxPerPage = MAX_PER_PAGE): Paging {
  const format = query('format');
  const paging: Paging = {
    page: wholeNumber(query('page'), '/page', 1, 1, MAX_PAGE, errors),
    perPage: wholeNumber(query('per_page'), '/per_page', DEFAULT_PER_PAGE, 1, maxPerPage, errors),
    format: 'json',
  };
  if (format !== undefined && format !== '' && format !== 'json') {
    if (format === 'ndjson') paging.format = 'ndjson';
    else errors.push({ path: '/format', message: 'Format is json (paged, the default) or ndjson (every result, one a line)' });
  }
  if (paging.format === 'ndjson') {
    for (const name of ['page', 'per_page']) {
      if (query(name) !== undefined) errors.push({ path: `/${name}`, message: `ndjson sends every result without pages: leave out ${name}` });
    }
  }
  return paging;
}

/** A boolean parameter: `true` or `false` (absent: `fallback`). */
export function booleanParameter(query: Query, name: string, errors: FieldError[], fallback = false): boolean {
  const value = query(name);
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  errors.push({ path: `/${name}`, message: `${name} is true or false` });
  return fallback;
}

/** `full` / `full_service`: this feed always sends records fully nested, so only `true` can be honoured. */
function alwaysFull(query: Query, name: string, errors: FieldError[]): void {
  const value = query(name);
  if (value === undefined || value === '' || value === 'true') return;
  errors.push({ path: `/${name}`, message: value === 'false' ? `This feed always sends fully nested records: ${name}=false cannot be honoured` : `${name} is true or false` });
}

/** `full_service` on `/organizations/{id}`. */
export function parseOrganizationQuery(query: Query, errors: FieldError[]): void {
  alwaysFull(query, 'full_service', errors);
}

function uuidParameter(query: Query, name: string, errors: FieldError[]): string | undefined {
  const value = query(name);
  if (value === undefined || value.trim() === '') return undefined;
  if (UUID_PATTERN.test(value.trim())) return value.trim().toLowerCase();
  errors.push({ path: `/${name}`, message: `${name} is a UUID` });
  return undefined;
}

/** `/organizations`: paging and a name search. */
export function parseOrganizationFilters(query: Query): Parsed<Paging & { search?: string }> {
  const errors: FieldError[] = [];
  const paging = parsePaging(query, errors);
  alwaysFull(query, 'full_service', errors);
  const search = query('search');
  if (search !== undefined && search.length > MAX_SEARCH_LENGTH) errors.push({ path: '/search', message: `Search for at most ${MAX_SEARCH_LENGTH} characters` });
  const words = search?.trim();
  return errors.length ? { ok: false, errors } : { ok: true, value: { ...paging, ...(words ? { search: words } : {}) } };
}

/** `/taxonomy_terms`: paging, a search of names, one taxonomy, top-level terms only, one term's children. */
export function parseTaxonomyTermFilters(query: Query): Parsed<TaxonomyTermFilters> {
  const errors: FieldError[] = [];
  const filters: TaxonomyTermFilters = { ...parsePaging(query, errors), topOnly: booleanParameter(query, 'top_only', errors) };
  const search = query('search');
  if (search !== undefined && search.length > MAX_SEARCH_LENGTH) errors.push({ path: '/search', message: `Search for at most ${MAX_SEARCH_LENGTH} characters` });
  else if (search?.trim()) filters.search = search.trim();
  const taxonomyId = uuidParameter(query, 'taxonomy_id', errors);
  if (taxonomyId) filters.taxonomyId = taxonomyId;
  const parentId = uuidParameter(query, 'parent_id', errors);
  if (parentId) filters.parentId = parentId;
  if (filters.topOnly && filters.parentId) errors.push({ path: '/top_only', message: 'Top-level terms have no parent: give top_only or parent_id, not both' });
  return errors.length ? { ok: false, errors } : { ok: true, value: filters };
}

/** `/services` and `/service_at_locations`: every ORUK filter, paging, and postcode/proximity. */
export function parseDirectoryFilters(query: Query, { minimalAllowed = true } = {}): Parsed<DirectoryFilters> {
  const errors: FieldError[] = [];
  const minimal = minimalAllowed ? booleanParameter(query, 'minimal', errors) : false;
  const paging = parsePaging(query, errors, minimal ? MAX_MINIMAL_PER_PAGE : MAX_PER_PAGE);
  const filters: DirectoryFilters = { ...paging, taxonomyTermIds: [], minimal };
  alwaysFull(query, 'full', errors);

  const organizationId = uuidParameter(query, 'organization_id', errors);
  if (organizationId) filters.organizationId = organizationId;
  const taxonomyId = uuidParameter(query, 'taxonomy_id', errors);
  if (taxonomyId) filters.taxonomyId = taxonomyId;

  const modifiedAfter = query('modified_after');
  if (modifiedAfter !== undefined && modifiedAfter.trim() !== '') {
    const instant = parseDateTime(modifiedAfter.trim());
    if (instant) filters.modifiedAfter = instant;
    else errors.push({ path: '/modified_after', message: 'modified_after is an ISO 8601 date-time with its offset, like 2026-03-15T10:30:00Z, or a date' });
  }

  const minimumAge = age(query('minimum_age'), '/minimum_age', errors);
  if (minimumAge !== undefined) filters.minimumAge = minimumAge;
  const maximumAge = age(query('maximum_age'), '/maximum_age', errors);
  if (maximumAge !== undefined) filters.maximumAge = maximumAge;

  const day = query('day');
  if (day !== undefined && day.trim() !== '') {
    const code = DAYS[day.trim().toLowerCase()];
    if (code) filters.day = code;
    else errors.push({ path: '/day', message: 'day is a day of the week: MO, TU, WE, TH, FR, SA, SU, or its name' });
  }
  const startTime = timeOfDay(query('start_time'), '/start_time', errors);
  if (startTime) filters.startTime = startTime;
  const endTime = timeOfDay(query('end_time'), '/end_time', errors);
  if (endTime) filters.endTime = endTime;

  const search = query('search');
  if (search !== undefined) {
    if (search.length > MAX_SEARCH_LENGTH) errors.push({ path: '/search', message: `Search for at most ${MAX_SEARCH_LENGTH} characters` });
    else filters.search = ftsQuery(search);
  }

  const terms = query('taxonomy_term_id');
  if (terms !== undefined && terms.trim() !== '') {
    const ids = [...new Set(terms.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean))];
    if (ids.length > MAX_TERM_IDS) errors.push({ path: '/taxonomy_term_id', message: `Ask for at most ${MAX_TERM_IDS} taxonomy terms` });
    else if (!ids.every((id) => UUID_PATTERN.test(id))) {
      errors.push({ path: '/taxonomy_term_id', message: 'Taxonomy term ids are UUIDs, separated by commas' });
    } else filters.taxonomyTermIds = ids;
  }

  const postcode = query('postcode');
  if (postcode !== undefined && postcode.trim() !== '') {
    const parsed = parsePostcode(postcode);
    if (parsed.ok) filters.postcode = parsed.postcode;
    else errors.push({ path: '/postcode', message: 'Enter a full UK postcode, like AN1 1AA' });
  }

  const proximity = query('proximity');
  if (proximity !== undefined && proximity.trim() !== '') {
    const metres = Number(proximity);
    if (!/^\d+(\.\d+)?$/.test(proximity.trim()) || !(metres > 0) || metres > MAX_PROXIMITY) {
      errors.push({ path: '/proximity', message: `Proximity is a distance in metres, more than 0 and at most ${MAX_PROXIMITY}` });
    } else if (postcode === undefined || postcode.trim() === '') {
      errors.push({ path: '/proximity', message: 'Proximity is measured from a postcode: give the postcode too' });
    } else filters.proximity = metres;
  }

  return errors.length ? { ok: false, errors } : { ok: true, value: filters };
}

/** An ISO 8601 date-time with an offset (or a date: its midnight UTC) as the stored form; undefined if it is not one. */
function parseDateTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i.test(value)) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  // A date that does not exist (2026-02-30) rolls over in Date: refuse it rather than guess.
  if (date.toISOString().slice(0, 10) !== value.slice(0, 10) && !/[+-]\d{2}:?\d{2}$/.test(value)) return undefined;
  return date.toISOString();
}

function age(value: string | undefined, path: string, errors: FieldError[]): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value.trim());
  if (/^\d+(\.\d+)?$/.test(value.trim()) && n <= 150) return n;
  errors.push({ path, message: 'An age is a number of years from 0 to 150' });
  return undefined;
}

/** `HH:MM` (or `HH:MM:SS` with 00 seconds), as the schedules store opening times. */
function timeOfDay(value: string | undefined, path: string, errors: FieldError[]): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)(:00)?$/.exec(value.trim());
  if (match) return `${match[1]}:${match[2]}`;
  errors.push({ path, message: 'A time is HH:MM, 24-hour, like 09:30' });
  return undefined;
}

function wholeNumber(value: string | undefined, path: string, fallback: number, min: number, max: number, errors: FieldError[]): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (/^\d+$/.test(value.trim()) && n >= min && n <= max) return n;
  errors.push({ path, message: `Use a whole number from ${min} to ${max}` });
  return fallback;
}

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
