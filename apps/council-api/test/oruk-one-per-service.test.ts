import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

/**
 * Issue 15's "food bank near AN1 1AA": 52 rows that were 32 services, each repeated per location,
 * while the same search without a postcode said 35. `/service_at_locations` is per location by
 * ORUK's definition (and stays so); `/services` near a postcode lists each service once at its
 * nearest location, so its count is of services and a postcode or a filter only ever narrows it.
 */

interface Page<T> {
  total_items: number;
  contents: T[];
}
interface Service {
  id: string;
  name: string;
  distance?: number;
  attributes: { taxonomy_term: { id: string; code: string } }[];
}
interface Item {
  service_id: string;
  distance: number;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

async function page<T>(path: string): Promise<Page<T>> {
  const response = await server.get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as Page<T>;
}

const near = 'postcode=AN1%201AA&proximity=16093';

describe('one result per service', () => {
  it('lists each service once near a postcode, at its nearest location, and the count is of services', async () => {
    const items = await page<Item>(`/oruk/service_at_locations?search=food%20bank&${near}&per_page=100`);
    const services = await page<Service>(`/oruk/services?search=food%20bank&${near}&per_page=100`);
    const everywhere = await page<Service>('/oruk/services?search=food%20bank&per_page=100');

    const nearest = new Map<string, number>();
    for (const item of items.contents) nearest.set(item.service_id, Math.min(item.distance, nearest.get(item.service_id) ?? Infinity));
    // The seed has services at several places, so the per-location list really is longer.
    expect(items.total_items).toBeGreaterThan(nearest.size);
    expect(services.total_items).toBe(nearest.size);
    expect(services.contents.length).toBe(services.total_items);
    expect(new Set(services.contents.map((s) => s.id)).size).toBe(services.contents.length);
    for (const service of services.contents) expect(service.distance, service.id).toBe(nearest.get(service.id));
    // Services named for the search first (a food bank before a pantry filed under food banks), each group nearest first.
    const sorted = (list: number[]): number[] => [...list].sort((a, b) => a - b);
    const named = services.contents.filter((s) => /food bank|banc bwyd/i.test(s.name)).map((s) => s.distance!);
    const others = services.contents.filter((s) => !/food bank|banc bwyd/i.test(s.name)).map((s) => s.distance!);
    expect(services.contents.map((s) => /food bank|banc bwyd/i.test(s.name))).toEqual([...named.map(() => true), ...others.map(() => false)]);
    expect(named).toEqual(sorted(named));
    expect(others).toEqual(sorted(others));
    // A postcode only ever narrows.
    expect(services.total_items).toBeLessThanOrEqual(everywhere.total_items);
  });

  it('narrows with every filter added, never widens', async () => {
    const all = await page<Service>(`/oruk/services?search=food&per_page=100`);
    const term = all.contents.flatMap((s) => s.attributes.map((a) => a.taxonomy_term)).find((t) => t.code === 'food-banks')!;
    const filtered = await page<Service>(`/oruk/services?search=food&taxonomy_term_id=${term.id}&per_page=100`);
    const filteredNear = await page<Service>(`/oruk/services?search=food&taxonomy_term_id=${term.id}&${near}&per_page=100`);
    const closer = await page<Service>(`/oruk/services?search=food&taxonomy_term_id=${term.id}&postcode=AN1%201AA&proximity=1609&per_page=100`);
    expect(filtered.total_items).toBeGreaterThan(0);
    expect(filtered.total_items).toBeLessThanOrEqual(all.total_items);
    expect(filteredNear.total_items).toBeLessThanOrEqual(filtered.total_items);
    expect(closer.total_items).toBeLessThanOrEqual(filteredNear.total_items);
    expect(new Set(filteredNear.contents.map((s) => s.id)).size).toBe(filteredNear.contents.length);
  });

  it('pages near a postcode in the same order as one long page, and counts the same past the end', async () => {
    for (const path of [`/oruk/services?search=food&${near}`, `/oruk/service_at_locations?search=food&${near}`]) {
      const whole = await page<{ id?: string; service_id?: string }>(`${path}&per_page=100`);
      expect(whole.total_items, path).toBeGreaterThan(6);
      const key = (row: { id?: string; service_id?: string }): string => `${row.id}:${row.service_id}`;
      const paged = [];
      for (let n = 1; n <= Math.ceil(whole.total_items / 5); n++) {
        const part = await page<{ id?: string; service_id?: string }>(`${path}&per_page=5&page=${n}`);
        expect(part.total_items, `${path} page ${n}`).toBe(whole.total_items);
        paged.push(...part.contents.map(key));
      }
      // (per_page is at most 100: the long page is the first hundred.)
      expect(paged.slice(0, whole.contents.length)).toEqual(whole.contents.map(key));
      expect(paged).toHaveLength(whole.total_items);
      // A page past the end has no rows, and still says how many there are.
      const beyond = await page<unknown>(`${path}&per_page=5&page=${Math.ceil(whole.total_items / 5) + 3}`);
      expect(beyond.contents).toEqual([]);
      expect(beyond.total_items).toBe(whole.total_items);
    }
  });
});
