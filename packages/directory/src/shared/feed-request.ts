import type { HttpClient } from '@council-kit/core';
import { detectOrukVersion, parseOrukCategories, rootOrukVersion, type DirectoryCategory, type OrukVersion } from '@council-kit/contracts';
import { servicesPath, taxonomiesPath, taxonomyTermsPath } from './endpoints.js';

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

/** No search yet: the form as it starts. */
export const emptyQuery: DirectoryQuery = { text: '', categories: [], postcode: '', distance: 5, page: 1 };

/** A feed version once known. */
export type KnownVersion = Exclude<OrukVersion, 'auto'>;

/** Each client's feed version, asked once and kept while the page lives (a failed probe is asked again). */
const versions = new WeakMap<HttpClient, Promise<KnownVersion>>();

/**
 * The feed's version: as configured, or for `auto` what its root declares (`GET {api-base}/`
 * answers `{ "version": "3.0" }` on ORUK v3), else the paging shape of a one-service page (v1
 * feeds often have no root). Every request is then built for that version.
 */
export function feedVersion(http: HttpClient, version: OrukVersion): Promise<KnownVersion> {
  if (version !== 'auto') return Promise.resolve(version);
  let known = versions.get(http);
  if (!known) {
    known = http
      .get('/', { key: 'version', read: rootOrukVersion })
      .catch(() => undefined)
      .then((v) => v ?? http.get(servicesPath, { key: 'version', query: { per_page: 1 }, read: detectOrukVersion }));
    versions.set(http, known);
    known.catch(() => versions.delete(http));
  }
  return known;
}

/**
 * The search request for a known version, its answer read by `read`: the search element sends
 * it while the code that reads and shows results (`readSearch`) is still loading. v1 searches
 * with `text` and `taxonomy_id`, v3 with `search` and `taxonomy_term_id`. Both ask `/services`,
 * near a postcode too: it lists each service once, at its nearest location, so the count is of
 * services (v3's `/service_at_locations` has a row per service per location). `lang` is the
 * page's language, sent as `Accept-Language`: a feed with Welsh text (the council API's) answers in it.
 */
export function searchRequest<T>(http: HttpClient, version: KnownVersion, perPage: number, query: DirectoryQuery, read: (json: unknown) => T, lang = 'en'): Promise<T> {
  const v1 = version === 'v1';
  const near = query.postcode ? { postcode: query.postcode, proximity: Math.round(query.distance * 1609.344) } : {};
  const params = {
    [v1 ? 'text' : 'search']: query.text || undefined,
    [v1 ? 'taxonomy_id' : 'taxonomy_term_id']: query.categories.join(',') || undefined,
    page: query.page,
    per_page: perPage,
    ...near,
  };
  return http.get(servicesPath, { key: 'search', query: params, read, headers: { 'Accept-Language': lang } });
}

/** The taxonomy terms residents filter by, in the page's language where the feed has it. */
export function feedCategories(http: HttpClient, version: KnownVersion, lang = 'en'): Promise<DirectoryCategory[]> {
  // v1 feeds publish their terms at /taxonomies.
  return http.get(version === 'v1' ? taxonomiesPath : taxonomyTermsPath, { key: 'categories', query: { per_page: 100 }, read: parseOrukCategories, headers: { 'Accept-Language': lang } });
}
