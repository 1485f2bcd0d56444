import type { HttpClient } from '@council-kit/core';
import { parseOrukService, type DirectoryService } from '@council-kit/contracts';
import { servicePath } from './endpoints.js';

/** One service, in full, in the page's language where the feed has it. */
export function feedService(http: HttpClient, id: string, lang = 'en'): Promise<DirectoryService> {
  return http.get(servicePath(id), { key: 'service', read: (json) => parseOrukService(json), headers: { 'Accept-Language': lang } });
}
