import { problemTypes, readAddressLookupResult, type AddressLookupResult } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPostcodes } from '../src/server.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

async function lookup(postcode: string): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await server.get(`/api/v1/addresses?postcode=${encodeURIComponent(postcode)}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

async function found(postcode: string): Promise<AddressLookupResult> {
  const { status, type, body } = await lookup(postcode);
  expect(status).toBe(200);
  expect(type).toMatch(/^application\/json/);
  return readAddressLookupResult(body, ''); // throws unless the body matches the contract
}

describe('GET /api/v1/addresses', () => {
  it('returns at least 10 addresses for AN1 1AA in the contract shape', async () => {
    const result = await found('AN1 1AA');
    expect(result.postcode).toBe('AN1 1AA');
    expect(result.outsideArea).toBe(false);
    expect(result.addresses.length).toBeGreaterThanOrEqual(10);
    for (const address of result.addresses) {
      expect(address.uprn).toMatch(/^[0-9]{1,12}$/);
      expect(address.postcode).toBe('AN1 1AA');
      expect(address.town).toBe('Anytown');
      expect(address.lines.length).toBeGreaterThan(0);
      expect(address.address).toBe([...address.lines, address.town, address.postcode].join(', '));
      expect(address.lat).toBeCloseTo(52.2, 0);
      expect(address.lng).toBeCloseTo(-1.5, 0);
    }
    expect(new Set(result.addresses.map((a) => a.uprn)).size).toBe(result.addresses.length);
  });

  it('normalises the postcode it is given', async () => {
    const canonical = await found('AN1 1AA');
    for (const input of ['an11aa', ' an1  1aa ', 'An1 1aA']) {
      expect(await found(input)).toEqual(canonical);
    }
  });

  it('sorts addresses naturally, with the flats of a block together', async () => {
    const lines = (await found('AN1 1AA')).addresses.map((a) => a.lines.join(', '));
    expect(lines).toEqual([
      '1 High Street',
      '2 High Street',
      '3 High Street',
      'Anytown Pharmacy, 4 High Street',
      '5 High Street',
      '9 High Street',
      '9A High Street',
      '10 High Street',
      '11 High Street',
      'Flat 1, Mill Court, 12 High Street',
      'Flat 2, Mill Court, 12 High Street',
      'Flat 3, Mill Court, 12 High Street',
      'Flat 4, Mill Court, 12 High Street',
      'The Old Bakery, High Street',
    ]);
    const flats = (await found('AN1A 2FL')).addresses.map((a) => a.lines[0]);
    expect(flats.slice(0, 3)).toEqual(['Flat 1, Castle House', 'Flat 2, Castle House', 'Flat 3, Castle House']);
    expect(flats.indexOf('Flat 2, Castle House')).toBeLessThan(flats.indexOf('Flat 10, Castle House'));
  });

  it.each(seedPostcodes.map((p) => p.postcode))('has addresses at the README postcode %s', async (postcode) => {
    const result = await found(postcode);
    expect(result.addresses.length).toBeGreaterThan(0);
    expect(result.outsideArea).toBe(false);
  });

  it('answers outsideArea for a valid UK postcode outside the council area', async () => {
    expect(await found('SW1A 1AA')).toEqual({ postcode: 'SW1A 1AA', outsideArea: true, addresses: [] });
    expect(await found('a11aa')).toEqual({ postcode: 'A1 1AA', outsideArea: true, addresses: [] });
  });

  it('answers an empty list (not outside the area) for an in-area postcode with no addresses', async () => {
    expect(await found('AN9 9ZZ')).toEqual({ postcode: 'AN9 9ZZ', outsideArea: false, addresses: [] });
  });

  it.each(['NOTAPOSTCODE', '<script>alert(1)</script>', 'A'.repeat(200), 'AN1 1A', '12345', "AN1 1AA' OR 1=1"])(
    'refuses the invalid postcode %j with a 400 problem',
    async (input) => {
      const { status, type, body } = await lookup(input);
      expect(status).toBe(400);
      expect(type).toBe('application/problem+json');
      expect(body).toMatchObject({ type: problemTypes.invalidPostcode, status: 400, title: 'Invalid postcode' });
      expect(JSON.stringify(body)).not.toContain('script');
    },
  );

  it.each(['BF1 1AA', 'JE2 3AB', 'GY1 1AA', 'IM1 1AA', 'XX1 1AA'])('refuses %s, which no council serves', async (input) => {
    const { status, type, body } = await lookup(input);
    expect(status).toBe(400);
    expect(type).toBe('application/problem+json');
    expect(body).toMatchObject({ type: problemTypes.invalidPostcode, status: 400 });
    expect((body as { detail: string }).detail).toMatch(/not a postcode a UK council serves/);
  });

  it.each(['/api/v1/addresses', '/api/v1/addresses?postcode=', '/api/v1/addresses?postcode=%20%20'])(
    'refuses %s (no postcode) with a 400 validation problem',
    async (path) => {
      const response = await server.get(path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        type: problemTypes.validation,
        status: 400,
        errors: [{ path: '/postcode', message: expect.any(String) }],
      });
    },
  );
});
