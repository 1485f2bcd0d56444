import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { TODAY } from './dates.js';
import { postJson, startTestServer, type TestServer } from './helpers.js';
import { reportableToday, type LastCollection } from './waste-support.js';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>>;
  components: { schemas: Record<string, unknown> };
}

const document = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@council-kit/contracts/openapi.json'), 'utf8'),
) as OpenApi;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'council-api', components: document.components });

function check(schema: string, value: unknown): string[] {
  const validate = ajv.getSchema(`council-api#/components/schemas/${schema}`);
  if (!validate) throw new Error(`No schema ${schema}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

describe('the OpenAPI document’s waste paths', () => {
  it('lists the three waste paths with their operations and responses', () => {
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/waste/properties/{uprn}/collections', '/waste/properties/{uprn}/collections.ics', '/waste/missed-collections', '/waste/container-requests']),
    );
    expect(Object.keys(document.paths['/waste/missed-collections']!.post!.responses).sort()).toEqual(['200', '201', '400', '413', '415', '422', '429']);
    expect(document.paths['/waste/properties/{uprn}/collections.ics']!.get!.responses['200']).toMatchObject({
      content: { 'text/calendar; charset=utf-8': { schema: { type: 'string' } } },
    });
    for (const name of ['CollectionsResult', 'WasteService', 'MissedCollectionRequest', 'ContainerRequest', 'SubmissionReceipt']) {
      expect(document.components.schemas).toHaveProperty(name);
    }
  });

  it('describes what the API really answers', async () => {
    for (const uprn of ['100070000112', '100070000179', '100070000245', '100070007641', '100070000057']) {
      const body = await (await server.get(`/api/v1/waste/properties/${uprn}/collections?lang=cy`)).json();
      expect(check('CollectionsResult', body), uprn).toEqual([]);
    }
    const created = await (await postJson(server, '/api/v1/waste/container-requests', { uprn: '100070000112', containerId: 'refuse', reason: 'lost' })).json();
    expect(check('SubmissionReceipt', created)).toEqual([]);
    const [{ uprn, serviceId, collectionDate }] = (await reportableToday(server.db, TODAY, 1)) as [LastCollection];
    const missed = { uprn, serviceId, collectionDate, binOutInTime: true, contact: {} };
    const first = await postJson(server, '/api/v1/waste/missed-collections', missed);
    expect(first.status).toBe(201);
    expect(check('SubmissionReceipt', await first.json())).toEqual([]);
    const duplicate = await (await postJson(server, '/api/v1/waste/missed-collections', missed)).json();
    expect(duplicate).toMatchObject({ duplicate: true });
    expect(check('SubmissionReceipt', duplicate)).toEqual([]);
    const problem = await (await postJson(server, '/api/v1/waste/missed-collections', { uprn: 1 })).json();
    expect(check('Problem', problem)).toEqual([]);
  });

  it('accepts exactly the bodies the elements send, and refuses what the API refuses', () => {
    // What <council-missed-bin-report> and <council-container-request> post.
    expect(check('MissedCollectionRequest', { uprn: '100070000112', serviceId: 'refuse', collectionDate: '2026-11-24', binOutInTime: true, contact: {} })).toEqual([]);
    expect(check('ContainerRequest', { uprn: '100070000112', containerId: 'garden', reason: 'damaged', contact: { email: 'a@example.com', phone: '07700900982' } })).toEqual([]);
    expect(check('MissedCollectionRequest', { uprn: '100070000112', serviceId: 'refuse', collectionDate: '2026-11-24', binOutInTime: false })).not.toEqual([]);
    expect(check('MissedCollectionRequest', { uprn: '100070000112', serviceId: 'refuse', collectionDate: '2026-11-24', binOutInTime: true, notes: 'x' })).not.toEqual([]);
    expect(check('ContainerRequest', { uprn: '100070000112', containerId: 'glass', reason: 'lost' })).not.toEqual([]);
    expect(check('ContainerRequest', { uprn: '100070000112', containerId: 'food', reason: 'lost', contact: { fax: '1' } })).not.toEqual([]);
  });
});
