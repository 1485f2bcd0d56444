import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readRepairCatalogue, validate, type RepairCatalogue } from '@council-kit/contracts';
import { anytownRepairCatalogue, repairCatalogueFixture } from '@council-kit/contracts/fixtures';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { fixedClock } from '../src/clock.js';
import { checkCatalogue } from '../src/repairs/catalogue-store.js';
import { startServer } from '../src/server.js';
import { startTestServer, tempDir, testOptions, type TestServer } from './helpers.js';
import { testDatabase } from './test-database.js';
import { TODAY } from './dates.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@council-kit/contracts/schema/repair-catalogue.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateSchema = ajv.compile(schema);
const schemaErrors = (value: unknown) => (validateSchema(value) ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

const leaves = (catalogue: RepairCatalogue) => catalogue.locations.flatMap((l) => l.problems.flatMap((p) => p.leaves.map((leaf) => ({ location: l, leaf }))));

describe('the example catalogue', () => {
  it('passes the contract’s reader, the stricter load checks and the JSON Schema', () => {
    expect(validate(readRepairCatalogue, anytownRepairCatalogue)).toEqual(anytownRepairCatalogue);
    expect(() => checkCatalogue(anytownRepairCatalogue)).not.toThrow();
    expect(schemaErrors(anytownRepairCatalogue)).toEqual([]);
    expect(schemaErrors(repairCatalogueFixture)).toEqual([]); // the small fixture too
  });

  it('has about a hundred leaves, unique ids everywhere and unique SOR codes', () => {
    const all = leaves(anytownRepairCatalogue);
    expect(all.length).toBeGreaterThanOrEqual(95);
    const ids = [
      ...anytownRepairCatalogue.emergencies.map((e) => e.id),
      ...anytownRepairCatalogue.locations.flatMap((l) => [l.id, ...l.problems.flatMap((p) => [p.id, ...p.leaves.map((leaf) => leaf.id)])]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(all.map(({ leaf }) => leaf.sor)).size).toBe(all.length);
  });

  it('keeps the small fixture’s leaves (same ids, codes and trades), so element stories work against the API', () => {
    const byId = new Map(leaves(anytownRepairCatalogue).map(({ leaf }) => [leaf.id, leaf]));
    for (const { leaf } of leaves(repairCatalogueFixture)) {
      expect(byId.get(leaf.id), leaf.id).toMatchObject({ sor: leaf.sor, trade: leaf.trade, priority: leaf.priority });
    }
  });

  it('is bilingual, follows the priority rules, and opens only communal repairs to leaseholders', () => {
    const labels = [
      anytownRepairCatalogue.council.name,
      ...anytownRepairCatalogue.emergencies.map((e) => e.label),
      ...anytownRepairCatalogue.locations.flatMap((l) => [l.label, ...l.problems.flatMap((p) => [p.label, ...p.leaves.flatMap((leaf) => [leaf.label, ...(leaf.hint ? [leaf.hint] : [])])])]),
    ];
    for (const label of labels) {
      expect(label.cy.trim(), label.en).not.toBe('');
      expect(label.cy, label.en).not.toBe(label.en);
    }
    const targets = { emergency: [1, 1], urgent: [3, 5], routine: [20, 28] } as const;
    for (const { location, leaf } of leaves(anytownRepairCatalogue)) {
      const [min, max] = targets[leaf.priority];
      expect(leaf.targetDays, leaf.id).toBeGreaterThanOrEqual(min);
      expect(leaf.targetDays, leaf.id).toBeLessThanOrEqual(max);
      if (leaf.eligibility.leaseholder) expect(location.communal, leaf.id).toBe(true);
    }
    expect(anytownRepairCatalogue.emergencies.find((e) => e.id === 'gas')).toMatchObject({ gas: true });
    expect(anytownRepairCatalogue.emergencies.map((e) => e.id)).toEqual(expect.arrayContaining(['gas', 'danger', 'flooding', 'no-heating', 'no-electricity', 'cannot-secure']));
    const outcomes = new Set(leaves(anytownRepairCatalogue).map(({ leaf }) => leaf.outcome).filter(Boolean));
    expect([...outcomes]).toEqual(expect.arrayContaining(['contact-us', 'we-will-contact']));
    expect(new Set(leaves(anytownRepairCatalogue).map(({ leaf }) => leaf.trade))).toEqual(new Set(['plumber', 'electrician', 'carpenter', 'gas-engineer', 'roofer', 'glazier', 'general']));
  });

  it('the JSON Schema catches what a council is likely to get wrong', () => {
    const bad = structuredClone(anytownRepairCatalogue) as unknown as Record<string, unknown> & { locations: { problems: { leaves: Record<string, unknown>[] }[] }[] };
    bad.locations[0]!.problems[0]!.leaves[0]!.priority = 'soon';
    bad.locations[0]!.problems[0]!.leaves[1]!.colour = 'red';
    delete (bad.locations[0]!.problems[0]!.leaves[2]!.label as Record<string, unknown>).cy;
    expect(schemaErrors(bad)).toEqual(
      expect.arrayContaining([
        '/locations/0/problems/0/leaves/0/priority must be equal to one of the allowed values',
        '/locations/0/problems/0/leaves/1 must NOT have additional properties',
        "/locations/0/problems/0/leaves/2/label must have required property 'cy'",
      ]),
    );
  });

  it('the load checks refuse duplicate ids and fractional target days, naming the path', () => {
    const duplicate = structuredClone(anytownRepairCatalogue);
    duplicate.locations[1]!.problems[0]!.leaves[0]!.id = 'tap-dripping';
    expect(() => checkCatalogue(duplicate)).toThrow(/locations\[1\]\.problems\[0\]\.leaves\[0\]\.id: expected an id not already used/);
    const fraction = structuredClone(anytownRepairCatalogue);
    fraction.locations[0]!.problems[0]!.leaves[0]!.targetDays = 2.5;
    expect(() => checkCatalogue(fraction)).toThrow(/locations\[0\]\.problems\[0\]\.leaves\[0\]\.targetDays/);
  });
});

describe('GET /api/v1/repairs/catalogue', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the example catalogue with an ETag from its version and a cache lifetime', async () => {
    const response = await server.get('/api/v1/repairs/catalogue');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"2026-11-01-[\w-]+"$/);
    expect(validate(readRepairCatalogue, await response.json())).toEqual(anytownRepairCatalogue);
    const again = await server.get('/api/v1/repairs/catalogue', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });
});

describe('REPAIRS_CATALOGUE_FILE', () => {
  it('loads a council’s own catalogue, which the API then serves', async () => {
    const { dir, cleanup } = tempDir();
    const database = await testDatabase();
    try {
      const file = join(dir, 'catalogue.json');
      writeFileSync(file, JSON.stringify({ ...repairCatalogueFixture, version: 'council-7' }));
      const server = await startServer(testOptions(database.url, { env: { REPAIRS_CATALOGUE_FILE: file }, clock: fixedClock(TODAY) }));
      try {
        const body = (await (await fetch(`${server.url}/api/v1/repairs/catalogue`)).json()) as RepairCatalogue;
        expect(body.version).toBe('council-7');
        expect(leaves(body)).toHaveLength(leaves(repairCatalogueFixture).length);
      } finally {
        await server.close();
      }
    } finally {
      await database.cleanup();
      cleanup();
    }
  });

  it('refuses to start with a bad catalogue, naming the file and the path of the bad value', async () => {
    const { dir, cleanup } = tempDir();
    const database = await testDatabase();
    try {
      const file = join(dir, 'catalogue.json');
      const bad = structuredClone(repairCatalogueFixture) as unknown as { locations: { problems: { leaves: { priority: string }[] }[] }[] };
      bad.locations[1]!.problems[0]!.leaves[1]!.priority = 'soon';
      writeFileSync(file, JSON.stringify(bad));
      const start = (env: Record<string, string>) => startServer(testOptions(database.url, { env, clock: fixedClock(TODAY) }));
      const failure = await start({ REPAIRS_CATALOGUE_FILE: file }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as Error).message).toContain(file);
      expect((failure as Error).message).toContain('locations[1].problems[0].leaves[1].priority: expected emergency|urgent|routine');

      writeFileSync(file, '{ "version": ');
      await expect(start({ REPAIRS_CATALOGUE_FILE: file })).rejects.toThrow(/is not valid JSON/);
      await expect(start({ REPAIRS_CATALOGUE_FILE: join(dir, 'missing.json') })).rejects.toThrow(/missing\.json" cannot be read: ENOENT/);
    } finally {
      await database.cleanup();
      cleanup();
    }
  });
});
