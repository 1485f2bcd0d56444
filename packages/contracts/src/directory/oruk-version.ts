import { isObject } from './fields.js';

/*
 * The feed version and how to tell it from a page of services, in a module of their own: the
 * search form probes the version when it connects and the services' reader needs it too, and
 * neither should bring the other onto a page that does not use it. (The feed root's answer is
 * read in categories.ts: only the search form asks it.)
 */

/** Feed versions we read. `auto` asks the feed (its root, or the paging of its first answer). */
export type OrukVersion = 'v3' | 'v1' | 'auto';

/**
 * Detects the paging shape: v3 pages list `contents`, v1 (Spring) pages `content`; a page with
 * neither is not readable as either, and the reader says so.
 */
export function detectOrukVersion(raw: unknown): 'v3' | 'v1' {
  return isObject(raw) && 'content' in raw ? 'v1' : 'v3';
}
