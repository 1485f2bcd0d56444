import type { HttpClient } from '@council-kit/core';
import { parseOrukPage, type DirectoryCategory, type DirectoryPage, type DirectoryService, type OrukVersion } from '@council-kit/contracts';
import { feedCategories, feedVersion, searchRequest, type DirectoryQuery } from './feed-request.js';
import { feedService } from './feed-service.js';

export { emptyQuery, feedCategories, feedVersion, searchRequest, type DirectoryQuery, type KnownVersion } from './feed-request.js';
export { feedService } from './feed-service.js';
export { lastPostcode, lastSearch, rememberSearch } from './last-search.js';

/**
 * A page of services from an ORUK feed of either version (`auto`: asked once, see
 * `feedVersion`). Everything comes back in the one model. Functions, not methods, so each
 * element bundles only the readers it calls.
 */
export async function searchFeed(http: HttpClient, version: OrukVersion, perPage: number, query: DirectoryQuery, lang = 'en'): Promise<DirectoryPage> {
  const known = await feedVersion(http, version);
  return searchRequest(http, known, perPage, query, (json) => readSearch(json, known, query), lang);
}

/**
 * Reads a search's answer: a page of services, each once (a feed that repeats a service per
 * location is folded to its nearest), nearest first when only a postcode was searched.
 */
export function readSearch(json: unknown, version: OrukVersion, query: DirectoryQuery): DirectoryPage {
  const page = parseOrukPage(json, version);
  const byId = new Map<string, DirectoryService>();
  for (const item of page.items) {
    const seen = byId.get(item.id);
    if (!seen) byId.set(item.id, item);
    else if ((item.distance ?? Infinity) < (seen.distance ?? Infinity)) byId.set(item.id, { ...seen, distance: item.distance });
  }
  page.items = [...byId.values()];
  // ORUK has no sort parameter: near a postcode, order what we have nearest first, unless words
  // were searched too: then the feed's order is its relevance (the council API ranks the best
  // matches first and the nearest within them), and sorting by distance alone would undo it.
  if (query.postcode && !query.text) page.items.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
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

  async categories(): Promise<DirectoryCategory[]> {
    return feedCategories(this.http, await feedVersion(this.http, this.version), this.lang);
  }
}
