import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { seedDirectoryBulk } from '../src/directory/seed-bulk.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { generateDirectorySeed, generateSeedAddresses, seedIfEmpty } from '../src/seed.js';
import { directoryUuid, UUID_PATTERN } from '../src/directory/ids.js';
import { TODAY } from './dates.js';
import { onPostgres, testDatabase } from './test-database.js';

describe('the directory seed', () => {
  it('is the same every time, and realistic in size', () => {
    const addresses = generateSeedAddresses(20_240_601);
    const a = generateDirectorySeed(addresses);
    expect(generateDirectorySeed(addresses)).toEqual(a);
    expect(a.services.length).toBeGreaterThanOrEqual(280);
    expect(a.services.length).toBeLessThanOrEqual(320);
    expect(a.taxonomyTerms.length).toBeGreaterThanOrEqual(20);
    expect(a.taxonomyTerms.length).toBeLessThanOrEqual(40);
    expect(a.services.filter((s) => !a.schedules.some((x) => x.service_id === s.id)).length).toBeGreaterThan(0);
    expect(a.costOptions.some((c) => c.amount === 0)).toBe(true);
    expect(a.costOptions.some((c) => (c.amount ?? 0) > 0)).toBe(true);
  });

  it('gives every row a unique UUID and places venues on seeded AN addresses', () => {
    const addresses = generateSeedAddresses(20_240_601);
    const rows = generateDirectorySeed(addresses);
    const ids = Object.values(rows).flatMap((table: { id: string }[]) => table.map((row) => row.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID_PATTERN.test(id))).toBe(true);
    const lat = addresses.map((a) => a.lat);
    const lng = addresses.map((a) => a.lng);
    for (const location of rows.locations) {
      expect(location.postal_code).toMatch(/^AN\d/);
      if (location.latitude === null || location.longitude === null) continue;
      expect(location.latitude).toBeGreaterThanOrEqual(Math.min(...lat));
      expect(location.latitude).toBeLessThanOrEqual(Math.max(...lat));
      expect(location.longitude).toBeGreaterThanOrEqual(Math.min(...lng));
      expect(location.longitude).toBeLessThanOrEqual(Math.max(...lng));
    }
  });

  it('derives ids that never collide across kinds or numbers', () => {
    expect(directoryUuid('service', 1)).toBe(directoryUuid('service', 1));
    expect(directoryUuid('service', 1)).not.toBe(directoryUuid('location', 1));
    const many = new Set(Array.from({ length: 20_000 }, (_, n) => directoryUuid('phone', n)));
    expect(many.size).toBe(20_000);
    expect(() => directoryUuid('service', 2 ** 24)).toThrow(RangeError);
  });
});

describe('seedDirectoryBulk', () => {
  it('adds services after the seed, searchable and deterministic', async () => {
    const counts: number[][] = [];
    const loaded: unknown[][] = [];
    for (let run = 0; run < 2; run++) {
      const database = await testDatabase();
      const db = createDatabase(database.url);
      try {
        await migrateToLatest(db);
        await seedIfEmpty(db, { today: TODAY });
        // The second run on PostgreSQL loads through COPY (as the generator does): the same rows.
        const result = await seedDirectoryBulk(db, { count: 900, batchSize: 400, ...(run === 1 && onPostgres ? { postgresUrl: database.url } : {}) });
        expect(result.services).toBe(900);
        const services = await db.selectFrom('services').select(['id', 'name', 'name_cy', 'description_cy', 'minimum_age']).orderBy('id').execute();
        loaded.push(services);
        const search = await db.selectFrom('services_search').select('service_id').execute();
        expect(search).toHaveLength(services.length);
        counts.push([services.length, (await db.selectFrom('locations').select('id').execute()).length]);
        if (run === 0) expect(services.length).toBeGreaterThan(1_100);
        // A second load into the same database adds more, without id clashes.
        if (run === 1) {
          await seedDirectoryBulk(db, { count: 100 });
          expect((await db.selectFrom('services').select('id').execute()).length).toBe(services.length + 100);
        }
      } finally {
        await db.destroy();
        await database.cleanup();
      }
    }
    expect(counts[0]).toEqual(counts[1]);
    expect(loaded[1]).toEqual(loaded[0]);
  });

  it('refuses a count it cannot number', async () => {
    const database = await testDatabase();
    const db = createDatabase(database.url);
    try {
      await migrateToLatest(db);
      await expect(seedDirectoryBulk(db, { count: -1 })).rejects.toThrow(RangeError);
      await expect(seedDirectoryBulk(db, { count: 50_000_000 })).rejects.toThrow(RangeError);
    } finally {
      await db.destroy();
      await database.cleanup();
    }
  });
});
