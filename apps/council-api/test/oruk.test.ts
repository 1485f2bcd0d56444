import { parseOrukCategories, parseOrukPage, parseOrukService } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awkwardDirectoryRecords as awkward } from '../src/seed.js';
import { orukErrors } from './oruk-schemas.js';
import { startTestServer, type TestServer } from './helpers.js';

interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
interface Service {
  id: string;
  name: string;
  description: string;
  url: string;
  email?: string;
  organization: { id: string; name: string; website?: string };
  service_at_locations: { location: { latitude?: number; longitude?: number; addresses: { postal_code: string }[] } }[];
  attributes: { taxonomy_term: { id: string; name: string } }[];
  contacts: { email?: string }[];
  phones: { number: string; service_id: string }[];
}
interface Term {
  id: string;
  name: string;
  code: string;
  parent_id?: string;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

async function json<T>(path: string, status = 200): Promise<T> {
  const response = await server.get(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type'), path).toMatch(status < 400 ? /^application\/json/ : /^application\/problem\+json/);
  return (await response.json()) as T;
}

async function findByName(name: string): Promise<Service> {
  const page = await json<Page<Service>>(`/oruk/services?search=${encodeURIComponent(name.slice(0, 120))}&per_page=100`);
  const found = page.contents.find((service) => service.name === name);
  expect(found, name).toBeDefined();
  return json<Service>(`/oruk/services/${found!.id}`);
}

describe('GET /oruk/', () => {
  it('names the ORUK version, profile and OpenAPI document, with or without the slash', async () => {
    for (const path of ['/oruk', '/oruk/']) {
      const body = await json<{ version: string; profile: string; openapi_url: string }>(path);
      expect(orukErrors('root', body)).toEqual([]);
      expect(body.version).toBe('3.0');
      expect(body.openapi_url).toBe(`${server.url}/oruk/openapi.json`);
    }
    const openapi = await json<{ openapi: string; paths: Record<string, unknown> }>('/oruk/openapi.json');
    expect(openapi.openapi).toMatch(/^3\.1/);
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/services', '/services/{id}', '/service_at_locations', '/taxonomy_terms']));
  });
});

describe('responses match the ORUK v3 schemas and the elements’ parsers', () => {
  it('GET /oruk/services: every page of the seed', async () => {
    let page = 1;
    let seen = 0;
    for (;;) {
      const body = await json<Page<Service>>(`/oruk/services?per_page=100&page=${page}`);
      expect(orukErrors('service_page', body)).toEqual([]);
      const parsed = parseOrukPage(body, 'v3');
      expect(parsed.items).toHaveLength(body.contents.length); // no record dropped as malformed
      expect(parsed).toMatchObject({ totalItems: body.total_items, totalPages: body.total_pages, page, size: body.contents.length });
      seen += body.contents.length;
      if (body.last_page) break;
      page++;
    }
    expect(seen).toBeGreaterThanOrEqual(290);
  });

  it('GET /oruk/services/{id}: fully nested, for a sample of services', async () => {
    const list = await json<Page<Service>>('/oruk/services?per_page=40&page=3');
    for (const { id } of list.contents) {
      const service = await json<Service & Record<string, unknown>>(`/oruk/services/${id}`);
      expect(orukErrors('service', service), id).toEqual([]);
      for (const key of ['organization', 'service_at_locations', 'schedules', 'contacts', 'cost_options', 'attributes', 'languages', 'last_modified']) {
        expect(service, `${id} ${key}`).toHaveProperty(key);
      }
      const parsed = parseOrukService(service);
      expect(parsed).toMatchObject({ id, name: service.name, organisation: { name: service.organization.name } });
      expect(parsed.categories.length).toBeGreaterThan(0);
      expect(parsed.locations.length).toBe(service.service_at_locations.length);
    }
  });

  it('GET /oruk/service_at_locations, with and without a postcode', async () => {
    for (const path of [
      '/oruk/service_at_locations?per_page=50',
      '/oruk/service_at_locations?search=toddler&per_page=50',
      '/oruk/service_at_locations?postcode=AN1%201AA&proximity=3000&per_page=50',
      '/oruk/service_at_locations?postcode=an11aa&proximity=8047&search=food&per_page=50',
    ]) {
      const body = await json<Page<{ service: Service; distance?: number }>>(path);
      expect(orukErrors('service_at_location_page', body), path).toEqual([]);
      expect(body.contents.length, path).toBeGreaterThan(0);
      const parsed = parseOrukPage(body, 'v3');
      expect(parsed.items).toHaveLength(body.contents.length);
      parsed.items.forEach((item, i) => {
        expect(item.locations).toHaveLength(1); // the location this item is at, not all of the service's
        expect(item.distance).toBe(body.contents[i]!.distance);
      });
    }
  });

  it('GET /oruk/taxonomy_terms: a two-level hierarchy the category filter can read', async () => {
    const body = await json<Page<Term>>('/oruk/taxonomy_terms?per_page=100');
    expect(orukErrors('taxonomy_term_page', body)).toEqual([]);
    expect(body.total_items).toBeGreaterThanOrEqual(20);
    expect(body.total_items).toBeLessThanOrEqual(40);
    const categories = parseOrukCategories(body);
    expect(categories).toHaveLength(body.total_items);
    const ids = new Set(body.contents.map((term) => term.id));
    const children = body.contents.filter((term) => term.parent_id);
    expect(children.length).toBeGreaterThan(10);
    for (const child of children) expect(ids.has(child.parent_id!)).toBe(true);
    // Broader terms come first, each followed by its narrower ones.
    body.contents.forEach((term, i) => {
      if (term.parent_id) expect(body.contents.slice(0, i).some((t) => t.id === term.parent_id)).toBe(true);
    });
    const food = body.contents.find((term) => term.code === 'food')!;
    const narrower = await json<Page<Term>>(`/oruk/taxonomy_terms?parent_id=${food.id}`);
    expect(narrower.contents.map((term) => term.code).sort()).toEqual(['clothing', 'community-meals', 'food-banks']);
  });
});

describe('paging', () => {
  it('counts pages, marks the first and last, and answers an empty page past the end', async () => {
    const first = await json<Page<Service>>('/oruk/services?per_page=7');
    const pages = Math.ceil(first.total_items / 7);
    expect(first).toMatchObject({ page_number: 1, size: 7, total_pages: pages, first_page: true, last_page: false, empty: false });
    expect(first.contents).toHaveLength(7);

    const last = await json<Page<Service>>(`/oruk/services?per_page=7&page=${pages}`);
    expect(last).toMatchObject({ page_number: pages, first_page: false, last_page: true, empty: false });
    expect(last.contents).toHaveLength(first.total_items - 7 * (pages - 1));

    const beyond = await json<Page<Service>>(`/oruk/services?per_page=7&page=${pages + 1}`);
    expect(beyond).toMatchObject({ page_number: pages + 1, total_items: first.total_items, last_page: true, empty: true, contents: [] });

    const none = await json<Page<Service>>('/oruk/services?search=zzxqvj');
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });

  it('never repeats or skips a service between pages', async () => {
    const ids: string[] = [];
    for (let page = 1; page <= 4; page++) {
      ids.push(...(await json<Page<Service>>(`/oruk/services?search=advice&per_page=10&page=${page}`)).contents.map((s) => s.id));
    }
    const all = (await json<Page<Service>>('/oruk/services?search=advice&per_page=40')).contents.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all);
  });

  it('defaults to 20 a page and caps per_page at 100', async () => {
    expect((await json<Page<Service>>('/oruk/services')).size).toBe(20);
    expect((await json<Page<Service>>('/oruk/services?per_page=100')).contents).toHaveLength(100);
    await json('/oruk/services?per_page=101', 400);
  });
});

describe('bad requests are problem details', () => {
  const cases: [string, number, string][] = [
    ['/oruk/services?page=0', 400, '/page'],
    ['/oruk/services?page=-1', 400, '/page'],
    ['/oruk/services?page=1.5', 400, '/page'],
    ['/oruk/services?per_page=0', 400, '/per_page'],
    ['/oruk/services?per_page=abc', 400, '/per_page'],
    ['/oruk/services?taxonomy_term_id=food', 400, '/taxonomy_term_id'],
    [`/oruk/services?search=${'a'.repeat(201)}`, 400, '/search'],
    ['/oruk/service_at_locations?proximity=5000', 400, '/proximity'],
    ['/oruk/service_at_locations?postcode=AN1%201AA&proximity=-5', 400, '/proximity'],
    ['/oruk/service_at_locations?postcode=AN1%201AA&proximity=lots', 400, '/proximity'],
    ['/oruk/service_at_locations?postcode=AN1%201AA&proximity=100001', 400, '/proximity'],
    ['/oruk/service_at_locations?postcode=NOT%20A%20POSTCODE', 400, '/postcode'],
    ['/oruk/services?postcode=12345', 400, '/postcode'],
    ['/oruk/taxonomy_terms?parent_id=food', 400, '/parent_id'],
    ['/oruk/taxonomy_terms?page=0', 400, '/page'],
    ['/oruk/services/not-a-uuid', 400, '/id'],
    ['/oruk/services/123', 400, '/id'],
  ];
  it.each(cases)('%s → %i at %s', async (path, status, field) => {
    const body = await json<{ status: number; type: string; title: string; errors: { path: string }[] }>(path, status);
    expect(body.status).toBe(status);
    expect(body.type).toMatch(/^https:\/\/council-kit\.dev\/problems\//);
    expect(body.errors.map((e) => e.path)).toContain(field);
  });

  it('an invalid postcode is the address lookup’s invalid-postcode problem', async () => {
    const body = await json<{ type: string }>('/oruk/service_at_locations?postcode=XYZ&proximity=1000', 400);
    expect(body.type).toBe('https://council-kit.dev/problems/invalid-postcode');
  });

  it('a valid postcode the council does not know is a 422 with a clear title', async () => {
    for (const postcode of ['SW1A 1AA', 'AN9 9ZZ']) {
      const body = await json<{ type: string; title: string }>(`/oruk/service_at_locations?postcode=${encodeURIComponent(postcode)}&proximity=5000`, 422);
      expect(body).toMatchObject({ type: 'https://council-kit.dev/problems/postcode-not-found', title: 'Postcode not found' });
    }
  });

  it('an unknown service is a 404; lists several problems at once', async () => {
    const missing = await json<{ title: string }>('/oruk/services/00000000-0000-4000-8000-000000000000', 404);
    expect(missing.title).toBe('Service not found');
    const many = await json<{ errors: { path: string }[] }>('/oruk/services?page=0&per_page=1000', 400);
    expect(many.errors.map((e) => e.path)).toEqual(['/page', '/per_page']);
  });

  it('accepts the ORUK parameters it honours; any other is a 400 naming it, never a silent full list', async () => {
    await json('/oruk/services?format=json&full=true&minimal=false');
    const problem = await json<{ errors: { path: string }[] }>('/oruk/services?sort=name&full=false&colour=red', 400);
    expect(problem.errors.map((e) => e.path)).toEqual(['/colour', '/sort', '/full']);
  });
});

describe('CORS', () => {
  it('is * on /oruk, preflights included, with no API key', async () => {
    const origin = { Origin: 'https://some-other-council.example' };
    for (const path of ['/oruk', '/oruk/services', '/oruk/taxonomy_terms', '/oruk/services/not-a-uuid', '/oruk/openapi.json']) {
      const response = await server.get(path, { headers: origin });
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('vary') ?? '', path).not.toMatch(/Origin/);
    }
    const preflight = await server.get('/oruk/services', { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps the allow-list everywhere else', async () => {
    const response = await server.get('/api/v1/addresses?postcode=AN1%201AA', { headers: { Origin: 'https://some-other-council.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server.get('/api/v1/addresses', {
      method: 'OPTIONS',
      headers: { Origin: 'https://some-other-council.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    // "/orukish" is not under /oruk.
    expect((await server.get('/orukish', { headers: { Origin: 'https://x.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('awkward records', () => {
  it('stores and returns markup as plain text, byte for byte', async () => {
    const service = await findByName(awkward.hostileName);
    expect(service.name).toBe(awkward.hostileName);
    expect(service.description).toBe(awkward.hostileDescription);
    const response = await server.get(`/oruk/services/${service.id}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    // The elements' parser reduces it to words, never markup.
    const parsed = parseOrukService(service);
    expect(parsed.description).not.toMatch(/<|>/);
    expect(parsed.description).toContain('Advice & support for everyone.');
  });

  it('keeps right-to-left text, emoji, Welsh and very long names intact', async () => {
    expect((await findByName(awkward.rtlName)).description).toBe(awkward.rtlDescription);
    expect((await findByName(awkward.welshName)).description).toBe(awkward.welshDescription);
    const long = await findByName(awkward.longName);
    expect(long.name.length).toBeGreaterThan(200);
    expect(orukErrors('service', long)).toEqual([]);
  });

  it('lists a location without coordinates, and never puts it in a distance search', async () => {
    const van = await findByName(awkward.noCoordinatesName);
    expect(van.service_at_locations).toHaveLength(1);
    expect(van.service_at_locations[0]!.location).not.toHaveProperty('latitude');
    expect(parseOrukService(van).locations[0]).toMatchObject({ lat: undefined, lng: undefined, postcode: 'AN1 1AA' });
    const near = await json<Page<{ service_id: string }>>('/oruk/service_at_locations?postcode=AN1%201AA&proximity=100000&per_page=100&search=mobile%20advice%20van');
    expect(near.contents.map((item) => item.service_id)).not.toContain(van.id);
  });

  it('survives a record with no locations, schedules, costs, contacts or languages', async () => {
    const sparse = await findByName(awkward.sparseName);
    expect(sparse).toMatchObject({ service_at_locations: [], schedules: [], cost_options: [], contacts: [], languages: [] });
    expect(orukErrors('service', sparse)).toEqual([]);
  });

  it('links only to https, mailto and tel; phones are Ofcom drama numbers', async () => {
    const body = await json<Page<Service>>('/oruk/services?per_page=100&page=2');
    for (const service of body.contents) {
      expect(service.url).toMatch(/^https:\/\//);
      if (service.organization.website) expect(service.organization.website).toMatch(/^https:\/\//);
      expect(service.contacts.every((contact) => !('phones' in contact))).toBe(true); // ORUK puts them on the service
      for (const phone of service.phones) {
        expect(phone.number).toMatch(/^(01632 960|07700 900)\d{3}$/);
        expect(phone.service_id).toBe(service.id);
      }
    }
  });
});
