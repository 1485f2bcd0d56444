import { addDays, problemTypes, readAddressLookupResult, type AddressLookupResult } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { sourceProblemTypes } from '../src/sources/problems.js';
import type { SourcesConfig } from '../src/sources/config.js';
import { movableClock, startTestServer, type TestServer } from './helpers.js';
import { TODAY } from './dates.js';
import { OS_STUB_KEY, startOsPlacesStub, stubPostcodes, towerFlats, type OsPlacesStub } from './os-places-stub.js';

let stub: OsPlacesStub;
let server: TestServer;
const logLines: string[] = [];
const clock = movableClock(TODAY);

beforeAll(async () => {
  stub = await startOsPlacesStub();
  const sources: SourcesConfig = {
    addressSource: 'os-places',
    // A short timeout, so the answer that never comes fails fast (the real default is 10 s).
    osPlaces: { apiKey: OS_STUB_KEY, url: stub.url, cacheSeconds: 3600, timeoutSeconds: 0.3 },
    wasteSource: 'database',
  };
  server = await startTestServer({ sources, clock, postcodeAreas: ['AN'], logger: createLogger('debug', (line) => logLines.push(line)) });
});

afterAll(async () => {
  await server?.stop();
  await stub?.close();
});

async function lookup(postcode: string, lang?: string): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const query = new URLSearchParams({ postcode, ...(lang ? { lang } : {}) });
  const response = await server.get(`/api/v1/addresses?${query.toString()}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

async function found(postcode: string, lang?: string): Promise<AddressLookupResult> {
  const { status, body } = await lookup(postcode, lang);
  expect(status).toBe(200);
  return readAddressLookupResult(body, '');
}

const asked = (postcode: string) => stub.requests.filter((r) => r.postcode === postcode);

describe('GET /api/v1/addresses from OS Places', () => {
  it('answers from OS Places, in the contract, sorted naturally', async () => {
    const result = await found('an1 1aa');
    expect(result.outsideArea).toBe(false);
    expect(result.addresses.map((a) => a.lines.join(', '))).toEqual([
      '2 High Street',
      'Anytown Pharmacy Ltd, Prescriptions, 4 High Street',
      '9A High Street',
      '10 High Street',
      'Flat 2, Mill Court, 12 High Street',
      'Flat 10, Mill Court, 12 High Street',
      '1 Millers Yard, High Street, Old Town',
      '3 Castle House, High Street',
      'The Old Bakery, High Street',
      'Anytown Borough Council, PO Box 61',
    ]);
    expect(result.addresses[0]).toMatchObject({ uprn: '100070000102', town: 'Anytown', postcode: 'AN1 1AA' });
    expect(result.addresses[0]!.lat).toBeTypeOf('number');
    expect(asked('AN1 1AA')[0]).toMatchObject({ path: '/search/places/v1/postcode', offset: 0 });
    expect(stub.refused).toEqual([]);
  });

  it('fetches every page of a large postcode', async () => {
    const result = await found(stubPostcodes.tower);
    expect(result.addresses).toHaveLength(towerFlats.length);
    expect(asked(stubPostcodes.tower).map((r) => r.offset)).toEqual([0, 100, 200]);
    expect(result.addresses.slice(0, 3).map((a) => a.lines[0])).toEqual(['Flat 1', 'Flat 2', 'Flat 3']);
  });

  it('keeps one of each Welsh address, in the page’s language', async () => {
    expect((await found(stubPostcodes.welsh)).addresses.map((a) => a.lines[0])).toEqual(['1 Park Road', '2 Park Road']);
    expect((await found(stubPostcodes.welsh, 'cy')).addresses.map((a) => a.address)).toEqual([
      '1 Heol y Parc, Trefallan, AN4 7YP',
      '2 Heol y Parc, Trefallan, AN4 7YP',
    ]);
    expect((await lookup(stubPostcodes.welsh, 'fr')).status).toBe(400);
  });

  it('says "no addresses" when OS has none, and "outside the area" without asking OS', async () => {
    expect(await found(stubPostcodes.none)).toEqual({ postcode: stubPostcodes.none, outsideArea: false, addresses: [] });
    expect(await found('SW1A 1AA')).toEqual({ postcode: 'SW1A 1AA', outsideArea: true, addresses: [] });
    expect(asked('SW1A 1AA')).toEqual([]);
  });

  it('keeps a postcode’s answer for the configured time, by the app’s clock', async () => {
    await found(stubPostcodes.highStreet);
    await found(stubPostcodes.highStreet, 'cy');
    const before = asked(stubPostcodes.highStreet).length;
    await found(stubPostcodes.highStreet);
    expect(asked(stubPostcodes.highStreet)).toHaveLength(before);
    // A month on from the test day (whatever day the suite runs as): long past the cache's time.
    clock.set(addDays(TODAY, 30));
    try {
      await found(stubPostcodes.highStreet);
      expect(asked(stubPostcodes.highStreet)).toHaveLength(before + 1);
    } finally {
      clock.set(TODAY);
    }
  });

  it.each([
    [stubPostcodes.badRequest, 502, sourceProblemTypes.sourceUnavailable],
    [stubPostcodes.serverError, 502, sourceProblemTypes.sourceUnavailable],
    [stubPostcodes.notJson, 502, sourceProblemTypes.sourceUnavailable],
    [stubPostcodes.badRecord, 502, sourceProblemTypes.sourceUnavailable],
    [stubPostcodes.rateLimited, 429, problemTypes.rateLimited],
    [stubPostcodes.hangs, 504, sourceProblemTypes.sourceTimeout],
  ])('answers a problem when OS Places fails (%s → %i)', async (postcode, status, type) => {
    const { status: got, body, text } = await lookup(postcode);
    expect(got).toBe(status);
    expect(body.type).toBe(type);
    expect(body.detail).toMatch(/address service/);
    expect(text).not.toContain(OS_STUB_KEY);
    // A failure is not kept: the next request asks OS again.
    const before = asked(postcode).length;
    await lookup(postcode);
    expect(asked(postcode).length).toBe(before + 1);
  });

  it('never puts the key or a postcode in the log, and warns clearly when OS refuses the request', () => {
    const all = logLines.join('\n');
    expect(all).not.toContain(OS_STUB_KEY);
    expect(all).not.toMatch(/AN1 ?1AA|AN4 ?7YP|AN5 ?4BR/);
    expect(logLines.some((line) => line.includes('check its configuration') && line.includes('"status":400'))).toBe(true);
  });
});

describe('OS Places with a wrong key', () => {
  it('answers 502 and logs a warning without the key', async () => {
    const lines: string[] = [];
    const wrong = await startTestServer({
      sources: { addressSource: 'os-places', osPlaces: { apiKey: 'wrong-key-9876543210', url: stub.url, cacheSeconds: 60, timeoutSeconds: 5 }, wasteSource: 'database' },
      logger: createLogger('warn', (line) => lines.push(line)),
    });
    try {
      const response = await wrong.get('/api/v1/addresses?postcode=AN1%201AA');
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(text).not.toContain('wrong-key');
      expect(lines.join('\n')).not.toContain('wrong-key-9876543210');
      expect(lines.some((line) => line.includes('"status":401') && line.includes('check its configuration'))).toBe(true);
    } finally {
      await wrong.stop();
    }
  });
});
