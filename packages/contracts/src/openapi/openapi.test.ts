import { describe, expect, it } from 'vitest';
import committed from '../../openapi/council-api.json';
import { anytownAddresses, anytownCollectionsOn, repairCatalogueFixture, repairFixture, repairPropertyFixture, repairSlotsFixture, repairStatusFixture, reportedRepairFixture, manageCodeSentFixture, manageTokenGrantFixture } from '../fixtures/index.js';
import { openApiDocument } from './document.js';

const document = openApiDocument() as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { additionalProperties?: boolean }> } };

describe('the OpenAPI document', () => {
  it('is what the schemas make (after changing a contract, run `npm run openapi --workspace @council-kit/contracts`)', () => {
    expect(committed).toEqual(document);
  });

  it('keeps every path and operation the council API serves', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).filter((key) => key != 'servers').map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'GET /addresses',
        'GET /waste/properties/{uprn}/collections',
        'GET /waste/properties/{uprn}/collections.ics',
        'POST /waste/missed-collections',
        'POST /waste/container-requests',
        'GET /waste/container-requests/{reference}/payment',
        'POST /waste/container-requests/{reference}/payment',
        'GET /waste/properties/{uprn}/garden',
        'POST /waste/garden-subscriptions',
        'GET /waste/garden-subscriptions/{reference}/payment',
        'POST /waste/garden-subscriptions/{reference}/payment',
        'GET /',
        'GET /services',
        'GET /services/{id}',
        'GET /service_at_locations',
        'GET /service_at_locations/{id}',
        'GET /taxonomy_terms',
        'GET /taxonomy_terms/{id}',
        'GET /taxonomies',
        'GET /taxonomies/{id}',
        'GET /organizations',
        'GET /organizations/{id}',
        'GET /repairs/catalogue',
        'GET /repairs/properties/{uprn}',
        'GET /repairs/slots',
        'POST /repairs/photos',
        'POST /repairs',
        'GET /repairs/{reference}',
        'GET /repairs/{reference}/status',
        'POST /repairs/{reference}/code',
        'POST /repairs/{reference}/token',
        'PATCH /repairs/{reference}',
        'DELETE /repairs/{reference}',
        'GET /waste/bulky/catalogue',
        'GET /waste/properties/{uprn}/bulky-dates',
        'POST /waste/bulky-bookings',
        'GET /waste/bulky-bookings/{reference}',
        'PATCH /waste/bulky-bookings/{reference}',
        'DELETE /waste/bulky-bookings/{reference}',
        'GET /waste/bulky-bookings/{reference}/payment',
        'POST /waste/bulky-bookings/{reference}/payment',
      ].sort(),
    );
  });

  it('has a component for every $ref, and refuses unknown keys in every request body', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(schemas|responses)\/([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    for (const [kind, name] of refs) expect((document.components as Record<string, Record<string, unknown>>)[kind]?.[name], `${kind}/${name}`).toBeDefined();
    for (const name of ['Contact', 'MissedCollectionRequest', 'ContainerRequest', 'RepairRequest', 'RescheduleRequest', 'CancelRequest', 'BulkyBookingRequest', 'BulkyChangeRequest']) {
      expect(document.components.schemas[name]?.additionalProperties, name).toBe(false);
    }
  });

  it('describes the fixtures the elements are tested with', () => {
    // Shapes only: a light structural check (required keys and primitive types) keeps this test free of a JSON Schema library.
    const check = (schema: unknown, value: unknown, path: string): void => {
      const s = schema as { $ref?: string; type?: string; required?: string[]; properties?: Record<string, unknown>; items?: unknown; enum?: unknown[] };
      if (s.$ref) return check(document.components.schemas[s.$ref.split('/').pop()!], value, path);
      if (s.enum) expect(s.enum, path).toContain(value);
      if (s.type == 'object') {
        for (const key of s.required ?? []) expect(value, path).toHaveProperty(key);
        for (const [key, sub] of Object.entries(s.properties ?? {})) if ((value as Record<string, unknown>)[key] !== undefined) check(sub, (value as Record<string, unknown>)[key], `${path}.${key}`);
      } else if (s.type == 'array') (value as unknown[]).forEach((item, i) => check(s.items, item, `${path}[${i}]`));
      else if (s.type) expect(typeof value == 'number' && s.type == 'integer' ? 'integer' : typeof value, path).toBe(s.type);
    };
    check({ $ref: 'AddressLookupResult' }, anytownAddresses, 'addresses');
    check({ $ref: 'CollectionsResult' }, anytownCollectionsOn('2026-11-18'), 'collections');
    check({ $ref: 'RepairCatalogue' }, repairCatalogueFixture, 'catalogue');
    check({ $ref: 'RepairSlots' }, repairSlotsFixture, 'slots');
    check({ $ref: 'RepairProperty' }, repairPropertyFixture, 'property');
    check({ $ref: 'Repair' }, repairFixture, 'repair');
    check({ $ref: 'ReportedRepair' }, reportedRepairFixture, 'reported repair');
    check({ $ref: 'RepairStatusSummary' }, repairStatusFixture, 'repair status');
    check({ $ref: 'ManageCodeSent' }, manageCodeSentFixture, 'code sent');
    check({ $ref: 'ManageTokenGrant' }, manageTokenGrantFixture, 'token grant');
  });
});
