import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Another organisation's Open Referral UK feed, on 127.0.0.1 and a free port, for the directory
 * importer's tests (never a real feed). It generates `count` services (numbered from `first`)
 * paged as v3 (`contents`, `total_pages`; `GET /` answers `{ version: "3.0" }`, terms at
 * `/taxonomy_terms`) or v1 (Spring's `content`, `totalPages`, 0-based `number`; no root; terms at
 * `/taxonomies`), and checks the requests' shape: a `page` and a `per_page`, nothing else on
 * `/services`. Faults are switched on per test through `faults`.
 */

export interface FeedStubOptions {
  version: 'v3' | 'v1';
  /** How many services, numbered `first`, `first + 1`…: the same number in two stubs is the same service. */
  count: number;
  first?: number;
  /** Prefix of the feed's own ids, so two stubs publish one service under different ids. */
  idPrefix?: string;
  /** The services' names are `{label} {n}`. */
  label?: string;
}

/** Faults, each by page number (1-based) or service number. */
export interface FeedFaults {
  /** Pages answering 500 once, then normally. */
  failOnce: Set<number>;
  /** Pages answering 503 every time (a run cannot get past them). */
  failAlways: Set<number>;
  /** Pages answering 429 with this `Retry-After` once. */
  retryAfterOnce: Map<number, string>;
  /** Pages held without an answer, once, until the client gives up (its timeout). */
  holdOnce: Set<number>;
  /** Services published without a name. */
  malformed: Set<number>;
  /** Services no longer published. */
  removed: Set<number>;
  /** Services published with " (renamed)" after the name. */
  renamed: Set<number>;
}

export interface FeedStub {
  url: string;
  faults: FeedFaults;
  /** Every request: its path and query, in order. */
  requests: { path: string; query: Record<string, string> }[];
  /** Requests with parameters the feed does not take (the test expects none). */
  refused: string[];
  close(): Promise<void>;
}

/** Somewhere in Anytown (the seed's addresses are around here), so imported services are near its postcodes. */
const ANYTOWN = { lat: 52.2, lng: -1.5 };

function service(options: Required<FeedStubOptions>, n: number, faults: FeedFaults): Record<string, unknown> {
  const v1 = options.version === 'v1';
  const name = `${options.label} ${n}${faults.renamed.has(n) ? ' (renamed)' : ''}`;
  const postcode = `an9 ${n % 10}zz`;
  const location = (k: number) => ({
    id: `${options.idPrefix}-loc-${n}-${k}`,
    name: `${options.label} venue ${n}.${k}`,
    latitude: ANYTOWN.lat + n * 0.001 + k * 0.01,
    longitude: ANYTOWN.lng,
    [v1 ? 'physical_addresses' : 'addresses']: [{ address_1: `${n} High Street`, city: 'Anytown', state_province: 'Anyshire', postal_code: k ? `AN9${n % 10}ZY` : postcode, country: 'GB' }],
  });
  const term = { id: `${options.idPrefix}-term-food`, code: 'stub-food', name: 'Stub food help', description: 'Food help', [v1 ? 'vocabulary' : 'taxonomy']: 'Stub categories' };
  return {
    id: `${options.idPrefix}-${n}`,
    ...(faults.malformed.has(n) ? {} : { name }),
    description: `Generated service ${n} &amp; friends.`,
    url: `https://example.org/services/${n}`,
    status: 'active',
    organization: { id: `${options.idPrefix}-org`, name: 'Stub Voluntary Action', description: 'Generated' },
    service_at_locations: [{ id: `${options.idPrefix}-sal-${n}-0`, location: location(0) }, { id: `${options.idPrefix}-sal-${n}-1`, location: location(1) }],
    ...(v1
      ? { service_taxonomys: [{ id: `st-${n}`, taxonomy: term }], regular_schedules: [{ weekday: 'Tuesday', opens_at: '10:00:00', closes_at: '12:00:00' }] }
      : { attributes: [{ id: `a-${n}`, taxonomy_term: term }], schedules: [{ freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' }] }),
  };
}

function paged(version: 'v1' | 'v3', all: unknown[], page: number, perPage: number): Record<string, unknown> {
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const rows = all.slice((page - 1) * perPage, page * perPage);
  return version === 'v1'
    ? { totalElements: all.length, totalPages, number: page - 1, size: perPage, first: page === 1, last: page >= totalPages, content: rows }
    : { total_items: all.length, total_pages: totalPages, page_number: page, size: perPage, first_page: page === 1, last_page: page >= totalPages, empty: !rows.length, contents: rows };
}

/** Starts a stub feed; `close()` when done. */
export async function startFeedStub(given: FeedStubOptions): Promise<FeedStub> {
  const options: Required<FeedStubOptions> = { first: 1, idPrefix: given.version, label: 'Stub service', ...given };
  const faults: FeedFaults = { failOnce: new Set(), failAlways: new Set(), retryAfterOnce: new Map(), holdOnce: new Set(), malformed: new Set(), removed: new Set(), renamed: new Set() };
  const requests: FeedStub['requests'] = [];
  const refused: string[] = [];
  const v1 = options.version === 'v1';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, query });
    const page = Number(query.page ?? 1);
    const perPage = Number(query.per_page ?? 50);
    if (url.pathname === '/' ) return v1 ? send(res, 404, { error: 'Not found' }) : send(res, 200, { version: '3.0', profile: 'https://example.org/uk' });
    if (url.pathname === (v1 ? '/taxonomies' : '/taxonomy_terms')) {
      const terms = [
        { id: `${options.idPrefix}-term-top`, code: 'stub-top', name: 'Stub help', description: 'Everything', [v1 ? 'vocabulary' : 'taxonomy']: 'Stub categories' },
        { id: `${options.idPrefix}-term-food`, code: 'stub-food', name: 'Stub food help', description: 'Food help', parent_id: `${options.idPrefix}-term-top`, [v1 ? 'vocabulary' : 'taxonomy']: 'Stub categories' },
      ];
      return send(res, 200, paged(options.version, terms, page, perPage));
    }
    if (url.pathname !== '/services') return send(res, 404, { error: 'Not found' });
    const unknown = Object.keys(query).filter((name) => name !== 'page' && name !== 'per_page');
    if (unknown.length || !Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1) {
      refused.push(url.search);
      return send(res, 400, { error: 'Bad parameters' });
    }
    if (faults.failAlways.has(page)) return send(res, 503, { error: 'Unavailable' });
    if (faults.failOnce.delete(page)) return send(res, 500, { error: 'Internal error' });
    const retryAfter = faults.retryAfterOnce.get(page);
    if (retryAfter !== undefined) {
      faults.retryAfterOnce.delete(page);
      return send(res, 429, { error: 'Too many requests' }, { 'retry-after': retryAfter });
    }
    // Never answered: the client's timeout ends it (and closing the socket frees the stub).
    if (faults.holdOnce.delete(page)) return;
    const numbers = Array.from({ length: options.count }, (_, i) => options.first + i).filter((n) => !faults.removed.has(n));
    return send(res, 200, paged(options.version, numbers.map((n) => service(options, n, faults)), page, perPage));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    refused,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
