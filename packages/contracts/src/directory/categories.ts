import { ContractError } from '../validate.js';
import type { DirectoryCategory } from './model.js';
import { isObject, list, number, text, words } from './fields.js';

/**
 * The version a feed's root (`GET {api-base}/`) declares: ORUK v3 answers `{ "version": "3.0" }`;
 * undefined when it does not say (many v1 feeds have no root at all).
 */
export function rootOrukVersion(raw: unknown): 'v3' | 'v1' | undefined {
  const version = isObject(raw) ? text(raw.version) : undefined;
  return version?.startsWith('3') ? 'v3' : version?.startsWith('1') ? 'v1' : undefined;
}

/**
 * Reads `/taxonomy_terms` (v3) or `/taxonomies` (v1), paged or a plain array, into categories.
 * Its own module: the search form reads the categories when it connects, before any service is
 * read.
 */
export function parseOrukCategories(raw: unknown): DirectoryCategory[] {
  const rows = Array.isArray(raw) ? raw : isObject(raw) ? (raw.contents ?? raw.content) : undefined;
  if (!Array.isArray(rows)) throw new ContractError('contents', 'array');
  return list(rows)
    .map((t) => ({
      id: text(t.id) ?? '',
      name: words(t.name) ?? '',
      parentId: text(t.parent_id),
      vocabulary: text(t.vocabulary),
      count: number(t.service_count ?? t.count),
      lang: text(t.language),
    }))
    .filter((t) => t.id && t.name);
}
