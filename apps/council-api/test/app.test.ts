import { problemTypes } from '@council-kit/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { defaultConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { startTestServer, type TestServer } from './helpers.js';
import { testDatabase } from './test-database.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('request log', () => {
  it('writes one JSON line per request with the route pattern, never the query string', async () => {
    const lines: string[] = [];
    const server: TestServer = await startTestServer({ logger: createLogger('info', (line) => lines.push(line)) });
    cleanups.push(() => server.stop());
    lines.length = 0; // drop start-up lines

    await server.get('/api/v1/addresses?postcode=AN1%201AA');
    await server.get('/api/v1/addresses?postcode=SW1A1AA');
    await server.get('/nowhere?postcode=AN11AA');

    expect(lines).toHaveLength(3);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/api/v1/addresses', status: 200 });
    expect(entries[0]?.durationMs).toEqual(expect.any(Number));
    expect(entries[2]).toMatchObject({ route: null, status: 404 });
    for (const line of lines) {
      expect(line).not.toMatch(/AN1|1AA|SW1A|postcode=|nowhere|127\.0\.0\.1/);
    }
  });

  it('is silent at LOG_LEVEL=silent and filters by level', () => {
    const lines: string[] = [];
    const silent = createLogger('silent', (line) => lines.push(line));
    silent.error('boom');
    silent.info('hello');
    expect(lines).toEqual([]);

    const warn = createLogger('warn', (line) => lines.push(line));
    warn.info('quiet');
    warn.warn('loud');
    warn.error('louder');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['loud', 'louder']);
  });
});

describe('createApp', () => {
  it('answers unexpected failures with a 500 problem that leaks nothing, and logs the error', async () => {
    // A database with no tables: the first query a request makes throws "no such table" (SQLite)
    // or 'relation "…" does not exist' (PostgreSQL).
    const database = await testDatabase({ fromTemplate: false });
    cleanups.push(() => database.cleanup());
    const db = createDatabase(database.url);
    cleanups.push(() => db.destroy());
    const logged: string[] = [];
    const app = createApp({
      db,
      config: { ...defaultConfig, logLevel: 'error' },
      logger: createLogger('error', (line) => logged.push(line)),
    });

    const response = await app.request('/api/v1/addresses?postcode=AN1%201AA');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ type: problemTypes.internal, status: 500 });
    expect(text).not.toMatch(/no such table|does not exist|relation|sqlite|postgres|at .*\.ts|stack/i);
    expect(logged.join('\n')).toMatch(/no such table: \w+|relation \\"\w+\\" does not exist/);
  });

  it('answers /readyz with 503 when migrations have not run', async () => {
    const database = await testDatabase({ fromTemplate: false });
    cleanups.push(() => database.cleanup());
    const db = createDatabase(database.url);
    cleanups.push(() => db.destroy());
    const app = createApp({ db, config: { ...defaultConfig, logLevel: 'silent' } });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', migrations: 'pending' });
  });
});

describe('server', () => {
  it('reports its real URL when started on port 0, and stops listening on close', async () => {
    const server = await startTestServer();
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await server.get('/healthz')).status).toBe(200);
    await server.stop();
    await server.close(); // idempotent
    await expect(fetch(new URL('/healthz', server.url))).rejects.toThrow();
  });

  it('lets an in-flight request finish while closing', async () => {
    const server = await startTestServer();
    // A request whose body is still arriving when close() is called.
    let finish!: () => void;
    let sending!: () => void;
    const bodyStarted = new Promise<void>((resolve) => (sending = resolve));
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      // The client pulls the body once it is connected and has sent the request head.
      pull(controller) {
        if (pulls++ > 0) return;
        controller.enqueue(new TextEncoder().encode('{"part":'));
        finish = () => {
          controller.enqueue(new TextEncoder().encode('1}'));
          controller.close();
        };
        sending();
      },
    });
    const inFlight = server.get('/api/v1/anything', { method: 'POST', body, duplex: 'half' } as RequestInit);
    await bodyStarted;
    await new Promise((resolve) => setTimeout(resolve, 100));
    let closed = false;
    const closing = server.stop().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false); // still waiting for the request
    finish();
    const response = await inFlight;
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404 });
    await closing;
    expect(closed).toBe(true);
  });

  it('fails to start when the port is taken', async () => {
    const first = await startTestServer();
    cleanups.push(() => first.stop());
    await expect(startTestServer({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
