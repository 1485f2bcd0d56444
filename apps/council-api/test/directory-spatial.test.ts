import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from '../src/directory/geo.js';
import { nearCondition, spatialIndex } from '../src/directory/spatial.js';
import { startTestServer, type TestServer } from './helpers.js';
import { onPostgres } from './test-database.js';

/**
 * Proximity through a real spatial index (issue 15): SQLite's R*Tree, PostgreSQL's GiST index on
 * ll_to_earth() (cube and earthdistance). The plan shows the index; the answers are exactly
 * the locations a brute-force haversine over every location finds.
 */
let server: TestServer;
let centre: { lat: number; lng: number };
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
  const row = await server.db
    .selectFrom('addresses')
    .select((eb) => [eb.fn.avg<number>('lat').as('lat'), eb.fn.avg<number>('lng').as('lng')])
    .where('postcode_compact', '=', 'AN11AA')
    .executeTakeFirstOrThrow();
  centre = { lat: Number(row.lat), lng: Number(row.lng) };
});
afterAll(async () => {
  await server?.stop();
});

describe('proximity through a spatial index', () => {
  it('the query plan uses the R*Tree on SQLite and the GiST index on PostgreSQL', async () => {
    expect(await spatialIndex(server.db)).toBe(onPostgres ? 'earth' : 'rtree');
    const condition = await nearCondition(server.db, centre, 5000);
    const plan = await server.db.connection().execute(async (db) => {
      if (onPostgres) {
        // A few dozen seeded locations fit one page, where a scan is cheaper: ask for the index.
        await sql`set enable_seqscan = off`.execute(db);
        const rows = await sql<{ 'QUERY PLAN': string }>`explain select l.id from locations l where ${condition}`.execute(db);
        await sql`reset enable_seqscan`.execute(db);
        return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
      }
      const rows = await sql<{ detail: string }>`explain query plan select l.id from locations l where ${condition}`.execute(db);
      return rows.rows.map((row) => row.detail).join('\n');
    });
    expect(plan).toMatch(onPostgres ? /locations_earth_idx/ : /VIRTUAL TABLE INDEX \d+:.*locations_rtree|locations_rtree.*VIRTUAL TABLE/s);
  });

  it.each([1000, 5000, 15_000])('finds exactly the locations within %i m that a haversine over every location finds', async (metres) => {
    const all = await server.db
      .selectFrom('service_at_locations as sal')
      .innerJoin('locations as l', 'l.id', 'sal.location_id')
      .select(['sal.id', 'l.latitude', 'l.longitude'])
      .execute();
    const expected = all
      .filter((row) => row.latitude !== null && row.longitude !== null && haversineMetres(centre, { lat: row.latitude, lng: row.longitude }) <= metres)
      .map((row) => row.id)
      .sort();
    const found: string[] = [];
    for (let page = 1; ; page++) {
      const response = await server.get(`/oruk/service_at_locations?postcode=AN1%201AA&proximity=${metres}&per_page=100&page=${page}`);
      const body = (await response.json()) as { contents: { id: string }[]; last_page: boolean };
      found.push(...body.contents.map((item) => item.id));
      if (body.last_page || !body.contents.length) break;
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(found.sort()).toEqual(expected);
  });
});
