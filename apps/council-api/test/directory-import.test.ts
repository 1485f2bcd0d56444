import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { FeedClient } from '../src/directory/import/feed-client.js';
import { feedUuid } from '../src/directory/import/feed-ids.js';
import { importDirectoryFeed, type DirectoryImportOptions } from '../src/directory/import/import-feed.js';
import { importDirectory } from '../src/directory/import/importer.js';
import { importers } from '../src/imports/registry.js';
import { startFeedStub, type FeedStub, type FeedStubOptions } from './oruk-feed-stub.js';
import { startTestServer, type TestServer } from './helpers.js';

/**
 * `council-api import directory URL` (issue 15) against a local stub feed with realistic
 * faults: a page that 500s, a 429 with Retry-After, a page held past the client's timeout, a
 * malformed record, a record that disappears, a feed that fails part-way. On both databases
 * (the suite runs again on PostgreSQL). Waits are recorded, never slept.
 */

interface Page<T> {
  total_items: number;
  contents: T[];
}
interface Service {
  id: string;
  name: string;
  description: string;
  service_at_locations: { location: { addresses: { postal_code: string }[] } }[];
  schedules: { byday?: string }[];
  attributes: { taxonomy_term: { name: string; parent_id?: string } }[];
}

const clock = fixedClock('2026-12-03');
let server: TestServer;
const stubs: FeedStub[] = [];
let waits: number[] = [];

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
});
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  waits = [];
});
afterAll(async () => {
  await server?.stop();
});

async function stub(options: FeedStubOptions): Promise<FeedStub> {
  const started = await startFeedStub(options);
  stubs.push(started);
  return started;
}

/** Imports with the test's recording sleep, small pages and a short timeout. */
function run(feed: FeedStub, feedId: string, extra: Partial<DirectoryImportOptions> = {}) {
  return importDirectoryFeed(server.db, clock, {
    url: feed.url,
    feedId,
    perPage: 5,
    ...extra,
    client: { timeoutMs: 2_000, sleep: async (ms) => void waits.push(ms), ...extra.client },
  });
}

async function get<T>(path: string): Promise<T> {
  const response = await server.get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}
const search = (text: string) => get<Page<Service>>(`/oruk/services?search=${encodeURIComponent(text)}&per_page=50`);
const servicePages = (feed: FeedStub) => feed.requests.filter((r) => r.path === '/services' && r.query.per_page === '5').map((r) => Number(r.query.page));

describe('a v3 feed', () => {
  it('is paged through politely past a 500, a 429 and a malformed record, stored with where it came from, and found by search', async () => {
    const feed = await stub({ version: 'v3', count: 12, idPrefix: 'alpha', label: 'Alphafeed club' });
    feed.faults.failOnce.add(2);
    feed.faults.retryAfterOnce.set(3, '1');
    feed.faults.malformed.add(4);

    const report = await run(feed, 'alpha');

    expect(report).toMatchObject({ kind: 'directory', version: 'v3', complete: true, pages: 3, added: 11, imported: 11, skipped: 1, withdrawn: 0 });
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/page 1, record 4: service alpha-4 has no name; skipped/)]);
    // The 500 was retried after the backoff; the 429 after the second its Retry-After asked for.
    expect(waits).toContain(1_000);
    expect(waits.length).toBe(2);
    // The right v3 requests, and nothing the feed does not take.
    expect(feed.requests[0]!.path).toBe('/');
    expect(feed.requests.some((r) => r.path === '/taxonomy_terms')).toBe(true);
    expect(feed.refused).toEqual([]);
    expect(new Set(servicePages(feed))).toEqual(new Set([1, 2, 3]));

    const found = await search('Alphafeed');
    expect(found.total_items).toBe(11);
    const five = found.contents.find((s) => s.name === 'Alphafeed club 5')!;
    expect(five.id).toBe(feedUuid('alpha', 'service', 'alpha-5'));
    expect(five.description).toBe('Generated service 5 &amp; friends.');
    expect(five.service_at_locations.map((sal) => sal.location.addresses[0]!.postal_code).sort()).toEqual(['AN9 5ZY', 'AN9 5ZZ']);
    expect(five.schedules[0]!.byday).toBe('TU');
    expect(five.attributes[0]!.taxonomy_term).toMatchObject({ name: 'Stub food help', parent_id: expect.any(String) });

    const sources = await server.db.selectFrom('directory_feed_records').select(['kind', 'source_id']).where('feed_id', '=', 'alpha').where('kind', '=', 'service').execute();
    expect(sources.length).toBe(11);
    const state = await server.db.selectFrom('directory_feeds').selectAll().where('id', '=', 'alpha').executeTakeFirstOrThrow();
    expect(state).toMatchObject({ url: feed.url, version: 'v3', status: 'complete', cursor: null });

    // Run again: one renamed, one gone; the rest unchanged (and not rewritten).
    feed.faults.renamed.add(7);
    feed.faults.removed.add(9);
    const again = await run(feed, 'alpha');
    expect(again).toMatchObject({ complete: true, added: 0, updated: 1, unchanged: 9, withdrawn: 1 });
    expect((await server.get(`/oruk/services/${feedUuid('alpha', 'service', 'alpha-9')}`)).status).toBe(404);
    expect((await search('Alphafeed renamed')).contents.map((s) => s.name)).toEqual(['Alphafeed club 7 (renamed)']);
    expect((await search('Alphafeed')).total_items).toBe(10);
  });

  it('fails part-way without withdrawing anything, then resumes from the page that failed', async () => {
    const feed = await stub({ version: 'v3', count: 15, idPrefix: 'bravo', label: 'Bravofeed group' });
    await run(feed, 'bravo');
    feed.faults.removed.add(1);
    feed.faults.failAlways.add(2);
    feed.requests.length = 0;

    const failed = await run(feed, 'bravo');
    expect(failed).toMatchObject({ complete: false, withdrawn: 0 });
    expect(failed.problems.at(-1)!.message).toMatch(/stopped at page 2: .*\/services: answered 503; the next run resumes there/);
    expect((await search('Bravofeed')).total_items).toBe(15);
    expect(await server.db.selectFrom('directory_feeds').select(['status', 'cursor']).where('id', '=', 'bravo').executeTakeFirst()).toEqual({ status: 'failed', cursor: 2 });

    feed.faults.failAlways.clear();
    feed.requests.length = 0;
    const resumed = await run(feed, 'bravo');
    expect(resumed).toMatchObject({ complete: true, startPage: 2, pages: 2, withdrawn: 1 });
    expect(servicePages(feed)).not.toContain(1);
    expect((await search('Bravofeed')).total_items).toBe(14);
  });

  it('retries a page held past the client timeout', async () => {
    const feed = await stub({ version: 'v3', count: 3, idPrefix: 'charlie', label: 'Charliefeed cafe' });
    feed.faults.holdOnce.add(1);
    const report = await run(feed, 'charlie', { client: { timeoutMs: 150 } });
    expect(report).toMatchObject({ complete: true, added: 3 });
    expect(servicePages(feed)).toEqual([1, 1]);
  });
});

describe('a v1 feed', () => {
  it('is detected from its paging and read with v1 requests (/taxonomies, v1 schedules and addresses)', async () => {
    const feed = await stub({ version: 'v1', count: 7, idPrefix: 'delta', label: 'Deltafeed advice' });
    const report = await run(feed, 'delta');
    expect(report).toMatchObject({ version: 'v1', complete: true, added: 7, pages: 2 });
    expect(feed.requests.some((r) => r.path === '/taxonomies')).toBe(true);
    expect(feed.requests.some((r) => r.path === '/taxonomy_terms')).toBe(false);
    expect(feed.refused).toEqual([]);
    const { contents } = await search('Deltafeed');
    const three = contents.find((s) => s.name === 'Deltafeed advice 3')!;
    expect(three.schedules[0]!.byday).toBe('TU');
    expect(three.service_at_locations.map((sal) => sal.location.addresses[0]!.postal_code).sort()).toEqual(['AN9 3ZY', 'AN9 3ZZ']);
  });
});

describe('several feeds', () => {
  it('show a service two feeds publish once, with both sources recorded, and keep it while either still does', async () => {
    const council = await stub({ version: 'v3', count: 4, first: 1, idPrefix: 'council', label: 'Echofeed hub' });
    const voluntary = await stub({ version: 'v1', count: 4, first: 3, idPrefix: 'vcs', label: 'Echofeed hub' });
    await run(council, 'council');
    const second = await run(voluntary, 'voluntary');
    expect(second).toMatchObject({ added: 2, merged: 2 });
    const names = (await search('Echofeed')).contents.map((s) => s.name).sort();
    expect(names).toEqual(['Echofeed hub 1', 'Echofeed hub 2', 'Echofeed hub 3', 'Echofeed hub 4', 'Echofeed hub 5', 'Echofeed hub 6']);
    const shared = await server.db.selectFrom('directory_feed_records').select('feed_id').where('kind', '=', 'service').where('local_id', '=', feedUuid('council', 'service', 'council-3')).orderBy('feed_id').execute();
    expect(shared.map((r) => r.feed_id)).toEqual(['council', 'voluntary']);

    // The council stops publishing 3: the voluntary sector still does, so it stays.
    council.faults.removed.add(3);
    expect(await run(council, 'council')).toMatchObject({ withdrawn: 0 });
    expect((await search('Echofeed')).total_items).toBe(6);
  });
});

describe('the feed client', () => {
  it('honours Retry-After given as an HTTP date, read against the app clock, and caps it', async () => {
    const feed = await stub({ version: 'v3', count: 1, idPrefix: 'foxtrot' });
    const now = new Date('2026-12-03T10:00:00Z');
    const client = new FeedClient({ clock: { today: () => '2026-12-03', now: () => now }, sleep: async (ms) => void waits.push(ms), maxRetryAfterMs: 60_000 });
    feed.faults.retryAfterOnce.set(1, new Date(now.getTime() + 5_000).toUTCString());
    await client.json(new URL(`${feed.url}/services?page=1&per_page=5`));
    feed.faults.retryAfterOnce.set(1, '3600');
    await client.json(new URL(`${feed.url}/services?page=1&per_page=5`));
    expect(waits).toEqual([5_000, 60_000]);
  });

  it('keeps to its concurrency limit', async () => {
    const feed = await stub({ version: 'v3', count: 30, idPrefix: 'golf', label: 'Golffeed' });
    let active = 0;
    let most = 0;
    const original = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      active += 1;
      most = Math.max(most, active);
      try {
        return await original(...args);
      } finally {
        active -= 1;
      }
    };
    try {
      const client = new FeedClient({ clock, concurrency: 2 });
      await Promise.all(Array.from({ length: 6 }, (_, i) => client.json(new URL(`${feed.url}/services?page=${i + 1}&per_page=5`))));
    } finally {
      globalThis.fetch = original;
    }
    expect(most).toBe(2);
  });
});

describe('council-api import directory', () => {
  it('is registered as `directory` and refuses what it cannot read', async () => {
    expect(importers.directory).toBe(importDirectory);
    const context = { db: server.db, clock, config: {} as never, logger: { info() {}, warn() {}, error() {}, debug() {} } as never, options: {} };
    await expect(importDirectory({ ...context, source: 'http://directory.example.org/api' })).rejects.toThrow('only https:// feeds are read');
    await expect(importDirectory({ ...context, source: 'feed.json' })).rejects.toThrow('a directory feed is a URL');
    await expect(importDirectory({ ...context, source: 'https://directory.example.org', options: { version: 'v2' } })).rejects.toThrow('--version must be auto, v3 or v1');
  });
});
