import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { problemTypes } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

const ALLOWED = 'http://localhost:4173';
const OTHER_ALLOWED = 'http://localhost:6006';
const DISALLOWED = 'https://evil.example';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const lookup = '/api/v1/addresses?postcode=AN1%201AA';

describe('CORS', () => {
  it('echoes an allowed origin, varies on Origin and exposes Retry-After', async () => {
    for (const origin of [ALLOWED, OTHER_ALLOWED]) {
      const response = await server.get(lookup, { headers: { Origin: origin } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
      expect(response.headers.get('access-control-expose-headers')).toMatch(/\bRetry-After\b/);
    }
  });

  it('does not echo an origin that is not on the allow-list', async () => {
    const response = await server.get(lookup, { headers: { Origin: DISALLOWED } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('sends CORS headers on error responses too, so elements can read problems', async () => {
    const response = await server.get('/api/v1/addresses?postcode=nope', { headers: { Origin: ALLOWED } });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('answers a preflight from an allowed origin', async () => {
    const response = await server.get('/api/v1/addresses', {
      method: 'OPTIONS',
      headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/content-type.*idempotency-key|idempotency-key.*content-type/);
    // A repair's manage token, from a council page on another origin.
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('refuses a preflight from a disallowed origin', async () => {
    const response = await server.get('/api/v1/addresses', {
      method: 'OPTIONS',
      headers: { Origin: DISALLOWED, 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toMatchObject({ type: problemTypes.forbiddenOrigin });
  });

  it('opens /oruk paths to every origin', async () => {
    const response = await server.get('/oruk/services', { headers: { Origin: DISALLOWED } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await server.get('/oruk/services', {
      method: 'OPTIONS',
      headers: { Origin: DISALLOWED, 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('security headers', () => {
  it.each([lookup, '/api/v1/addresses?postcode=bad', '/nowhere', '/healthz'])('are set on %s', async (path) => {
    const response = await server.get(path);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('problems', () => {
  it('answers an unknown route with a 404 problem', async () => {
    for (const path of ['/nowhere', '/api/v1/nothing-here', '/api/v2/addresses?postcode=AN1%201AA']) {
      const response = await server.get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ type: problemTypes.notFound, status: 404, title: 'Not found' });
    }
  });

  it('refuses an oversized body with a 413 problem, on any route', async () => {
    for (const path of ['/api/v1/addresses', '/api/v1/anything']) {
      const response = await server.get(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(100 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ type: problemTypes.payloadTooLarge, status: 413 });
    }
  });

  it('refuses an oversized streamed body (no Content-Length) with a 413 problem', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await server.get('/api/v1/anything', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: problemTypes.payloadTooLarge });
  });

  it('lets a small body through to routing', async () => {
    const response = await server.get('/api/v1/anything', { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(404);
  });
});

describe('health and documents', () => {
  it('GET /healthz answers ok', async () => {
    const response = await server.get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers ok when the database is migrated', async () => {
    const response = await server.get('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok', migrations: 'current' });
  });

  it('GET /api/v1/openapi.json serves the contracts package document', async () => {
    const response = await server.get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const served = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    const file = createRequire(import.meta.url).resolve('@council-kit/contracts/openapi.json');
    expect(served).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(served.openapi).toMatch(/^3\.1/);
    expect(served.paths).toHaveProperty('/addresses');
  });
});
