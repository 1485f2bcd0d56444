import { describe, expect, it } from 'vitest';
import { parseOrukCategories, rootOrukVersion } from './categories.js';
import { detectOrukVersion } from './oruk-version.js';
import { parseOrukPage } from './oruk-page.js';
import { parseOrukService } from './oruk.js';
import { decodeEntities } from './entities.js';
import { distanceMetres, plainText, safeUrl } from './text.js';
import { orukQuirksPage, orukTaxonomyTerms, orukV1Page, orukV3Page } from '../fixtures/directory.js';
import { ContractError } from '../validate.js';

describe('ORUK parsing', () => {
  it('reads a v3 page into the directory model', () => {
    const page = parseOrukPage(orukV3Page);
    expect(page).toMatchObject({ totalItems: 2, totalPages: 1, page: 1, size: 10 });
    const food = page.items[0]!;
    expect(food).toMatchObject({
      id: 'svc-food-bank',
      name: 'Anytown Food Bank',
      organisation: { id: 'org-1', name: 'Anytown Community Trust', url: 'https://trust.anytown.example' },
      url: 'https://foodbank.anytown.example',
      email: 'help@foodbank.anytown.example',
      phones: [{ number: '01632 960 123' }],
      eligibility: 'Anyone living in Anytown',
      languages: ['English', 'Welsh', 'Polish'],
      categories: [{ id: 'tax-food', name: 'Food' }],
      lastUpdated: '2026-10-01',
    });
    expect(food.description).toBe('Emergency food parcels for anyone in need.\n\nBring a referral voucher if you have one.');
    expect(food.locations[0]).toEqual({ name: 'St Mary’s Church Hall', address: '1 Church Lane, Anytown', postcode: 'AN1 1AA', lat: 52.2001, lng: -1.5002, accessibility: ['Step-free entrance', 'Accessible toilet'] });
    expect(food.schedules[0]).toEqual({ freq: 'WEEKLY', byday: ['MO', 'WE', 'FR'], opensAt: '10:00', closesAt: '12:30', description: undefined });
    expect(food.costs[0]).toMatchObject({ free: true, amount: 0 });
    expect(page.items[1]!.costs[0]).toMatchObject({ free: false, amount: 1, description: '£1 per family' });
  });

  it('reads a v1 feed: paging, numeric ids, string coordinates, weekday schedules, Outpost distance', () => {
    expect(detectOrukVersion(orukV1Page)).toBe('v1');
    expect(detectOrukVersion({ contents: [], total_items: 0 })).toBe('v3');
    const page = parseOrukPage(orukV1Page);
    expect(page).toMatchObject({ totalItems: 2, totalPages: 1, page: 1 });
    const food = page.items[0]!;
    expect(food.id).toBe('101');
    expect(food.url).toBe('https://www.foodbank.anytown.example');
    expect(food.locations[0]).toMatchObject({ lat: 52.2001, lng: -1.5002, accessibility: ['Ramp'] });
    expect(food.schedules.map((s) => s.byday[0])).toEqual(['MO', 'WE']);
    expect(food.schedules[0]!.opensAt).toBe('10:00');
    expect(food.categories).toEqual([{ id: 'tax-food', name: 'Food' }]);
    expect(food.distance).toBeCloseTo(804.67, 1);
    expect(food.costs[0]!.free).toBe(true);
    expect(parseOrukPage({ ...orukV1Page, number: 0 }).page).toBe(1);
  });

  it('copes with real-world quirks without rendering HTML or unsafe links', () => {
    const page = parseOrukPage(orukQuirksPage);
    expect(page.items.map((s) => s.id)).toEqual(['svc-quirk', 'svc-rtl']);
    const quirk = page.items[0]!;
    expect(quirk.description).toBe('Advice & support');
    expect(quirk.url).toBeUndefined();
    expect(quirk.schedules).toEqual([]);
    expect(quirk.locations[0]).toEqual({ name: 'Somewhere', address: undefined, postcode: undefined, lat: undefined, lng: undefined, accessibility: [] });
  });

  it('unwraps service_at_location results and keeps their distance', () => {
    const service = parseOrukService({ id: 'sal-1', distance: 1200, service: { id: 's1', name: 'Advice' }, location: { latitude: 52, longitude: -1 } });
    expect(service).toMatchObject({ id: 's1', name: 'Advice', distance: 1200, locations: [{ lat: 52, lng: -1 }] });
  });

  it('is strict on what it must have', () => {
    expect(() => parseOrukPage({ contents: 'nope' })).toThrow(ContractError);
    expect(() => parseOrukPage('<html>')).toThrow(ContractError);
    expect(() => parseOrukService({ id: 'x' })).toThrow(/name/);
  });

  it('reads taxonomy terms', () => {
    expect(parseOrukCategories(orukTaxonomyTerms)).toHaveLength(3);
    expect(parseOrukCategories([{ id: 1, name: 'Food', parent_id: null }])).toEqual([{ id: '1', name: 'Food', parentId: undefined }]);
  });
});

describe('records in the language asked for', () => {
  it('reads each record\'s language where the feed says it (the council API on a Welsh answer)', () => {
    const service = parseOrukService({ id: 's1', name: 'Banc Bwyd Anytown', description: 'Parseli bwyd brys.', language: 'cy' });
    expect(service.lang).toBe('cy');
    expect(parseOrukService({ id: 's2', name: 'Mobile Advice Van', language: 'en' }).lang).toBe('en');
    expect(parseOrukService({ id: 's3', name: 'No language said' }).lang).toBeUndefined();
    const terms = parseOrukCategories({ contents: [{ id: 't1', name: 'Banciau bwyd', language: 'cy' }, { id: 't2', name: 'Food banks' }] });
    expect(terms.map((term) => term.lang)).toEqual(['cy', undefined]);
  });

  it('reads the language of the organisation, each location and the other free text, each on its own', () => {
    const service = parseOrukService({
      id: 's1',
      name: 'Banc Bwyd Anytown',
      language: 'cy',
      details_language: 'en',
      organization: { name: 'Anytown Churches Together', language: 'en' },
      service_at_locations: [{ location: { name: 'St Mary’s Hall', language: 'en', accessibility: [{ description: 'Step-free entrance' }] } }, { location: { name: 'Unmarked' } }],
    });
    expect([service.lang, service.detailsLang, service.organisation?.lang]).toEqual(['cy', 'en', 'en']);
    expect(service.locations.map((l) => l.lang)).toEqual(['en', undefined]);
    const plain = parseOrukService({ id: 's2', name: 'Food bank', organization: { name: 'Churches' } });
    expect([plain.detailsLang, plain.organisation?.lang]).toEqual([undefined, undefined]);
  });
});

describe('feed text as published', () => {
  it('decodes every kind of character reference, once', () => {
    expect(plainText('<p>Mum&rsquo;s caf&eacute; &ndash; tea &pound;1 &amp; cake&hellip;</p>')).toBe('Mum’s café – tea £1 & cake…');
    expect(decodeEntities('&#8217; &#x2019; &#X2019; &#163;')).toBe('’ ’ ’ £');
    // Names far beyond the usual few: the browser's parser knows all 2,231.
    expect(decodeEntities('&frac58; &Lcaron;')).toBe('⅝ Ľ');
    // Decoded once: an escaped reference is shown as written.
    expect(decodeEntities('&amp;rsquo; &amp;#39;')).toBe('&rsquo; &#39;');
    // Unknown names and bad numbers never throw or vanish.
    expect(decodeEntities('&zzz; &#0; &#x110000; &#xD800; & alone')).toBe('&zzz; \ufffd \ufffd \ufffd & alone');
    expect(decodeEntities('a&nbsp;b&#160;c')).toBe('a b c');
  });

  it('never turns feed text into markup', () => {
    expect(plainText('&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;')).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(decodeEntities('&lt;script&gt;')).toBe('<script>');
    // Raw markup beside a reference stays words too, and nothing in it runs or loads.
    expect(decodeEntities('&pound;1 <img src=x onerror="window.pwned=1"><b>')).toBe('£1 <img src=x onerror="window.pwned=1"><b>');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('decodes names, places and categories, and shows postcodes normalised', () => {
    const service = parseOrukService({
      id: 's1',
      name: 'Citizens Advice &amp; Law Centre',
      organization: { name: 'Caf&eacute; Cymru' },
      service_at_locations: [{ location: { name: 'Ty&#770; Mawr', addresses: [{ address_1: '1 Heol y Fr&acirc;n', city: 'Anytown', postal_code: ' an2  3bd ' }] } }],
      attributes: [{ taxonomy_term: { id: 't1', name: 'Food &amp; drink' } }],
      phones: [{ number: '01632 960000', description: 'Mon&ndash;Fri' }],
    });
    expect(service).toMatchObject({
      name: 'Citizens Advice & Law Centre',
      organisation: { name: 'Café Cymru' },
      locations: [{ name: 'Tŷ Mawr'.normalize('NFD'), address: '1 Heol y Frân, Anytown', postcode: 'AN2 3BD' }],
      categories: [{ id: 't1', name: 'Food & drink' }],
      phones: [{ number: '01632 960000', description: 'Mon–Fri' }],
    });
    // Not a postcode: shown as the feed wrote it rather than mangled.
    expect(parseOrukService({ id: 's2', name: 'x', service_at_locations: [{ location: { addresses: [{ postal_code: 'Ask at desk' }] } }] }).locations[0]!.postcode).toBe('Ask at desk');
    expect(parseOrukCategories([{ id: 1, name: 'Parents &amp; carers' }])[0]!.name).toBe('Parents & carers');
  });
});

describe('feed text helpers', () => {
  it('keeps only safe link schemes', () => {
    expect(safeUrl('https://a.example')).toBe('https://a.example');
    expect(safeUrl('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeUrl('tel:01632960123')).toBe('tel:01632960123');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
  });

  it('reduces HTML to text and measures distance', () => {
    expect(plainText('<ul><li>One</li><li>Two</li></ul>')).toBe('One\nTwo');
    // Code is not words: a script or style block goes with its contents, even unclosed.
    expect(plainText('<script>alert(1)</script>Advice & support<style>p{color:red}</style>')).toBe('Advice & support');
    expect(plainText('Help<SCRIPT type="text/javascript">steal()')).toBe('Help');
    // A stray `<` is words, and a feed full of them does not hang the page: no timed assertion
    // (that would depend on the machine); a quadratic scan of 200,000 would run for minutes and
    // fail on the suite's test timeout, a linear one takes milliseconds.
    expect(plainText('Ages < 5 <i>only</i>')).toBe('Ages < 5 only');
    expect(plainText('<'.repeat(200_000))).toHaveLength(200_000);
    expect(distanceMetres({ lat: 52.2, lng: -1.5 }, { lat: 52.21, lng: -1.5 })).toBeCloseTo(1112, 0);
  });
});

describe('v1 postcodes', () => {
  it('are shown normalised, as v3 ones are ("an2 3bd" is AN2 3BD)', () => {
    const page = parseOrukPage({ totalElements: 1, totalPages: 1, number: 0, content: [{ id: 7, name: 'Lunch club', service_at_locations: [{ location: { physical_addresses: [{ address_1: '2 Mill Road', postal_code: 'an2 3bd' }] } }] }] }, 'auto');
    expect(page.items[0]!.locations[0]!.postcode).toBe('AN2 3BD');
  });
});

describe('rootOrukVersion', () => {
  it('reads the version a feed root declares, and nothing from a root that does not say', () => {
    expect(rootOrukVersion({ version: '3.0', profile: 'https://example.org' })).toBe('v3');
    expect(rootOrukVersion({ version: '1.0' })).toBe('v1');
    expect(rootOrukVersion({ name: 'A directory' })).toBeUndefined();
    expect(rootOrukVersion('<html>')).toBeUndefined();
  });
});
