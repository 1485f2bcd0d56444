import { ContractError } from '../validate.js';
import type { DirectoryPage, DirectoryService } from './model.js';
import { detectOrukVersion, type OrukVersion } from './oruk-version.js';
import { isObject, number } from './fields.js';
import { parseOrukService } from './oruk.js';

// A module of its own: a page showing one service (service detail) never loads it.

/**
 * Reads a page of services from either feed version. Items that lack an id or a name are
 * skipped (one bad record should not blank a whole search); a page that is not a page throws.
 */
export function parseOrukPage(raw: unknown, version: OrukVersion = 'auto'): DirectoryPage {
  if (!isObject(raw)) throw new ContractError('', 'object');
  const v = version === 'auto' ? detectOrukVersion(raw) : version;
  const rows = v === 'v1' ? raw.content : raw.contents;
  if (!Array.isArray(rows)) throw new ContractError(v === 'v1' ? 'content' : 'contents', 'array');
  const items: DirectoryService[] = [];
  rows.forEach((row, i) => {
    try {
      items.push(parseOrukService(row, `contents[${i}]`));
    } catch {
      /* a malformed record: left out, the rest still shown */
    }
  });
  const size = number(raw.size) ?? (items.length || 10);
  const totalItems = number(v === 'v1' ? raw.totalElements : raw.total_items) ?? items.length;
  const totalPages = number(v === 'v1' ? raw.totalPages : raw.total_pages) ?? Math.max(1, Math.ceil(totalItems / size));
  // v1 feeds disagree on whether `number` counts from 0 or 1; 0 can only mean 0-based.
  const rawPage = number(v === 'v1' ? raw.number : raw.page_number) ?? 1;
  const page = v === 'v1' && rawPage === 0 ? 1 : Math.max(1, rawPage);
  return { items, totalItems, totalPages, page, size };
}
