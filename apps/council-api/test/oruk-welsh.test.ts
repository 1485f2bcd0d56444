import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awkward } from '../src/directory/seed-data.js';
import { startTestServer, type TestServer } from './helpers.js';

interface Term {
  id: string;
  code: string;
  name: string;
  description: string;
  language?: string;
}
interface Service {
  id: string;
  name: string;
  description: string;
  language?: string;
  details_language?: string;
  organization: { name: string; language?: string };
  attributes: { taxonomy_term: Term }[];
  service_at_locations?: { location: { name: string; language?: string } }[];
}
interface Page<T> {
  total_items: number;
  contents: T[];
}

/**
 * The directory in Welsh (issue 15): `lang=cy` (or `Accept-Language: cy`) answers the Welsh
 * names and descriptions the demo directory has, marks each record's language so English kept
 * on a Welsh page can carry `lang="en"`, and searches find services in both languages.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const response = await server.get(path, init);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

describe('the directory in Welsh', () => {
  it('answers Welsh names, descriptions and categories for lang=cy, each record marked cy', async () => {
    const response = await server.get('/oruk/services?search=food%20bank&per_page=5&lang=cy');
    expect(response.headers.get('content-language')).toBe('cy');
    expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
    const page = (await response.json()) as Page<Service>;
    expect(page.contents.length).toBe(5);
    for (const service of page.contents) {
      expect(service.language).toBe('cy');
      expect(service.name).toMatch(/^Banc Bwyd|Banc Bwyd/);
      expect(service.organization.language).toBe('en');
      expect(service.details_language).toBe('en');
      for (const { taxonomy_term: term } of service.attributes) expect([term.language, term.name]).toEqual(['cy', expect.stringMatching(/^Banciau bwyd|^Prydau/)]);
      for (const link of service.service_at_locations ?? []) expect(link.location.language).toBe('en');
    }
  });

  it('answers the same for Accept-Language: cy, and English without a language field otherwise', async () => {
    const welsh = await json<Page<Service>>('/oruk/services?search=carers&per_page=3', { headers: { 'Accept-Language': 'cy-GB, en;q=0.5' } });
    expect(welsh.contents.map((s) => s.language)).toEqual(['cy', 'cy', 'cy']);
    const english = await server.get('/oruk/services?search=carers&per_page=3');
    expect(english.headers.get('content-language')).toBe('en');
    const body = (await english.json()) as Page<Service>;
    expect(body.contents.map((s) => s.id)).toEqual(welsh.contents.map((s) => s.id));
    for (const service of body.contents) {
      expect(service).not.toHaveProperty('language');
      expect(service).not.toHaveProperty('details_language');
      expect(service.name).toMatch(/Carers/);
    }
  });

  it('keeps English where a record has no Welsh version, and says so', async () => {
    const page = await json<Page<Service>>(`/oruk/services?search=${encodeURIComponent('Anytown Advice Support Centre')}&lang=cy`);
    const hostile = page.contents.find((s) => s.name === awkward.hostileName);
    expect(hostile?.language).toBe('en');
    expect(hostile?.description).toBe(awkward.hostileDescription);
  });

  it('lists every category in Welsh, one record or a page, and streams Welsh ndjson', async () => {
    const terms = await json<Page<Term>>('/oruk/taxonomy_terms?per_page=100&lang=cy');
    expect(terms.total_items).toBe(33);
    expect(terms.contents.every((term) => term.language === 'cy' && term.name && term.description)).toBe(true);
    expect(terms.contents.map((term) => term.name)).toContain('Banciau bwyd');
    const one = await json<Term>(`/oruk/taxonomy_terms/${terms.contents.find((t) => t.code === 'carers')!.id}?lang=cy`);
    expect([one.name, one.language]).toEqual(['Gofalwyr', 'cy']);
    const stream = await server.get('/oruk/services?format=ndjson&search=gofalwyr&lang=cy');
    const lines = (await stream.text()).trim().split('\n').map((line) => JSON.parse(line) as Service);
    expect(lines.length).toBeGreaterThan(5);
    // English only where the seed has no Welsh version (its awkward records; "Carers" is a synonym).
    const awkwardNames: string[] = Object.values(awkward);
    expect(lines.filter((service) => service.language !== 'cy').map((service) => [service.language, awkwardNames.includes(service.name)])).toEqual(
      lines.filter((service) => service.language !== 'cy').map(() => ['en', true]),
    );
    expect(lines.filter((service) => /Gofalwyr|Ofalwyr/.test(service.name)).length).toBeGreaterThan(5);
  });

  it('refuses a language it does not have, naming the parameter', async () => {
    const response = await server.get('/oruk/services?lang=fr');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { path: string }[] }).errors).toEqual([expect.objectContaining({ path: '/lang' })]);
  });
});

describe('searching in English and Welsh', () => {
  const names = async (query: string, lang = 'en', extra = ''): Promise<string[]> =>
    (await json<Page<Service>>(`/oruk/services?search=${encodeURIComponent(query)}&per_page=5&lang=${lang}${extra}`)).contents.map((s) => s.name);

  it('finds Welsh words, their mutations and plurals', async () => {
    expect(await names('banc bwyd', 'cy')).toEqual(Array(5).fill(expect.stringMatching(/Banc Bwyd/)));
    expect(await names('banciau bwyd', 'cy')).toEqual(Array(5).fill(expect.stringMatching(/Banc Bwyd/)));
    expect(await names('grŵp plant bach', 'cy')).toEqual(Array(5).fill(expect.stringMatching(/Plant Bach|Ti a Fi|Aros a Chwarae/)));
    // "i ofalwyr" (soft mutation after "i") finds "Gofalwyr".
    expect(await names('cymorth i ofalwyr', 'cy')).toEqual(Array(5).fill(expect.stringMatching(/Gofalwyr|Ofalwyr/)));
  });

  it('finds across the languages through synonyms, and corrects misspellings to words the directory uses', async () => {
    expect(await names('banc bwyd', 'en')).toEqual(Array(5).fill(expect.stringMatching(/Food Bank/)));
    expect(await names('libary')).toEqual(Array(5).fill(expect.stringMatching(/Library/)));
    expect(await names('todler group')).toEqual(Array(5).fill(expect.stringMatching(/Toddler|Ti a Fi|Stay and Play/)));
    expect(await names('foodbanks')).toEqual(Array(5).fill(expect.stringMatching(/Food Bank/)));
    // A word nobody uses and nothing near it: nothing found, never everything.
    expect((await json<Page<Service>>('/oruk/services?search=zzyzx')).total_items).toBe(0);
  });

  it('"food bank" near AN1 1AA: food banks first, nearest first, and never a clothes or baby bank', async () => {
    const page = await json<Page<{ service: Service; distance: number }>>('/oruk/service_at_locations?search=food%20bank&postcode=AN1%201AA&proximity=15000&per_page=100');
    const named = page.contents.map((item) => /Food Bank/.test(item.service.name));
    const firstOther = named.indexOf(false);
    expect(named.slice(0, 5)).toEqual([true, true, true, true, true]);
    // Every service named a food bank comes before any other match (pantries filed under food banks).
    if (firstOther >= 0) expect(named.slice(firstOther)).not.toContain(true);
    const bankDistances = page.contents.filter((item) => /Food Bank/.test(item.service.name)).map((item) => item.distance);
    expect(bankDistances).toEqual([...bankDistances].sort((a, b) => a - b));
    expect(page.contents.some((item) => /Clothes Bank|Baby Bank/.test(item.service.name))).toBe(false);
  });
});
