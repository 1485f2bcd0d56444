import { addDays } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/clock.js';
import { markServiceModified } from '../src/directory/repository.js';
import { orukErrors, type OrukSchema } from './oruk-schemas.js';
import { startTestServer, type TestServer } from './helpers.js';

/**
 * The ORUK feed as a harvester sees it (issue 20): every endpoint of the ORUK 3.0 OpenAPI
 * document answers, validates against the schemas written from the published specification
 * (test/schemas/oruk-v3), pages as the standard defines it, honours every filter it lists, and
 * answers 400 naming any parameter it cannot honour. Like the official validator: the first, a
 * middle and the last page of each list, and ten `{id}` lookups per entity.
 */

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
interface Schedule {
  byday?: string;
  opens_at?: string;
  closes_at?: string;
}
interface Service {
  id: string;
  organization_id: string;
  last_modified: string;
  minimum_age?: number;
  maximum_age?: number;
  schedules: Schedule[];
  attributes: { taxonomy_term: { taxonomy: string } }[];
  service_at_locations: { id: string }[];
}

let server: TestServer;
let everyService: Service[] = [];

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
  everyService = await all<Service>('/oruk/services?');
});
afterAll(async () => {
  await server?.stop();
});

async function json<T>(path: string, status = 200): Promise<T> {
  const response = await server.get(path);
  expect(response.status, path).toBe(status);
  return (await response.json()) as T;
}

/** Every item of a list, 100 a page. */
async function all<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const body = await json<Page<T>>(`${path}&per_page=100&page=${page}`);
    out.push(...body.contents);
    if (body.last_page) return out;
  }
}

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id).sort();

/** A list's pages: the first, a middle and the last, each schema-valid, with the paging fields meaning what ORUK says. */
async function checkPages(path: string, schema: OrukSchema | undefined, perPage: number): Promise<Page<{ id: string }>> {
  const first = await json<Page<{ id: string }>>(`${path}${path.includes('?') ? '&' : '?'}per_page=${perPage}`);
  const pages = Math.max(1, Math.ceil(first.total_items / perPage));
  expect(first.total_pages, path).toBe(Math.ceil(first.total_items / perPage));
  const seen = new Set<string>();
  for (const page of [...new Set([1, Math.ceil(pages / 2), pages])]) {
    const body = await json<Page<{ id: string }>>(`${path}${path.includes('?') ? '&' : '?'}per_page=${perPage}&page=${page}`);
    if (schema) expect(orukErrors(schema, body), `${path} page ${page}`).toEqual([]);
    expect(body, `${path} page ${page}`).toMatchObject({
      total_items: first.total_items,
      total_pages: first.total_pages,
      page_number: page,
      size: body.contents.length, // the items on this page, not per_page
      first_page: page === 1,
      last_page: page === pages,
      empty: body.contents.length === 0,
    });
    const expected = page < pages ? perPage : first.total_items - perPage * (pages - 1);
    expect(body.contents, `${path} page ${page}`).toHaveLength(expected);
    for (const item of body.contents) seen.add(item.id);
  }
  return first;
}

describe('every ORUK 3.0 endpoint answers, pages as the standard says and validates', () => {
  it('lists: first, middle and last pages of each, `size` the items on the page', async () => {
    await checkPages('/oruk/services', 'service_page', 40);
    await checkPages('/oruk/service_at_locations', 'service_at_location_page', 40);
    await checkPages('/oruk/taxonomy_terms', 'taxonomy_term_page', 7);
    await checkPages('/oruk/taxonomies', 'taxonomy_page', 1);
    await checkPages('/oruk/organizations', 'organization_page', 13);
    const last = await json<Page<unknown>>(`/oruk/services?per_page=20&page=${Math.ceil(everyService.length / 20)}`);
    expect(last.size).toBe(everyService.length % 20 || 20);
  });

  it('{id} lookups: ten of each entity, and 404 for an unknown id, 400 for a non-UUID', async () => {
    const lookups: [string, OrukSchema, { id: string }[]][] = [
      ['/oruk/services', 'service', await all('/oruk/services?')],
      ['/oruk/service_at_locations', 'service_at_location_item', await all('/oruk/service_at_locations?')],
      ['/oruk/taxonomy_terms', 'taxonomy_term', await all('/oruk/taxonomy_terms?')],
      ['/oruk/taxonomies', 'taxonomy', await all('/oruk/taxonomies?')],
      ['/oruk/organizations', 'organization_with_services', await all('/oruk/organizations?')],
    ];
    for (const [base, schema, items] of lookups) {
      expect(items.length, base).toBeGreaterThan(0);
      const step = Math.max(1, Math.floor(items.length / 10));
      for (const { id } of items.filter((_, i) => i % step === 0).slice(0, 10)) {
        const record = await json<{ id: string }>(`${base}/${id}`);
        expect(record.id).toBe(id);
        expect(orukErrors(schema, record), `${base}/${id}`).toEqual([]);
      }
      await json(`${base}/00000000-0000-4000-8000-000000000000`, 404);
      await json(`${base}/not-a-uuid`, 400);
    }
  });

  it('/organizations/{id} holds every service the organisation runs, fully nested', async () => {
    const organization = everyService[0]!.organization_id;
    const body = await json<{ id: string; services: Service[] }>(`/oruk/organizations/${organization}`);
    expect(ids(body.services)).toEqual(ids(everyService.filter((s) => s.organization_id === organization)));
    expect(body.services[0]).toHaveProperty('service_at_locations');
  });
});

describe('parameters', () => {
  it('a parameter an endpoint cannot honour is a 400 naming it, on every endpoint', async () => {
    const paths = [
      '/oruk/services', '/oruk/service_at_locations', '/oruk/taxonomy_terms', '/oruk/taxonomies', '/oruk/organizations',
      `/oruk/services/${everyService[0]!.id}`, `/oruk/organizations/${everyService[0]!.organization_id}`,
    ];
    for (const path of paths) {
      const problem = await json<{ type: string; errors: { path: string }[] }>(`${path}?sort=name`, 400);
      expect(problem.errors.map((e) => e.path), path).toEqual(['/sort']);
    }
    // A name that is not a parameter name (markup, SQL) is counted, never echoed.
    const hostile = await json<{ errors: { path: string; message: string }[] }>(`/oruk/services?${encodeURIComponent('<b>1; drop table x')}=1&colour=red`, 400);
    expect(hostile.errors).toEqual([expect.objectContaining({ path: '/colour' }), expect.objectContaining({ path: '/', message: expect.stringMatching(/^1 more parameter /) })]);
    // On the ORUK list but not honourable here: named too.
    expect((await json<{ errors: { path: string }[] }>('/oruk/service_at_locations?minimal=true', 400)).errors.map((e) => e.path)).toEqual(['/minimal']);
    expect((await json<{ errors: { path: string }[] }>('/oruk/services?full=false', 400)).errors.map((e) => e.path)).toEqual(['/full']);
    expect((await json<{ errors: { path: string }[] }>('/oruk/services?page=2&page=3', 400)).errors.map((e) => e.path)).toEqual(['/page']);
    for (const bad of ['modified_after=yesterday', 'day=funday', 'start_time=9am', 'minimum_age=-1', 'format=xml', 'organization_id=x', 'taxonomy_id=x']) {
      const problem = await json<{ errors: { path: string }[] }>(`/oruk/services?${bad}`, 400);
      expect(problem.errors.map((e) => e.path)).toEqual([`/${bad.split('=')[0]}`]);
    }
  });

  it('modified_after: after an edit, an incremental harvest sees only the edited service', async () => {
    const latest = everyService.map((s) => s.last_modified).sort().at(-1)!;
    const day = addDays(latest.slice(0, 10), 1);
    const instant = new Date(`${day}T10:15:30.250Z`);
    const clock: Clock = { today: () => day, now: () => instant };
    const since = `${day}T00:00:00Z`;

    expect((await json<Page<Service>>(`/oruk/services?modified_after=${since}`)).total_items).toBe(0);
    const edited = everyService[7]!;
    await markServiceModified(server.db, edited.id, clock);

    const changed = await json<Page<Service>>(`/oruk/services?modified_after=${encodeURIComponent(since)}`);
    expect(ids(changed.contents)).toEqual([edited.id]);
    expect(changed.contents[0]!.last_modified).toBe('' + instant.toISOString());
    // "on or after": the exact instant counts, a millisecond later does not; offsets are honoured.
    expect((await json<Page<Service>>(`/oruk/services?modified_after=${instant.toISOString()}`)).total_items).toBe(1);
    expect((await json<Page<Service>>('/oruk/services?modified_after=' + encodeURIComponent(`${day}T11:15:30.251+01:00`))).total_items).toBe(0);
    const links = await json<Page<{ service_id: string }>>(`/oruk/service_at_locations?modified_after=${since}&per_page=100`);
    expect(new Set(links.contents.map((l) => l.service_id))).toEqual(new Set([edited.id]));
    expect(links.total_items).toBe(edited.service_at_locations.length);
    const minimal = await json<Page<Record<string, unknown>>>(`/oruk/services?modified_after=${since}&minimal=true`);
    expect(minimal.contents).toEqual([{ id: edited.id, last_modified: instant.toISOString() }]);
  });

  it('minimal=true: only id and last_modified, all services in one call', async () => {
    const body = await json<Page<Record<string, unknown>>>('/oruk/services?minimal=true&per_page=10000');
    expect(body).toMatchObject({ total_items: everyService.length, total_pages: 1, size: everyService.length, last_page: true });
    for (const item of body.contents) expect(Object.keys(item).sort()).toEqual(['id', 'last_modified']);
    expect(ids(body.contents as { id: string }[])).toEqual(ids(everyService));
  });

  it('format=ndjson: every result, one record a line, no paging', async () => {
    const response = await server.get('/oruk/services?format=ndjson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as Service);
    expect(ids(lines)).toEqual(ids(everyService));
    for (const line of lines.slice(0, 5)) expect(orukErrors('service', line)).toEqual([]);
    const minimal = (await (await server.get('/oruk/services?format=ndjson&minimal=true')).text()).trimEnd().split('\n');
    expect(minimal).toHaveLength(everyService.length);
    const terms = (await (await server.get('/oruk/taxonomy_terms?format=ndjson')).text()).trimEnd().split('\n');
    expect(terms).toHaveLength((await json<Page<unknown>>('/oruk/taxonomy_terms')).total_items);
    await json('/oruk/services?format=ndjson&page=2', 400);
  });

  it('organization_id and taxonomy_id filter services and services at locations', async () => {
    const organization = everyService[3]!.organization_id;
    expect(ids(await all<Service>(`/oruk/services?organization_id=${organization}`))).toEqual(ids(everyService.filter((s) => s.organization_id === organization)));
    const links = await all<{ service_id: string }>(`/oruk/service_at_locations?organization_id=${organization}`);
    expect(links.every((l) => everyService.find((s) => s.id === l.service_id)!.organization_id === organization)).toBe(true);

    const [taxonomy] = (await json<Page<{ id: string; name: string }>>('/oruk/taxonomies')).contents;
    const classified = everyService.filter((s) => s.attributes.some((a) => a.taxonomy_term.taxonomy === taxonomy!.name));
    expect((await json<Page<Service>>(`/oruk/services?taxonomy_id=${taxonomy!.id}`)).total_items).toBe(classified.length);
    expect((await json<Page<Service>>('/oruk/services?taxonomy_id=00000000-0000-4000-8000-000000000000')).total_items).toBe(0);
  });

  it('the UK profile’s minimum_age, maximum_age, day, start_time and end_time', async () => {
    const expectFilter = async (query: string, keep: (s: Service) => boolean): Promise<void> => {
      const expected = ids(everyService.filter(keep));
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(everyService.length);
      expect(ids(await all<Service>(`/oruk/services?${query}`)), query).toEqual(expected);
    };
    await expectFilter('minimum_age=11', (s) => (s.minimum_age ?? 0) >= 11);
    await expectFilter('minimum_age=10.5', (s) => (s.minimum_age ?? 0) >= 10.5);
    await expectFilter('maximum_age=18', (s) => s.maximum_age !== undefined && s.maximum_age <= 18);
    const on = (s: Service, test: (schedule: Schedule) => boolean): boolean => s.schedules.some(test);
    await expectFilter('day=TU', (s) => on(s, (h) => (h.byday ?? '').includes('TU')));
    await expectFilter('day=wednesday&start_time=12:00', (s) => on(s, (h) => (h.byday ?? '').includes('WE') && h.opens_at !== undefined && h.opens_at >= '12:00'));
    await expectFilter('end_time=13:00', (s) => on(s, (h) => h.closes_at !== undefined && h.closes_at <= '13:00'));
    await expectFilter('day=MO&start_time=09:00&end_time=17:00', (s) =>
      on(s, (h) => (h.byday ?? '').includes('MO') && (h.opens_at ?? '') >= '09:00' && h.closes_at !== undefined && h.closes_at <= '17:00'),
    );
  });

  it('/taxonomy_terms: search, taxonomy_id, top_only', async () => {
    const every = await all<{ id: string; name: string; parent_id?: string; taxonomy: string }>('/oruk/taxonomy_terms?');
    const top = await all<{ id: string; parent_id?: string }>('/oruk/taxonomy_terms?top_only=true');
    expect(ids(top)).toEqual(ids(every.filter((t) => !t.parent_id)));
    expect(top.length).toBeLessThan(every.length);
    const [taxonomy] = (await json<Page<{ id: string; name: string }>>('/oruk/taxonomies')).contents;
    expect((await json<Page<unknown>>(`/oruk/taxonomy_terms?taxonomy_id=${taxonomy!.id}`)).total_items).toBe(every.filter((t) => t.taxonomy === taxonomy!.name).length);
    expect((await json<Page<unknown>>('/oruk/taxonomy_terms?taxonomy_id=00000000-0000-4000-8000-000000000000')).total_items).toBe(0);
    const word = every[every.length - 1]!.name.split(/\s+/)[0]!;
    const found = await all<{ name: string }>(`/oruk/taxonomy_terms?search=${encodeURIComponent(word.toUpperCase())}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(every.length);
  });
});

describe('harvesting at the default rate limit', () => {
  it('a harvester fetching every service by id is not throttled like a browser', async () => {
    const harvest = await startTestServer({ env: {} });
    try {
      const list = await harvest.get('/oruk/services?minimal=true&per_page=10000');
      const body = (await list.json()) as Page<{ id: string }>;
      const statuses: number[] = [];
      for (let i = 0; i < body.contents.length; i += 25) {
        const batch = body.contents.slice(i, i + 25);
        statuses.push(...(await Promise.all(batch.map(async ({ id }) => (await harvest.get(`/oruk/services/${id}`)).status))));
      }
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(statuses.length).toBeGreaterThan(300);
      // The rest of the API keeps its own (browser) limit, counted apart.
      expect((await harvest.get('/api/v1/addresses?postcode=AN1%201AA')).headers.get('ratelimit-limit')).toBe('300');
      expect(list.headers.get('ratelimit-limit')).toBe('3000');
    } finally {
      await harvest.stop();
    }
  });

  it('reads the feed’s own limit from ORUK_RATE_LIMIT_PER_MINUTE, leaving the rest of the API’s alone', async () => {
    const configured = await startTestServer({ env: { ORUK_RATE_LIMIT_PER_MINUTE: '4000', RATE_LIMIT_PER_MINUTE: '50' } });
    try {
      expect((await configured.get('/oruk/taxonomies')).headers.get('ratelimit-limit')).toBe('4000');
      expect((await configured.get('/api/v1/addresses?postcode=AN1%201AA')).headers.get('ratelimit-limit')).toBe('50');
    } finally {
      await configured.stop();
    }
  });
});
