import type { HttpClient } from '@council-kit/core';
import { parseOrukPage, type DirectoryCategory, type DirectoryPage, type DirectoryService, type OrukVersion } from '@council-kit/contracts';
import { feedCategories, searchRequest, type DirectoryQuery } from './feed-request.js';
import { feedService } from './feed-service.js';

export { emptyQuery, feedCategories, searchRequest, type DirectoryQuery } from './feed-request.js';
export { feedService } from './feed-service.js';
export { lastPostcode, lastSearch, rememberSearch } from './last-search.js';

/**
 * A page of services from an ORUK feed of either version. v3 searches with `search` and finds
 * distance through `/service_at_locations`; v1 uses `text`. Everything comes back in the one
 * model. Functions, not methods, so each element bundles only the readers it calls.
 */
export function searchFeed(http: HttpClient, version: OrukVersion, perPage: number, query: DirectoryQuery, lang = 'en'): Promise<DirectoryPage> {
  return searchRequest(http, version, perPage, query, (json) => readSearch(json, version, query), lang);
}

/** Reads a search's answer: a page of services, nearest first when searched near a postcode. */
export function readSearch(json: unknown, version: OrukVersion, query: DirectoryQuery): DirectoryPage {
  const page = parseOrukPage(json, version);
  // ORUK has no sort parameter: order what we have nearest first.
  if (query.postcode) page.items.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
  return page;
}

/** Speaks to an ORUK feed of either version (`searchFeed`, `feedService`, `feedCategories` as one object). */
export class OrukFeed {
  constructor(
    private readonly http: HttpClient,
    private readonly version: OrukVersion,
    private readonly perPage: number,
    /** The page's language, asked of the feed (`Accept-Language`). */
    private readonly lang = 'en',
  ) {}

  search(query: DirectoryQuery): Promise<DirectoryPage> {
    return searchFeed(this.http, this.version, this.perPage, query, this.lang);
  }

  service(id: string): Promise<DirectoryService> {
    return feedService(this.http, id, this.lang);
  }

  categories(): Promise<DirectoryCategory[]> {
    return feedCategories(this.http, this.version, this.lang);
  }
}
