import { problemTypes } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { TODAY } from './dates.js';
import { postJson, row, startTestServer, type TestServer } from './helpers.js';
import { expectProblemShape } from './raw-http.js';
import { reportableToday, type LastCollection } from './waste-support.js';

/**
 * The rate limit over time and across clients, beyond rate-limit.test.ts: Retry-After counts
 * down to the end of the window, a limited write stores nothing, the window resets, and
 * clients behind a trusted proxy (TRUST_PROXY from the environment) are counted apart, by the
 * address the proxy saw. Time is moved with a fake Date (nothing waits), installed before the
 * server starts so the limiter reads it; on PostgreSQL the counters live in the database, whose
 * windows start on whole minutes, hence "60 or 59".
 */

let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
  vi.useRealTimers();
});

const LOOKUP = '/api/v1/addresses?postcode=AN1%201AA';
/** A whole minute (a multiple of 60 000 ms), so both stores' windows are easy to reason about. */
const T0 = 1_800_000_000_000;

describe('rate limit windows', () => {
  it('a 429 counts Retry-After down to the window’s end, stores nothing for a limited write, and the window resets', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 1_000);
    server = await startTestServer({ rateLimitPerMinute: 2, clock: fixedClock(TODAY) });
    const s = server;
    const [{ uprn, serviceId, collectionDate }] = (await reportableToday(s.db, TODAY, 1)) as [LastCollection];

    expect((await s.get(LOOKUP)).status).toBe(200);
    expect((await s.get(LOOKUP)).status).toBe(200);

    const limited = await s.get(LOOKUP);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect([59, 60]).toContain(retryAfter);
    expect(limited.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(limited.headers.get('ratelimit-limit')).toBe('2');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    const problem = (await limited.json()) as Record<string, unknown>;
    expectProblemShape(problem, 429);
    expect(problem).toMatchObject({ type: problemTypes.rateLimited, detail: expect.stringContaining(`${retryAfter} seconds`) });

    // Half a minute on, still limited, and Retry-After has counted down with the clock.
    vi.setSystemTime(T0 + 31_000);
    const later = await s.get(LOOKUP);
    expect(later.status).toBe(429);
    expect(Number(later.headers.get('retry-after'))).toBe(retryAfter - 30);

    // A write refused by the limit stores nothing.
    const reports = async () => Number((await row(s, sql<{ n: number }>`select count(*) as n from missed_collection_reports`)).n);
    const before = await reports();
    const report = { uprn, serviceId, collectionDate, binOutInTime: true, contact: {} };
    const refused = await postJson(s, '/api/v1/waste/missed-collections', report, { 'Idempotency-Key': 'limited-write' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await reports()).toBe(before);

    // After the window, the client starts afresh, and the write that was refused goes through.
    vi.setSystemTime(T0 + 62_000);
    const fresh = await s.get(LOOKUP);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit-remaining')).toBe('1');
    const accepted = await postJson(s, '/api/v1/waste/missed-collections', report, { 'Idempotency-Key': 'limited-write' });
    expect(accepted.status).toBe(201);
    expect(await reports()).toBe(before + 1);
    expect((await s.get(LOOKUP)).status).toBe(429);
  });

  it('counts clients apart behind a proxy trusted with TRUST_PROXY=true, and the socket’s own address apart from them', async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '2' } });
    const s = server;
    const from = (ip?: string) => s.get(LOOKUP, ip ? { headers: { 'X-Forwarded-For': ip } } : {});
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(200);
    const limited = await from('203.0.113.1');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ type: problemTypes.rateLimited });
    expect((await from('203.0.113.2')).status).toBe(200);
    expect((await from('2001:db8::1')).status).toBe(200);
    expect((await from()).status).toBe(200); // no header: the proxy's own address
    expect((await from('203.0.113.1')).status).toBe(429); // still limited
  });

  it('behind a trusted proxy, counts a client by the address the proxy saw, not by what the client wrote in X-Forwarded-For', async () => {
    // A proxy that appends (nginx's $proxy_add_x_forwarded_for, most load balancers) passes on
    // whatever the client sent, then the address it saw: "<anything the client wrote>, <client>".
    // Counting by the first entry lets a client dodge the limit by writing a new one each time.
    server = await startTestServer({ env: { TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '2' } });
    const s = server;
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      statuses.push((await s.get(LOOKUP, { headers: { 'X-Forwarded-For': `198.51.100.${i}, 203.0.113.7` } })).status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
  });
});
