import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from '../src/directory/geo.js';
import { startTestServer, type TestServer } from './helpers.js';

interface Term {
  id: string;
  code: string;
  parent_id?: string;
}
interface Service {
  id: string;
  name: string;
  description: string;
  attributes: { taxonomy_term: Term }[];
  distance?: number;
}
interface Item {
  id: string;
  service_id: string;
  service: Service;
  location: { latitude: number; longitude: number };
  distance: number;
}
interface Page<T> {
  total_items: number;
  contents: T[];
}

let server: TestServer;
let terms: Term[];
const term = (code: string): Term => terms.find((t) => t.code === code)!;

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
  terms = ((await (await server.get('/oruk/taxonomy_terms?per_page=100')).json()) as Page<Term>).contents;
});
afterAll(async () => {
  await server?.stop();
});

async function page<T>(path: string): Promise<Page<T>> {
  const response = await server.get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as Page<T>;
}
const search = (q: string, extra = ''): Promise<Page<Service>> => page<Service>(`/oruk/services?search=${encodeURIComponent(q)}&per_page=100${extra}`);

describe('search quality', () => {
  it('"food bank" puts the food banks first', async () => {
    const { contents } = await search('food bank');
    const foodBanks = contents.filter((s) => /food bank/i.test(s.name));
    expect(foodBanks.length).toBeGreaterThanOrEqual(10);
    expect(contents.slice(0, foodBanks.length).every((s) => /food bank/i.test(s.name))).toBe(true);
  });

  it('"debt" finds debt advice, stemmed ("debts") and case-insensitively', async () => {
    const { contents } = await search('debt');
    expect(contents.slice(0, 5).every((s) => s.attributes.some((a) => a.taxonomy_term.code === 'debt-advice'))).toBe(true);
    expect((await search('DEBTS')).total_items).toBe((await search('debt')).total_items);
  });

  it('a word in the name ranks above the same word only in the description', async () => {
    const { contents } = await search('café');
    const inName = (s: Service): boolean => /caf[eé]/i.test(s.name);
    expect(contents.some(inName)).toBe(true);
    expect(contents.some((s) => !inName(s) && /caf[eé]/i.test(s.description))).toBe(true);
    const lastNamed = contents.map(inName).lastIndexOf(true);
    const firstUnnamed = contents.findIndex((s) => !inName(s));
    expect(lastNamed).toBeLessThan(firstUnnamed);
  });

  it('ignores accents and treats operators and punctuation as text', async () => {
    expect((await search('Lon Isaf')).contents.map((s) => s.name)).toContain('Clwb Ieuenctid Lôn Isaf');
    for (const q of ['"', 'NOT', 'food OR', '*', 'name:food', '(food', 'food -bank', "'; drop table services; --"]) {
      await search(q); // 200, never an FTS syntax error
    }
    // No words at all: no search, everything.
    expect((await search('!!!')).total_items).toBe((await page('/oruk/services')).total_items);
  });

  it('finds a service by its organisation or category name', async () => {
    expect((await search('Mudiad Meithrin')).total_items).toBeGreaterThan(0);
    const toddlers = await search('Baby and toddler groups');
    expect(toddlers.contents[0]!.attributes.map((a) => a.taxonomy_term.code)).toContain('baby-toddler');
  });
});

describe('taxonomy filtering', () => {
  it('returns only services with the term', async () => {
    const { contents, total_items } = await page<Service>(`/oruk/services?taxonomy_term_id=${term('youth-clubs').id}&per_page=100`);
    expect(total_items).toBeGreaterThan(10);
    for (const s of contents) expect(s.attributes.map((a) => a.taxonomy_term.code)).toContain('youth-clubs');
  });

  it('a broader term includes its narrower ones; several terms are any-of', async () => {
    const food = await page<Service>(`/oruk/services?taxonomy_term_id=${term('food').id}&per_page=100`);
    const parts = await Promise.all(['food-banks', 'community-meals', 'clothing'].map((code) => page<Service>(`/oruk/services?taxonomy_term_id=${term(code).id}&per_page=100`)));
    const union = new Set(parts.flatMap((p) => p.contents.map((s) => s.id)));
    expect(food.total_items).toBe(union.size);
    const either = await page<Service>(`/oruk/services?taxonomy_term_id=${term('debt-advice').id},${term('lunch-clubs').id}&per_page=100`);
    expect(either.contents.every((s) => s.attributes.some((a) => ['debt-advice', 'lunch-clubs'].includes(a.taxonomy_term.code)))).toBe(true);
  });

  it('combines with search, and an unknown term finds nothing', async () => {
    const { contents } = await page<Service>(`/oruk/services?search=advice&taxonomy_term_id=${term('housing-advice').id}&per_page=100`);
    expect(contents.length).toBeGreaterThan(0);
    for (const s of contents) expect(s.attributes.map((a) => a.taxonomy_term.code)).toContain('housing-advice');
    expect((await page('/oruk/services?taxonomy_term_id=00000000-0000-4000-8000-000000000000')).total_items).toBe(0);
  });
});

describe('distance search', () => {
  const AN1_1AA = '/oruk/service_at_locations?postcode=AN1%201AA';

  it('orders by distance from the postcode, every item inside the radius, distances true', async () => {
    const addresses = (await (await server.get('/api/v1/addresses?postcode=AN1%201AA')).json()) as { addresses: { lat: number; lng: number }[] };
    const centre = {
      lat: addresses.addresses.reduce((sum, a) => sum + a.lat, 0) / addresses.addresses.length,
      lng: addresses.addresses.reduce((sum, a) => sum + a.lng, 0) / addresses.addresses.length,
    };
    const { contents } = await page<Item>(`${AN1_1AA}&proximity=3000&per_page=100`);
    expect(contents.length).toBeGreaterThan(10);
    contents.forEach((item, i) => {
      expect(item.distance).toBeLessThanOrEqual(3000);
      if (i) expect(item.distance).toBeGreaterThanOrEqual(contents[i - 1]!.distance);
      const metres = haversineMetres(centre, { lat: item.location.latitude, lng: item.location.longitude });
      expect(Math.abs(metres - item.distance)).toBeLessThanOrEqual(1);
    });
  });

  it('a bigger radius finds more; the villages are outside 5 km but inside 15 km', async () => {
    const small = await page<Item>(`${AN1_1AA}&proximity=1000&per_page=100`);
    const medium = await page<Item>(`${AN1_1AA}&proximity=5000&per_page=100`);
    const large = await page<Item>(`${AN1_1AA}&proximity=15000&per_page=100`);
    expect(small.total_items).toBeLessThan(medium.total_items);
    expect(medium.total_items).toBeLessThan(large.total_items);
    const furthest = async (proximity: number): Promise<number> => {
      const first = await page<Item>(`${AN1_1AA}&proximity=${proximity}&per_page=1`);
      const last = await page<Item>(`${AN1_1AA}&proximity=${proximity}&per_page=1&page=${first.total_items}`);
      return last.contents[0]!.distance;
    };
    expect(await furthest(5000)).toBeLessThanOrEqual(5000);
    expect(await furthest(15000)).toBeGreaterThan(5000);
  });

  it('pages through the same order; filters by search and category', async () => {
    const all = (await page<Item>(`${AN1_1AA}&proximity=6000&per_page=60`)).contents.map((i) => i.id);
    const paged: string[] = [];
    for (let p = 1; p <= 3; p++) paged.push(...(await page<Item>(`${AN1_1AA}&proximity=6000&per_page=20&page=${p}`)).contents.map((i) => i.id));
    expect(paged).toEqual(all);

    const toddlers = await page<Item>(`${AN1_1AA}&proximity=8047&search=toddler&per_page=100`);
    expect(toddlers.contents.length).toBeGreaterThan(0);
    const lunch = await page<Item>(`${AN1_1AA}&proximity=8047&taxonomy_term_id=${term('lunch-clubs').id}&per_page=100`);
    for (const item of lunch.contents) expect(item.service.attributes.map((a) => a.taxonomy_term.code)).toContain('lunch-clubs');
  });

  it('without proximity: every located service, nearest first', async () => {
    const { contents, total_items } = await page<Item>(`${AN1_1AA}&per_page=100`);
    const everything = await page<Item>('/oruk/service_at_locations?per_page=1');
    expect(total_items).toBe(everything.total_items - 1); // all but the van without coordinates
    contents.forEach((item, i) => i && expect(item.distance).toBeGreaterThanOrEqual(contents[i - 1]!.distance));
  });

  it('/services with a postcode lists each service once, at its nearest location', async () => {
    const { contents } = await page<Service>('/oruk/services?postcode=AN1%201AA&proximity=4000&per_page=100');
    expect(new Set(contents.map((s) => s.id)).size).toBe(contents.length);
    contents.forEach((s, i) => {
      expect(s.distance).toBeLessThanOrEqual(4000);
      if (i) expect(s.distance!).toBeGreaterThanOrEqual(contents[i - 1]!.distance!);
    });
  });
});
