import type { HttpClient } from '@council-kit/core';
import { parseOrukCategories, parseOrukPage, parseOrukService, type DirectoryCategory, type DirectoryPage, type DirectoryService, type OrukVersion } from '@council-kit/contracts';
import { serviceAtLocationsPath, servicePath, servicesPath, taxonomiesPath, taxonomyTermsPath } from './endpoints.js';

/** What a resident searched for. The postcode is never written to the page URL. */
export interface DirectoryQuery {
  text: string;
  categories: string[];
  postcode: string;
  /** Miles. */
  distance: number;
  page: number;
}

export const emptyQuery: DirectoryQuery = { text: '', categories: [], postcode: '', distance: 5, page: 1 };

/**
 * A page of services from an ORUK feed of either version. v3 searches with `search` and finds
 * distance through `/service_at_locations`; v1 uses `text`. Everything comes back in the one
 * model. Functions, not methods, so each element bundles only the readers it calls.
 */
export function searchFeed(http: HttpClient, version: OrukVersion, perPage: number, query: DirectoryQuery): Promise<DirectoryPage> {
  return searchRequest(http, version, perPage, query, (json) => readSearch(json, version, query));
}

/**
 * The search request alone, its answer read by `read`: the search element sends it while the
 * code that reads and shows results (`readSearch`) is still loading.
 */
export function searchRequest<T>(http: HttpClient, version: OrukVersion, perPage: number, query: DirectoryQuery, read: (json: unknown) => T): Promise<T> {
  const v1 = version === 'v1';
  const near = query.postcode ? { postcode: query.postcode, proximity: Math.round(query.distance * 1609.344) } : {};
  const params = {
    [v1 ? 'text' : 'search']: query.text || undefined,
    [v1 ? 'taxonomy_id' : 'taxonomy_term_id']: query.categories.join(',') || undefined,
    page: query.page,
    per_page: perPage,
    ...near,
  };
  return http.get(!v1 && query.postcode ? serviceAtLocationsPath : servicesPath, { key: 'search', query: params, read });
}

/** Reads a search's answer: a page of services, nearest first when searched near a postcode. */
export function readSearch(json: unknown, version: OrukVersion, query: DirectoryQuery): DirectoryPage {
  const page = parseOrukPage(json, version);
  // ORUK has no sort parameter: order what we have nearest first.
  if (query.postcode) page.items.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
  return page;
}

/** One service, in full. */
export function feedService(http: HttpClient, id: string): Promise<DirectoryService> {
  return http.get(servicePath(id), { key: 'service', read: (json) => parseOrukService(json) });
}

/** The taxonomy terms residents filter by. */
export function feedCategories(http: HttpClient, version: OrukVersion): Promise<DirectoryCategory[]> {
  // v1 feeds publish their terms at /taxonomies.
  return http.get(version === 'v1' ? taxonomiesPath : taxonomyTermsPath, { key: 'categories', query: { per_page: 100 }, read: parseOrukCategories });
}

/** Speaks to an ORUK feed of either version (`searchFeed`, `feedService`, `feedCategories` as one object). */
export class OrukFeed {
  constructor(
    private readonly http: HttpClient,
    private readonly version: OrukVersion,
    private readonly perPage: number,
  ) {}

  search(query: DirectoryQuery): Promise<DirectoryPage> {
    return searchFeed(this.http, this.version, this.perPage, query);
  }

  service(id: string): Promise<DirectoryService> {
    return feedService(this.http, id);
  }

  categories(): Promise<DirectoryCategory[]> {
    return feedCategories(this.http, this.version);
  }
}

/**
 * Where the last results page was, and the postcode it searched near (kept out of the URL, so
 * "Back to results", a plain link, can still bring the nearest-first search back). Session only.
 */
const LAST_SEARCH = 'council-kit:directory:last-search';
const LAST_POSTCODE = 'council-kit:directory:last-postcode';

export function rememberSearch(url: string, postcode: string): void {
  try {
    sessionStorage.setItem(LAST_SEARCH, url);
    sessionStorage.setItem(LAST_POSTCODE, postcode);
  } catch {
    /* storage disabled: Back to results falls back to the configured page */
  }
}

export function lastSearch(): string | null {
  try {
    return sessionStorage.getItem(LAST_SEARCH);
  } catch {
    return null;
  }
}

/** The postcode of the remembered search, when `url` is that search. */
export function lastPostcode(url: string): string {
  return (lastSearch() === url && sessionStorage.getItem(LAST_POSTCODE)) || '';
}
