import { describe, expect, it } from 'vitest';
import { detectOrukVersion, parseOrukCategories, parseOrukPage, parseOrukService } from './oruk.js';
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
