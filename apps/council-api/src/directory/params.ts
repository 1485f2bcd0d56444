import { parsePostcode } from '@council-kit/contracts';
import type { FieldError, Parsed } from '../http/fields.js';
import { UUID_PATTERN } from './ids.js';
import { ftsQuery, MAX_SEARCH_LENGTH } from './search-index.js';

/**
 * The ORUK query parameters this API reads, checked one by one so a bad request hears about
 * every problem at once. Parameters it does not know (`format`, `full`…) are ignored, as ORUK
 * clients send them freely.
 */

type Query = (name: string) => string | undefined;

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Deep pages cost an OFFSET scan; nobody pages this far through a directory by hand. */
export const MAX_PAGE = 10_000;
/** Furthest `proximity` accepted, in metres (about 62 miles). */
export const MAX_PROXIMITY = 100_000;
/** Most categories one search can ask for. */
const MAX_TERM_IDS = 20;

export interface Paging {
  page: number;
  perPage: number;
}

export interface DirectoryFilters extends Paging {
  /** The search as an FTS5 query; undefined when there are no words to search for. */
  search?: string;
  /** Any of these terms (or, by the caller, their narrower terms). */
  taxonomyTermIds: string[];
  /** Normalised ("AN1 1AA"). */
  postcode?: string;
  /** Metres from the postcode. */
  proximity?: number;
}

export function parsePaging(query: Query, errors: FieldError[]): Paging {
  return {
    page: wholeNumber(query('page'), '/page', 1, 1, MAX_PAGE, errors),
    perPage: wholeNumber(query('per_page'), '/per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE, errors),
  };
}

/** `/services` and `/service_at_locations`: search, categories, paging, and postcode/proximity. */
export function parseDirectoryFilters(query: Query): Parsed<DirectoryFilters> {
  const errors: FieldError[] = [];
  const paging = parsePaging(query, errors);
  const filters: DirectoryFilters = { ...paging, taxonomyTermIds: [] };

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
