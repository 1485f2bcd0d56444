import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { seedRepairReferences } from '../src/repairs/seed.js';
import { sql } from 'kysely';
import { postJson, rows, startTestServer, type TestServer } from './helpers.js';
import { TODAY } from './dates.js';
import { homes, jpeg, manage, postRepair, tapReport, uploadPhoto, type Homes } from './repairs-helpers.js';

interface OpenApi {
  paths: Record<string, Record<string, { operationId: string; tags: string[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

const document = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@council-kit/contracts/openapi.json'), 'utf8')) as OpenApi;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'council-api', components: document.components });
const check = (schema: string, value: unknown): string[] => {
  const validate = ajv.getSchema(`council-api#/components/schemas/${schema}`)!;
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

let server: TestServer;
let home: Homes;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
  home = await homes(server);
});
afterAll(async () => {
  await server?.stop();
});

describe('the OpenAPI document’s repairs paths', () => {
  it('lists every repairs operation, tagged, with its problem responses', () => {
    const operations = Object.entries(document.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.tags?.includes('repairs')).map(([method]) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'GET /repairs/catalogue',
        'GET /repairs/properties/{uprn}',
        'GET /repairs/slots',
        'POST /repairs/photos',
        'POST /repairs',
        'GET /repairs/{reference}',
        'GET /repairs/{reference}/status',
        'PATCH /repairs/{reference}',
        'DELETE /repairs/{reference}',
        'POST /repairs/{reference}/code',
        'POST /repairs/{reference}/token',
      ].sort(),
    );
    for (const method of ['get', 'patch', 'delete']) {
      expect(Object.keys(document.paths['/repairs/{reference}']![method]!.responses), method).toEqual(expect.arrayContaining(['401', '403', '404', '429']));
    }
    expect(Object.keys(document.paths['/repairs']!.post!.responses).sort()).toEqual(['201', '400', '409', '413', '415', '422', '429']);
    expect(Object.keys(document.paths['/repairs/photos']!.post!.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));
  });

  it('describes what the API really answers', async () => {
    expect(check('RepairCatalogue', await (await server.get('/api/v1/repairs/catalogue')).json())).toEqual([]);
    expect(check('RepairProperty', await (await server.get(`/api/v1/repairs/properties/${home.flat1}?lang=cy`)).json())).toEqual([]);
    const slots = (await (await server.get(`/api/v1/repairs/slots?sor=20110&uprn=${home.flat1}`)).json()) as { slots: { id: string }[] };
    expect(check('RepairSlots', slots)).toEqual([]);
    const photo = await (await uploadPhoto(server, jpeg())).json();
    expect(check('PhotoReceipt', photo)).toEqual([]);
    const request = tapReport(home.flat1, { slotId: slots.slots[0]!.id, photoIds: [(photo as { photoId: string }).photoId] });
    expect(check('RepairRequest', request)).toEqual([]);
    const repair = (await (await postRepair(server, request)).json()) as { reference: string; manageToken: string };
    expect(check('ReportedRepair', repair)).toEqual([]);
    const { reference, manageToken } = repair;
    expect(check('Repair', await (await manage(server, 'GET', reference, manageToken)).json())).toEqual([]);
    expect(check('Repair', await (await manage(server, 'PATCH', reference, manageToken, { slotId: slots.slots[1]!.id })).json())).toEqual([]);
    expect(check('Repair', await (await manage(server, 'DELETE', reference, manageToken, { reason: 'other', detail: 'Fixed it myself' })).json())).toEqual([]);
    expect(check('RepairStatusSummary', await (await server.get(`/api/v1/repairs/${seedRepairReferences.completed}/status?postcode=AN1%201AA`)).json())).toEqual([]);
    // Without the link: a code to the contact details on the repair, exchanged for a token.
    const other = (await (await postRepair(server, tapReport(home.flat2))).json()) as { reference: string };
    expect(check('ManageCodeRequest', { postcode: 'AN1 1AA' })).toEqual([]);
    expect(check('ManageCodeSent', await (await postJson(server, `/api/v1/repairs/${other.reference}/code`, { postcode: 'AN1 1AA' })).json())).toEqual([]);
    const [sent] = await rows(server, sql<{ personalisation: string }>`select personalisation from notify_outbox where reference = ${other.reference} and template_id = 'repair-code-sms'`);
    const code = (JSON.parse(sent!.personalisation) as { code: string }).code;
    expect(check('ManageTokenRequest', { postcode: 'AN1 1AA', code })).toEqual([]);
    expect(check('ManageTokenGrant', await (await postJson(server, `/api/v1/repairs/${other.reference}/token`, { postcode: 'AN1 1AA', code })).json())).toEqual([]);
    expect(check('Problem', await (await postJson(server, `/api/v1/repairs/${other.reference}/token`, { postcode: 'AN1 1AA', code })).json())).toEqual([]);
    for (const problem of [
      await server.get(`/api/v1/repairs/RPZZZZZZ/status?postcode=AN1%201AA`),
      await server.get(`/api/v1/repairs/${reference}?postcode=AN1%201AA`),
      await manage(server, 'GET', reference, manageToken),
    ]) {
      expect(check('Problem', await problem.json())).toEqual([]);
    }
  });
});
