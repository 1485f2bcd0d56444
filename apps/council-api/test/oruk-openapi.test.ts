import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointParameters } from '../src/directory/params.js';
import { startTestServer, type TestServer } from './helpers.js';

interface PathItem {
  servers?: { url: string }[];
  get: { responses: Record<string, unknown>; parameters?: { name: string }[] };
}
const document = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@council-kit/contracts/openapi.json'), 'utf8')) as {
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, unknown> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'council-api', components: document.components });
const check = (schema: string, value: unknown): string[] => {
  const validate = ajv.getSchema(`council-api#/components/schemas/${schema}`)!;
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

describe('the OpenAPI document’s /oruk paths', () => {
  it('lists every ORUK 3.0 path, served under /oruk, with exactly the parameters each endpoint honours', () => {
    const oruk = [
      '/', '/services', '/services/{id}', '/service_at_locations', '/service_at_locations/{id}', '/taxonomies', '/taxonomies/{id}',
      '/taxonomy_terms', '/taxonomy_terms/{id}', '/organizations', '/organizations/{id}',
    ];
    for (const path of oruk) expect(document.paths[path]?.servers, path).toEqual([expect.objectContaining({ url: '/oruk' })]);
    const names = (path: string): string[] => (document.paths[path]!.get.parameters ?? []).map((p) => p.name).filter((name) => name !== 'id').sort();
    expect(names('/services')).toEqual([...endpointParameters.services].sort());
    expect(names('/service_at_locations')).toEqual([...endpointParameters.serviceAtLocations].sort());
    expect(names('/taxonomy_terms')).toEqual([...endpointParameters.taxonomyTerms].sort());
    expect(names('/taxonomies')).toEqual([...endpointParameters.taxonomies].sort());
    expect(names('/organizations')).toEqual([...endpointParameters.organizations].sort());
    expect(names('/organizations/{id}')).toEqual([...endpointParameters.organization].sort());
    expect(Object.keys(document.paths['/services/{id}']!.get.responses).sort()).toEqual(['200', '400', '404', '429']);
  });

  it('describes what the API really answers', async () => {
    const get = async (path: string): Promise<unknown> => (await server.get(path)).json();
    expect(check('OrukApiDetails', await get('/oruk'))).toEqual([]);
    const services = (await get('/oruk/services?search=lunch&per_page=30')) as { contents: { id: string }[] };
    expect(check('OrukServicePage', services)).toEqual([]);
    expect(check('OrukService', await get(`/oruk/services/${services.contents[0]!.id}`))).toEqual([]);
    expect(check('OrukServicePage', await get('/oruk/services?postcode=AN1%201AA&proximity=2000'))).toEqual([]);
    expect(check('OrukServiceAtLocationPage', await get('/oruk/service_at_locations?postcode=AN1%201AA&proximity=4000&per_page=100'))).toEqual([]);
    expect(check('OrukServiceAtLocationPage', await get('/oruk/service_at_locations?per_page=100&page=2'))).toEqual([]);
    expect(check('OrukTaxonomyTermPage', await get('/oruk/taxonomy_terms?per_page=100'))).toEqual([]);
    expect(check('Problem', await get('/oruk/service_at_locations?postcode=SW1A%201AA'))).toEqual([]);
    expect(check('OrukServicePage', await get('/oruk/services?minimal=true&per_page=1000'))).toEqual([]);
    const items = (await get('/oruk/service_at_locations?per_page=3')) as { contents: { id: string }[] };
    expect(check('OrukServiceAtLocationItem', await get(`/oruk/service_at_locations/${items.contents[0]!.id}`))).toEqual([]);
    const taxonomies = (await get('/oruk/taxonomies')) as { contents: { id: string }[] };
    expect(check('OrukTaxonomyPage', taxonomies)).toEqual([]);
    expect(check('OrukTaxonomy', await get(`/oruk/taxonomies/${taxonomies.contents[0]!.id}`))).toEqual([]);
    const terms = (await get('/oruk/taxonomy_terms?top_only=true')) as { contents: { id: string }[] };
    expect(check('OrukTaxonomyTerm', await get(`/oruk/taxonomy_terms/${terms.contents[0]!.id}`))).toEqual([]);
    const organizations = (await get('/oruk/organizations?per_page=5')) as { contents: { id: string }[] };
    expect(check('OrukOrganizationPage', organizations)).toEqual([]);
    expect(check('OrukOrganizationWithServices', await get(`/oruk/organizations/${organizations.contents[0]!.id}`))).toEqual([]);
    expect(check('Problem', await get('/oruk/organizations/00000000-0000-4000-8000-000000000000'))).toEqual([]);
  });
});
