import { problemTypes } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { externalSources } from '../src/http/data-readiness.js';
import { startServer, type RunningServer } from '../src/server.js';
import { runCli } from '../src/cli/commands.js';
import { capture } from './cli-io.js';
import { testOptions } from './helpers.js';
import { TODAY } from './dates.js';
import { testDatabase, type TestDatabase } from './test-database.js';

// A council's own database before anything is imported: no COUNCIL_DEMO, so nothing fictional
// is seeded into it, every endpoint gives its normal empty answer, and /readyz says why it is
// not ready and how to fix it.

let database: TestDatabase;
let server: RunningServer;
const get = (path: string) => fetch(new URL(path, server.url));

beforeAll(async () => {
  database = await testDatabase({ fromTemplate: false });
  // A staff token: a secret the readiness answer must never show.
  server = await startServer(testOptions(database.url, { councilDemo: undefined, staffApiTokens: ['t'.repeat(40)] }));
});

afterAll(async () => {
  await server?.close();
  await database?.cleanup();
});

describe('an empty database without COUNCIL_DEMO', () => {
  it('seeds nothing: an Anytown postcode has no addresses', async () => {
    const response = await get('/api/v1/addresses?postcode=AN1%201AA');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ postcode: 'AN1 1AA', outsideArea: false, addresses: [] });
  });

  it('answers a UPRN with the waste not-found problem, and its calendar too', async () => {
    for (const path of ['/api/v1/waste/properties/100070000112/collections', '/api/v1/waste/properties/100070000112/collections.ics']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as { type: string }).type).toBe(problemTypes.notFound);
    }
  });

  it('answers the directory with empty pages', async () => {
    for (const path of ['/oruk/services', '/oruk/services?search=food%20bank', '/oruk/organizations', '/oruk/service_at_locations']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(await response.json(), path).toMatchObject({ total_items: 0, contents: [] });
    }
  });

  it('is not ready: /readyz answers 503 saying no data has been imported and how to import it, nothing secret', async () => {
    const response = await get('/readyz');
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'unavailable', database: 'ok', migrations: 'current', data: 'none' });
    expect(text).toMatch(/No data has been imported/);
    expect(text).toMatch(/council-api import <kind> <file-or-url>/);
    expect(text).toMatch(/council-api seed --demo/);
    expect(text).not.toContain(database.url);
    expect(text).not.toContain('t'.repeat(40));
    // Liveness is another matter: the process answers.
    expect((await get('/healthz')).status).toBe(200);
  });

  it('is ready once data is there (the demo loaded with council-api seed --demo)', async () => {
    const io = capture({ DATABASE_URL: database.url, COUNCIL_TODAY: TODAY });
    expect(await runCli(['seed', '--demo'], io)).toBe(0);
    const response = await get('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'current' });
    const addresses = (await (await get('/api/v1/addresses?postcode=AN1%201AA')).json()) as { addresses: unknown[] };
    expect(addresses.addresses.length).toBeGreaterThan(0);
  });
});

describe('COUNCIL_DEMO', () => {
  it('accepts anytown (any case) and nothing else, naming the variable', () => {
    expect(loadConfig({}).councilDemo).toBeUndefined();
    expect(loadConfig({ COUNCIL_DEMO: 'anytown' }).councilDemo).toBe('anytown');
    expect(loadConfig({ COUNCIL_DEMO: ' Anytown ' }).councilDemo).toBe('anytown');
    for (const value of ['yes', 'true', 'anytown-borough']) {
      expect(() => loadConfig({ COUNCIL_DEMO: value })).toThrow(ConfigError);
      expect(() => loadConfig({ COUNCIL_DEMO: value })).toThrow(/COUNCIL_DEMO/);
    }
  });
});

describe('external sources', () => {
  it('count as data for readiness only when they are not the database', () => {
    const { sources } = loadConfig({});
    expect(externalSources({ sources })).toEqual([]);
    expect(externalSources({ sources: { ...sources, addressSource: 'os-places' } })).toEqual(['os-places']);
    expect(externalSources({ sources: { ...sources, wasteSource: 'ukbcd' } })).toEqual(['ukbcd']);
  });

  it('make an empty database ready: OS Places configured, /readyz answers 200', async () => {
    const empty = await testDatabase({ fromTemplate: false });
    const withOsPlaces = await startServer(
      testOptions(empty.url, { councilDemo: undefined, env: { ADDRESS_SOURCE: 'os-places', OS_PLACES_API_KEY: 'k'.repeat(32), OS_PLACES_URL: 'http://127.0.0.1:9/places' } }),
    );
    try {
      expect((await fetch(new URL('/readyz', withOsPlaces.url))).status).toBe(200);
    } finally {
      await withOsPlaces.close();
      await empty.cleanup();
    }
  });
});
