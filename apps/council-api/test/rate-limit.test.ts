import { problemTypes } from '@council-kit/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '../src/http/middleware/rate-limit-store.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const lookup = '/api/v1/addresses?postcode=AN1%201AA';

describe('rate limit', () => {
  it('answers the request over the limit with a 429 problem and Retry-After', async () => {
    server = await startTestServer({ rateLimitPerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await server.get(lookup);
      statuses.push(response.status);
      expect(response.headers.get('ratelimit-remaining')).toBe(String(4 - i));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const limited = await server.get(lookup, { headers: { Origin: 'http://localhost:4173' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
    expect(await limited.json()).toMatchObject({ type: problemTypes.rateLimited, status: 429 });

    // Every route counts, not only the one that was hammered, but health probes never do.
    expect((await server.get('/api/v1/openapi.json')).status).toBe(429);
    expect((await server.get('/healthz')).status).toBe(200);
    expect((await server.get('/readyz')).status).toBe(200);
  });

  it('reads the limit from RATE_LIMIT_PER_MINUTE', async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    expect((await server.get(lookup)).status).toBe(200);
    expect((await server.get(lookup)).status).toBe(200);
    expect((await server.get(lookup)).status).toBe(429);
  });

  it('counts clients separately (by X-Forwarded-For only when told to trust a proxy)', async () => {
    server = await startTestServer({ rateLimitPerMinute: 1, trustProxy: true });
    const from = (ip: string) => server!.get(lookup, { headers: { 'X-Forwarded-For': ip } });
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(200);
  });

  it('ignores X-Forwarded-For by default, so clients cannot dodge the limit', async () => {
    server = await startTestServer({ rateLimitPerMinute: 1 });
    expect((await server.get(lookup, { headers: { 'X-Forwarded-For': '203.0.113.1' } })).status).toBe(200);
    expect((await server.get(lookup, { headers: { 'X-Forwarded-For': '203.0.113.2' } })).status).toBe(429);
  });
});

describe('MemoryRateLimitStore', () => {
  it('counts within a window, starts a new one after it ends, and forgets expired keys', async () => {
    const store = new MemoryRateLimitStore();
    expect(await store.hit('a', 1000, 0)).toEqual({ count: 1, resetAt: 1000 });
    expect(await store.hit('a', 1000, 999)).toEqual({ count: 2, resetAt: 1000 });
    expect(await store.hit('b', 1000, 500)).toEqual({ count: 1, resetAt: 1500 });
    expect(await store.hit('a', 1000, 1000)).toEqual({ count: 1, resetAt: 2000 });
    await store.hit('c', 1000, 5000);
    expect(store.size).toBe(1);
  });
});
