import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { CouncilDb } from '../../db/database.js';
import { rebuildSearchIndex } from '../search-index.js';
import { FeedClient, FeedError, type FeedClientOptions } from './feed-client.js';
import { readPage, readService, readTerm, versionOfPage, type FeedTerm, type FeedVersion } from './oruk-records.js';
import { storeService, storeTerms, withdrawUnseen, type StoreOutcome, type StoreRun } from './store.js';

/** A record skipped or a page that failed, and why (the shape of the import registry's problems). */
export interface ImportProblem {
  message: string;
}

/**
 * What `council-api import directory` reports: the import registry's `ImportReport` (kind,
 * imported, skipped, problems; restated here, as domains do not import the composition root)
 * and what changed.
 */
export interface DirectoryImportReport {
  kind: 'directory';
  imported: number;
  skipped: number;
  problems: ImportProblem[];
  feedId: string;
  version: FeedVersion;
  /** Whether every page was read (only then is anything withdrawn). */
  complete: boolean;
  /** The page the run started at (above 1 when it resumed a failed run). */
  startPage: number;
  pages: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Services another feed had already given, recorded as a second source. */
  merged: number;
  withdrawn: number;
}

/** One feed to read, and how. */
export interface DirectoryImportOptions {
  /** The feed's base URL, e.g. `https://directory.example.org/api/v3`. */
  url: string;
  /** Names the feed; by default its URL's host. */
  feedId?: string;
  version?: FeedVersion | 'auto';
  perPage?: number;
  client?: Omit<FeedClientOptions, 'clock'>;
}

/** At most this many problems are kept in the report (a broken feed can have thousands). */
const MAX_PROBLEMS = 200;

/** `base` + `path`, keeping the base's own path (`…/api/v3` + `/services`). */
function feedUrl(base: string, path: string, query: Record<string, string | number> = {}): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  return url;
}

/**
 * Which version a feed speaks: its root says (`GET /` answers `{ "version": "3.0" }` on v3),
 * else the paging shape of its first page of services does.
 */
export async function detectVersion(client: FeedClient, base: string): Promise<FeedVersion> {
  try {
    const root = (await client.json(feedUrl(base, '/'))) as { version?: unknown } | null;
    const version = typeof root?.version === 'string' ? root.version : '';
    if (/^v?3/.test(version)) return 'v3';
    if (/^v?1/.test(version)) return 'v1';
  } catch {
    /* no root: many v1 feeds have none, so the first page decides */
  }
  return versionOfPage(await client.json(feedUrl(base, '/services', { page: 1, per_page: 1 }))) ?? 'v3';
}

/**
 * Reads one ORUK feed into the directory: its taxonomy, then its services a page at a time, in
 * page order, each page stored in one transaction with the page to resume from. A page that
 * cannot be read ends the run as failed (the next run resumes there, and nothing is withdrawn);
 * a malformed record is reported and skipped. After a complete run, what the feed no longer
 * publishes is withdrawn. The search index is rebuilt either way, so what was stored is found.
 */
export async function importDirectoryFeed(db: CouncilDb, clock: Clock, options: DirectoryImportOptions): Promise<DirectoryImportReport> {
  const base = options.url;
  const parsed = new URL(base);
  const feedId = options.feedId ?? parsed.host;
  const perPage = options.perPage ?? 50;
  const client = new FeedClient({ ...options.client, clock });
  const problems: ImportProblem[] = [];
  const problem = (message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ message });
  };

  const feed = await db.selectFrom('directory_feeds').selectAll().where('id', '=', feedId).executeTakeFirst();
  const resuming = feed !== undefined && feed.status !== 'complete' && feed.cursor !== null && feed.run_id !== null && feed.url === base;
  const version: FeedVersion =
    options.version && options.version !== 'auto' ? options.version : resuming && (feed.version === 'v1' || feed.version === 'v3') ? feed.version : await detectVersion(client, base);
  const run: StoreRun = { feedId, runId: resuming ? feed.run_id! : randomUUID(), clock };
  const startPage = resuming ? feed.cursor! : 1;
  const now = clock.now().toISOString();
  const state = { url: base, version, status: 'running' as const, run_id: run.runId, cursor: startPage, last_run_at: now, last_error: null };
  await db.insertInto('directory_feeds').values({ id: feedId, last_complete_at: null, ...state }).onConflict((oc) => oc.column('id').doUpdateSet(state)).execute();

  const counts: Record<StoreOutcome, number> = { added: 0, updated: 0, unchanged: 0, merged: 0 };
  let skipped = 0;
  let pages = 0;
  let failure: string | undefined;

  // The taxonomy first, so services' terms find their parents.
  try {
    const terms: FeedTerm[] = [];
    const path = version === 'v1' ? '/taxonomies' : '/taxonomy_terms';
    for (let page = 1, total = 1; page <= total; page += 1) {
      const read = readPage(await client.json(feedUrl(base, path, { page, per_page: 100 })), version);
      total = read.totalPages;
      for (const raw of read.records) {
        const term = readTerm(raw);
        if (term) terms.push(term);
        else problem(`${path} page ${page}: a term without an id or a name was skipped`);
      }
    }
    await db.transaction().execute((trx) => storeTerms(trx, run, terms));
  } catch (error) {
    // The terms services carry are still stored with them; only the term list is missing.
    problem(`the taxonomy could not be read (${error instanceof Error ? error.message : 'unknown error'}); terms were taken from the services`);
  }

  const fetchPage = (page: number) => client.json(feedUrl(base, '/services', { page, per_page: perPage }));
  let total = startPage;
  let page = startPage;
  try {
    // Up to the client's concurrency pages are asked for at once, and stored in order.
    const ahead = Math.max(1, options.client?.concurrency ?? 2);
    const inFlight = new Map<number, Promise<unknown>>();
    while (page <= total) {
      for (let next = page; next <= Math.min(total, page + ahead - 1); next += 1) {
        if (!inFlight.has(next)) inFlight.set(next, fetchPage(next));
      }
      const raw = await inFlight.get(page)!;
      inFlight.delete(page);
      let read;
      try {
        read = readPage(raw, version);
      } catch (error) {
        throw new FeedError(`/services page ${page}: ${(error as Error).message}`);
      }
      if (page === startPage) total = Math.max(startPage, read.totalPages);
      const current = page;
      await db.transaction().execute(async (trx) => {
        for (const [i, rawRecord] of read.records.entries()) {
          const service = readService(rawRecord);
          if (typeof service === 'string') {
            skipped += 1;
            problem(`/services page ${current}, record ${i + 1}: ${service}; skipped`);
            continue;
          }
          counts[await storeService(trx, run, service)] += 1;
        }
        await trx.updateTable('directory_feeds').set({ cursor: current + 1 }).where('id', '=', feedId).execute();
      });
      pages += 1;
      page += 1;
    }
    // Settle requests still in flight when a failure ended the loop early (none here normally).
    await Promise.allSettled(inFlight.values());
  } catch (error) {
    failure = error instanceof FeedError ? error.message : `page ${page}: ${error instanceof Error ? error.message : 'unknown error'}`;
  }

  let withdrawn = 0;
  if (failure === undefined) {
    await db.transaction().execute(async (trx) => {
      withdrawn = (await withdrawUnseen(trx, run)).services;
      await trx.updateTable('directory_feeds').set({ status: 'complete', cursor: null, last_complete_at: clock.now().toISOString(), last_error: null }).where('id', '=', feedId).execute();
    });
  } else {
    problem(`stopped at page ${page}: ${failure}; the next run resumes there, and nothing was withdrawn`);
    await db.updateTable('directory_feeds').set({ status: 'failed', cursor: page, last_error: failure }).where('id', '=', feedId).execute();
  }
  await rebuildSearchIndex(db);

  const seen = counts.added + counts.updated + counts.unchanged + counts.merged;
  return { kind: 'directory', feedId, version, complete: failure === undefined, startPage, pages, imported: seen, skipped, problems, ...counts, withdrawn };
}
