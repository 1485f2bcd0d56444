import type { HttpClient } from '@council-kit/core';
import { parseOrukCategories, parseOrukPage, parseOrukService, type DirectoryCategory, type DirectoryPage, type DirectoryService, type OrukVersion } from '@council-kit/contracts';

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
 * Speaks to an ORUK feed of either version. v3 searches with `search` and finds distance
 * through `/service_at_locations`; v1 uses `text`. Everything comes back in the one model.
 */
export class OrukFeed {
  constructor(
    private readonly http: HttpClient,
    private readonly version: OrukVersion,
    private readonly perPage: number,
  ) {}

  search(query: DirectoryQuery): Promise<DirectoryPage> {
    const v1 = this.version === 'v1';
    const near = query.postcode ? { postcode: query.postcode, proximity: Math.round(query.distance * 1609.344) } : {};
    const params = {
      [v1 ? 'text' : 'search']: query.text || undefined,
      [v1 ? 'taxonomy_id' : 'taxonomy_term_id']: query.categories.join(',') || undefined,
      page: query.page,
      per_page: this.perPage,
      ...near,
    };
    return this.http.get(!v1 && query.postcode ? 'service_at_locations' : 'services', {
      key: 'search',
      query: params,
      read: (json) => {
        const page = parseOrukPage(json, this.version);
        // ORUK has no sort parameter: order what we have nearest first.
        if (query.postcode) page.items.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
        return page;
      },
    });
  }

  service(id: string): Promise<DirectoryService> {
    return this.http.get(`services/${encodeURIComponent(id)}`, { key: 'service', read: (json) => parseOrukService(json) });
  }

  categories(): Promise<DirectoryCategory[]> {
    // v1 feeds publish their terms at /taxonomies.
    return this.http.get(this.version === 'v1' ? 'taxonomies' : 'taxonomy_terms', { key: 'categories', query: { per_page: 100 }, read: parseOrukCategories });
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
