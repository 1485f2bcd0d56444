import type { HttpClient } from '@council-kit/core';
import { parseOrukCategories, type DirectoryCategory, type OrukVersion } from '@council-kit/contracts';
import { serviceAtLocationsPath, servicesPath, taxonomiesPath, taxonomyTermsPath } from './endpoints.js';

/*
 * What the search form sends before any result is read: the search request and the categories.
 * Apart from the service readers (feed.ts), so the form loads without them (a module goes whole
 * to one chunk); the results bring those with them.
 */

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
 * The search request alone, its answer read by `read`: the search element sends it while the
 * code that reads and shows results (`readSearch`) is still loading. `lang` is the page's
 * language, sent as `Accept-Language`: a feed with Welsh text (the council API's) answers in it.
 */
export function searchRequest<T>(http: HttpClient, version: OrukVersion, perPage: number, query: DirectoryQuery, read: (json: unknown) => T, lang = 'en'): Promise<T> {
  const v1 = version === 'v1';
  const near = query.postcode ? { postcode: query.postcode, proximity: Math.round(query.distance * 1609.344) } : {};
  const params = {
    [v1 ? 'text' : 'search']: query.text || undefined,
    [v1 ? 'taxonomy_id' : 'taxonomy_term_id']: query.categories.join(',') || undefined,
    page: query.page,
    per_page: perPage,
    ...near,
  };
  return http.get(!v1 && query.postcode ? serviceAtLocationsPath : servicesPath, { key: 'search', query: params, read, headers: { 'Accept-Language': lang } });
}

/** The taxonomy terms residents filter by, in the page's language where the feed has it. */
export function feedCategories(http: HttpClient, version: OrukVersion, lang = 'en'): Promise<DirectoryCategory[]> {
  // v1 feeds publish their terms at /taxonomies.
  return http.get(version === 'v1' ? taxonomiesPath : taxonomyTermsPath, { key: 'categories', query: { per_page: 100 }, read: parseOrukCategories, headers: { 'Accept-Language': lang } });
}
