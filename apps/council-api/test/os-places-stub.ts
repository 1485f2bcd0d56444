import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { osPlacesDpa, osPlacesHighStreet, osPlacesPage, osPlacesWelshPair } from '@council-kit/contracts/fixtures';
import type { OsPlacesDpa } from '@council-kit/contracts';

/*
 * A local stand-in for OS Places API's `/search/places/v1/postcode` on 127.0.0.1 (port 0). It
 * checks what OS checks of the council API's requests (the key; a postcode; `output_srs=WGS84`,
 * `dataset=DPA`; `maxresults` 1–100 and a whole `offset`) and answers in OS's shapes: pages of
 * DPA records with OS's header, no `results` key for a postcode with no addresses, OS's error
 * bodies for a bad key (401) or request (400), a 429, a 500, a body that is not JSON, and an
 * answer that never comes (for the timeout).
 */

export const OS_STUB_KEY = 'os-stub-key-0123456789abcdefABCDEF';

/** Postcodes the stub answers in a particular way. */
export const stubPostcodes = {
  highStreet: 'AN1 1AA',
  welsh: 'AN4 7YP',
  /** 230 flats: three pages. */
  tower: 'AN2 7TW',
  none: 'AN9 9ZZ',
  badRequest: 'AN5 4BR',
  rateLimited: 'AN5 9RL',
  serverError: 'AN3 5SE',
  notJson: 'AN3 6NJ',
  hangs: 'AN5 5SL',
  badRecord: 'AN3 7BR',
} as const;

/** The tower block's flats, in OS's order (by UPRN, not by flat number). */
export const towerFlats: OsPlacesDpa[] = Array.from({ length: 230 }, (_, i) =>
  osPlacesDpa({
    UPRN: String(100070100000 + i),
    SUB_BUILDING_NAME: `FLAT ${230 - i}`,
    BUILDING_NAME: 'OAK TOWER',
    BUILDING_NUMBER: '1',
    THOROUGHFARE_NAME: 'TOWER ROAD',
    POSTCODE: 'AN2 7TW',
    CLASSIFICATION_CODE: 'RD06',
  }),
);

/** Properties only OS Places knows (not in the seeded addresses table), for `/uprn`. */
export const uprnRecords: OsPlacesDpa[] = [
  osPlacesDpa({ UPRN: '200070000301', BUILDING_NUMBER: '7', THOROUGHFARE_NAME: 'NEW ROAD', POSTCODE: 'AN6 2NR' }),
];

export interface OsPlacesStubRequest {
  path: string;
  postcode: string | null;
  uprn: string | null;
  offset: number;
}

export interface OsPlacesStub {
  /** The base to give as `OS_PLACES_URL`. */
  url: string;
  /** Every request that reached the stub, key left out. */
  requests: OsPlacesStubRequest[];
  /** Requests refused for their shape (a test expects none). */
  refused: string[];
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** Starts the stub. */
export async function startOsPlacesStub(): Promise<OsPlacesStub> {
  const requests: OsPlacesStubRequest[] = [];
  const refused: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const params = url.searchParams;
    const postcode = params.get('postcode');
    const offset = Number(params.get('offset') ?? '0');
    requests.push({ path: url.pathname, postcode, uprn: params.get('uprn'), offset });
    const isUprn = url.pathname === '/search/places/v1/uprn';
    if (req.method !== 'GET' || (url.pathname !== '/search/places/v1/postcode' && !isUprn)) {
      refused.push(`${req.method} ${url.pathname}`);
      return json(res, 404, { error: { statuscode: 404, message: 'Resource not found' } });
    }
    if (params.get('key') !== OS_STUB_KEY) {
      // What OS's gateway answers for a wrong key (it does not echo the key).
      return json(res, 401, { fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } } });
    }
    if (isUprn) {
      // `/uprn`: the one record, or no `results` key for a UPRN OS does not know.
      const uprn = params.get('uprn') ?? '';
      if (!/^\d{1,12}$/.test(uprn) || params.get('output_srs') !== 'WGS84' || params.get('dataset') !== 'DPA') {
        refused.push(url.search.replace(/key=[^&]*/, 'key=***'));
        return json(res, 400, { error: { statuscode: 400, message: 'Requested parameters are not valid.' } });
      }
      const record = [...uprnRecords, ...osPlacesHighStreet].find((dpa) => dpa.UPRN === uprn);
      return json(res, 200, { header: { uri: url.pathname, query: `uprn=${uprn}`, offset: 0, totalresults: record ? 1 : 0 }, ...(record ? { results: [{ DPA: record }] } : {}) });
    }
    const maxresults = Number(params.get('maxresults') ?? '100');
    const shapeOk =
      postcode !== null &&
      params.get('output_srs') === 'WGS84' &&
      params.get('dataset') === 'DPA' &&
      Number.isInteger(maxresults) &&
      maxresults >= 1 &&
      maxresults <= 100 &&
      Number.isInteger(offset) &&
      offset >= 0;
    if (!shapeOk) {
      refused.push(url.search.replace(/key=[^&]*/, 'key=***'));
      return json(res, 400, { error: { statuscode: 400, message: 'Requested parameters are not valid.' } });
    }
    const page = (records: OsPlacesDpa[]) =>
      json(res, 200, osPlacesPage(postcode, records.slice(offset, offset + maxresults), { offset, total: records.length, maxresults }));
    switch (postcode) {
      case stubPostcodes.highStreet:
        return page(osPlacesHighStreet);
      case stubPostcodes.welsh:
        return page(osPlacesWelshPair);
      case stubPostcodes.tower:
        return page(towerFlats);
      case stubPostcodes.none:
        return page([]);
      case stubPostcodes.badRequest:
        return json(res, 400, { error: { statuscode: 400, message: `Requested postcode must contain a minimum of the sector plus 1 digit of the district e.g. SO1. Requested postcode was ${postcode}` } });
      case stubPostcodes.rateLimited:
        return json(res, 429, { fault: { faultstring: 'Rate limit quota violation. Quota limit exceeded.', detail: { errorcode: 'policies.ratelimit.QuotaViolation' } } });
      case stubPostcodes.serverError:
        return json(res, 500, { error: { statuscode: 500, message: 'Internal server error' } });
      case stubPostcodes.notJson:
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html><body>Service temporarily unavailable</body></html>');
      case stubPostcodes.badRecord:
        return json(res, 200, { header: { totalresults: 1 }, results: [{ DPA: { UPRN: 'x', POSTCODE: 'AN3 7BR' } }] });
      case stubPostcodes.hangs:
        hanging.add(res); // answered only when the stub closes
        return;
      default:
        return page([]);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/search/places/v1`,
    requests,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
