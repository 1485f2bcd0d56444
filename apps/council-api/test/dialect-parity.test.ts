import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { startServer, type RunningServer } from '../src/server.js';
import { REFERENCE_ALPHABET } from '../src/http/references.js';
import { startTestServer, testOptions, type TestServer } from './helpers.js';
import { TODAY } from './dates.js';
import { postRepair, tapReport } from './repairs-helpers.js';
import { onPostgres } from './test-database.js';
import { reportableToday, type LastCollection } from './waste-support.js';

/**
 * The same seed on SQLite and on PostgreSQL answers the same, byte for byte: one server on
 * each, the same clock and the same reference sequence, every read endpoint compared as sent.
 * Only search ranking may differ (bm25 against ts_rank): there the same services must match.
 * Runs in the PostgreSQL pass (it needs both databases).
 */

let sqliteDir: string;
let sqlite: RunningServer;
let postgres: TestServer;

/** References from a counter, so both servers hand out the same ones in the same order. */
const counter = () => {
  let n = 0;
  // Eight characters of the reference alphabet (no 0, 1, I, L or O).
  return () => `PRTYAB${REFERENCE_ALPHABET[Math.floor(n / 31) % 31]}${REFERENCE_ALPHABET[n++ % 31]}`;
};

/** Manage tokens from a counter too (43 base64url characters), so both answers are alike. */
const tokens = () => {
  let n = 0;
  return () => `parity-token-${n++}`.padEnd(43, 'x');
};

beforeAll(async () => {
  if (!onPostgres) return;
  const same = { clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 };
  sqliteDir = mkdtempSync(join(tmpdir(), 'council-api-parity-'));
  sqlite = await startServer(testOptions(join(sqliteDir, 'council.sqlite'), { ...same, newReference: counter(), newManageToken: tokens() }));
  postgres = await startTestServer({ ...same, newReference: counter(), newManageToken: tokens() });
}, 60_000);

afterAll(async () => {
  await sqlite?.close();
  await postgres?.stop();
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
});

async function both(path: string, init?: RequestInit): Promise<[{ status: number; type: string | null; body: string }, { status: number; type: string | null; body: string }]> {
  const read = async (base: string) => {
    const response = await fetch(new URL(path, base), init);
    // Links name the server they came from (the two differ only in port); a calendar's DTSTAMP
    // is when it was made.
    const body = (await response.text()).replaceAll(base, '<server>').replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:<now>');
    return { status: response.status, type: response.headers.get('content-type'), body };
  };
  return [await read(sqlite.url), await read(postgres.url)];
}

const aFlat = () =>
  postgres.db.selectFrom('addresses').select(['uprn', 'postcode']).where('council_owned', '=', 1).where('block_id', 'is not', null).orderBy('uprn').executeTakeFirstOrThrow();

describe.skipIf(!onPostgres)('SQLite and PostgreSQL answer alike', () => {
  const reads = [
    '/api/v1/addresses?postcode=AN1%201AA',
    '/api/v1/addresses?postcode=AN2%203CD',
    '/api/v1/addresses?postcode=SW1A%201AA',
    '/api/v1/addresses?postcode=nope',
    '/api/v1/waste/properties/100070000112/collections',
    '/api/v1/waste/properties/100070000112/collections?lang=cy',
    '/api/v1/waste/properties/100070000112/collections.ics',
    '/api/v1/waste/properties/000000000000/collections',
    '/api/v1/repairs/catalogue',
    '/oruk/',
    '/oruk/services',
    '/oruk/services?page=3&per_page=7',
    '/oruk/services?postcode=AN1%201AA&proximity=2000',
    '/oruk/service_at_locations?postcode=AN1%201AA&proximity=4000&per_page=100',
    '/oruk/service_at_locations?per_page=100&page=2',
    '/oruk/taxonomy_terms?per_page=100',
    '/oruk/services/00000000-0000-4000-8000-000000000000',
    '/oruk/services/not-an-id',
  ];

  it.each(reads)('GET %s', async (path) => {
    const [a, b] = await both(path);
    expect(b.status).toBe(a.status);
    expect(b.type).toBe(a.type);
    expect(b.body).toBe(a.body);
  });

  it('GET a service, and a council home and its appointment slots', async () => {
    const services = JSON.parse((await both('/oruk/services?per_page=5'))[0].body) as { contents: { id: string }[] };
    const { uprn: flat } = await aFlat();
    for (const path of [
      ...services.contents.map((s) => `/oruk/services/${s.id}`),
      `/api/v1/repairs/properties/${flat}`,
      `/api/v1/repairs/properties/${flat}?lang=cy`,
      `/api/v1/repairs/slots?sor=20110&uprn=${flat}`,
    ]) {
      const [a, b] = await both(path);
      expect(b.status, path).toBe(a.status);
      expect(b.body, path).toBe(a.body);
    }
  });

  it('search finds the same services on both; only the order within equal relevance may differ', async () => {
    for (const words of ['food', 'lunch club', 'debt advice', 'Lon', 'zzzz-nothing']) {
      const path = `/oruk/services?search=${encodeURIComponent(words)}&per_page=100`;
      const [a, b] = (await both(path)).map((r) => JSON.parse(r.body) as { total_items: number; contents: { id: string }[] });
      expect(b!.total_items, words).toBe(a!.total_items);
      expect(b!.contents.map((s) => s.id).sort(), words).toEqual(a!.contents.map((s) => s.id).sort());
    }
  });

  it('the same reports get the same answers: a missed bin, a repair, and reading it back', async () => {
    const [{ uprn, serviceId, collectionDate }] = (await reportableToday(postgres.db, TODAY, 1)) as [LastCollection];
    const missed = { uprn, serviceId, collectionDate, binOutInTime: true, contact: {} };
    const post = (path: string, body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const timestamps = (body: string) => body.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>');

    const [a, b] = await both('/api/v1/waste/missed-collections', post('', missed));
    expect(a.status).toBe(201);
    expect(timestamps(b.body)).toBe(timestamps(a.body));

    const { uprn: flat, postcode } = await aFlat();
    const [slots] = await both(`/api/v1/repairs/slots?sor=20110&uprn=${flat}`);
    const report = tapReport(flat, { slotId: (JSON.parse(slots.body) as { slots: { id: string }[] }).slots[0]!.id });
    const [ra, rb] = await Promise.all([postRepair(sqlite, report, 'parity'), postRepair(postgres, report, 'parity')]);
    const [bodyA, bodyB] = [await ra.text(), await rb.text()];
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(ra.status);
    expect(timestamps(bodyB)).toBe(timestamps(bodyA));
    const { reference, manageToken } = JSON.parse(bodyA) as { reference: string; manageToken: string };
    const [readA, readB] = await both(`/api/v1/repairs/${reference}`, { headers: { Authorization: `Bearer ${manageToken}` } });
    expect(readA.status).toBe(200);
    expect(timestamps(readB.body)).toBe(timestamps(readA.body));
    const [statusA, statusB] = await both(`/api/v1/repairs/${reference}/status?postcode=${encodeURIComponent(postcode)}`);
    expect(statusA.status).toBe(200);
    expect(statusB.body).toBe(statusA.body);
  });
});
