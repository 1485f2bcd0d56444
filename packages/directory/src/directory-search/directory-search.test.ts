import { describe, expect, it, beforeEach } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, lastAnnouncement, mockApi } from '@council-kit/core/testing';
import { orukFacetedTerms, orukQuirksPage, orukTaxonomyTerms, orukV1Page, orukV3Page } from '@council-kit/contracts/fixtures';
import { directorySearchStrings } from './directory-search.i18n.js';
import { resultsStrings } from './results.i18n.js';
import './define.js';

const start = location.href;
beforeEach(() => history.replaceState(null, '', start));

async function search(text: string): Promise<void> {
  await userEvent.fill(page.getByLabelText('Search for a service'), text);
  await userEvent.click(page.getByRole('button', { name: 'Search' }));
}

describe('<council-directory-search>', () => {
  it('searches an ORUK v3 feed, announces the total and keeps the search in the URL', async () => {
    const { calls } = mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukV3Page } });
    await fixture(`<council-directory-search api-base="/oruk" detail-url="/service"></council-directory-search>`);
    await search('food');
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Anytown Food Bank' })).toHaveAttribute('href', '/service?id=svc-food-bank');
    await expect.element(page.getByText('By Anytown Community Trust')).toBeVisible();
    await expect.element(page.getByText('Free', { exact: true })).toBeVisible();
    await expect.poll(lastAnnouncement).toBe('2 services found');
    const request = calls.find((c) => c.url.pathname === '/oruk/services' && c.url.searchParams.has('search'))!;
    expect(request.url.searchParams.get('search')).toBe('food');
    expect(new URLSearchParams(location.search).get('q')).toBe('food');
  });

  it('fits the page outline: results and service names at the levels the page asks for', async () => {
    mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukV3Page } });
    await fixture(`<council-directory-search api-base="/oruk" heading-level="3"></council-directory-search>`);
    await search('food');
    await expect.element(page.getByRole('heading', { level: 3, name: '2 services found' })).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 4, name: 'Anytown Food Bank' })).toBeVisible();
  });

  it('filters by category from the feed', async () => {
    const { calls } = mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukV3Page } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await userEvent.click(page.getByText('Filter by category').first());
    await userEvent.click(page.getByLabelText('Food'));
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    expect(calls.at(-1)!.url.searchParams.get('taxonomy_term_id')).toBe('tax-food');
    expect(new URLSearchParams(location.search).getAll('category')).toEqual(['tax-food']);
  });

  it('shows one filter per vocabulary in the feed, with counts where the feed gives them', async () => {
    const { calls } = mockApi({ 'GET /oruk/taxonomy_terms': { body: orukFacetedTerms }, 'GET /oruk/services': { body: orukV3Page } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await userEvent.click(page.getByText('Cost', { exact: true }).first());
    await userEvent.click(page.getByLabelText('Free (15)'));
    await userEvent.click(page.getByText('Delivery', { exact: true }).first());
    await userEvent.click(page.getByLabelText('Online', { exact: true }));
    await expect.element(page.getByText('Category', { exact: true }).first()).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    expect(calls.at(-1)!.url.searchParams.get('taxonomy_term_id')).toBe('cost-free,delivery-online');
  });

  it('draws no map, and loads no map code, unless the council turns it on', async () => {
    mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukV3Page } });
    const el = await fixture(`<council-directory-search api-base="/oruk" map></council-directory-search>`);
    await search('food');
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    expect(el.shadowRoot!.querySelector('.map')).toBeNull(); // `map` without `tile-url`: no third-party call possible
    expect(performance.getEntriesByType('resource').some((r) => r.name.includes('leaflet'))).toBe(false);
  });

  it('pins the results with coordinates on a map from the council’s tiles, as one labelled image', async () => {
    mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukV3Page } });
    const el = await fixture(
      `<council-directory-search api-base="/oruk" map tile-url="/tiles/{z}/{x}/{y}.png" tile-attribution="<b>Anytown</b> tiles"></council-directory-search>`,
    );
    await search('food');
    const map = page.getByRole('img', { name: 'Map of the results' });
    await expect.element(map).toBeVisible();
    const root = el.shadowRoot!;
    // Only the food bank has coordinates; the toddler group's Family Hub has none.
    // Leaflet loads on demand: the first load can be slow on a busy machine.
    await expect.poll(() => root.querySelectorAll('.pin').length, { timeout: 10_000 }).toBe(1);
    expect(root.querySelector('.pin')!.textContent).toBe('1');
    await expect.poll(() => root.querySelector<HTMLImageElement>('.leaflet-tile')?.getAttribute('src')).toMatch(/^\/tiles\/\d+\/\d+\/\d+\.png$/);
    // The attribution is text, never markup, and nothing in the map takes focus.
    expect(root.querySelector('.leaflet-control-attribution')!.textContent).toBe('<b>Anytown</b> tiles');
    expect(root.querySelector('.map')!.querySelectorAll('a, button, [tabindex]')).toHaveLength(0);
    expect(root.querySelector('.results')!.classList.contains('numbered')).toBe(true);
  });

  it('searches near a postcode through /services, each service once at its nearest location, without putting the postcode in the URL', async () => {
    const [food, toddlers] = orukV3Page.contents;
    const near = { ...orukV3Page, contents: [{ ...toddlers, distance: 3000 }, { ...food, distance: 1287 }] };
    const { calls } = mockApi({ 'GET /oruk/': { body: { version: '3.0' } }, 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: near } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await userEvent.fill(page.getByLabelText('Near a postcode (optional)'), 'an11aa');
    await userEvent.selectOptions(page.getByLabelText('Within'), '3');
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await expect.element(page.getByText('0.8 miles away')).toBeVisible();
    const names = [...document.querySelector('council-directory-search')!.shadowRoot!.querySelectorAll('.result [role="heading"]')].map((h) => h.textContent);
    expect(names).toEqual(['Anytown Food Bank', 'Little Owls Toddler Group']);
    const request = calls.at(-1)!.url;
    expect(request.pathname).toBe('/oruk/services');
    expect(request.searchParams.get('postcode')).toBe('AN1 1AA');
    expect(request.searchParams.get('proximity')).toBe('4828');
    expect(calls.some((c) => c.url.pathname === '/oruk/service_at_locations')).toBe(false);
    expect(location.href).not.toContain('AN1');
  });

  it('keeps the feed\'s relevance order when words are searched near a postcode', async () => {
    const [food, toddlers] = orukV3Page.contents;
    // The feed ranks the food bank first (it matches best), though the toddler group is nearer.
    const ranked = { ...orukV3Page, contents: [{ ...food, distance: 3000 }, { ...toddlers, distance: 200 }] };
    mockApi({ 'GET /oruk/': { body: { version: '3.0' } }, 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: ranked } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await userEvent.fill(page.getByLabelText('Search for a service'), 'food');
    await userEvent.fill(page.getByLabelText('Near a postcode (optional)'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Search', exact: true }));
    await expect.element(page.getByText('1.9 miles away')).toBeVisible();
    const names = [...document.querySelector('council-directory-search')!.shadowRoot!.querySelectorAll('.result [role="heading"]')].map((h) => h.textContent);
    expect(names).toEqual(['Anytown Food Bank', 'Little Owls Toddler Group']);
  });

  it('says how many places a service has and how near the nearest is, and never "0 miles"', async () => {
    const [food, toddlers] = orukV3Page.contents;
    const places = [0, 1, 2].map((i) => ({ location: { name: `Hall ${i}`, addresses: [{ address_1: `${i} Church Lane`, city: 'Anytown', postal_code: 'AN1 1AA' }] } }));
    // A feed that repeats a service per location (ORUK's service_at_locations shape) is folded to one row.
    const near = { ...orukV3Page, total_items: 2, contents: [{ ...food, service_at_locations: places, distance: 644 }, { ...toddlers, distance: 120 }, { ...food, service_at_locations: places, distance: 2000 }] };
    mockApi({ 'GET /oruk/': { body: { version: '3.0' } }, 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: near } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await userEvent.fill(page.getByLabelText('Near a postcode (optional)'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await expect.element(page.getByText('3 locations, nearest 0.4 miles')).toBeVisible();
    await expect.element(page.getByText('less than 0.1 miles away')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    const names = [...document.querySelector('council-directory-search')!.shadowRoot!.querySelectorAll('.result [role="heading"]')].map((h) => h.textContent);
    expect(names).toEqual(['Little Owls Toddler Group', 'Anytown Food Bank']);
  });

  it('says it in Welsh: "3 lleoliad, yr agosaf 0.4 milltir", "llai na 0.1 milltir i ffwrdd"', async () => {
    const [food, toddlers] = orukV3Page.contents;
    const places = [0, 1, 2].map((i) => ({ location: { name: `Neuadd ${i}` } }));
    const near = { ...orukV3Page, contents: [{ ...food, service_at_locations: places, distance: 644 }, { ...toddlers, distance: 120 }] };
    mockApi({ 'GET /oruk/': { body: { version: '3.0' } }, 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: near } });
    await fixture(`<div lang="cy"><council-directory-search api-base="/oruk"></council-directory-search></div>`);
    await userEvent.fill(page.getByLabelText('Ger cod post (dewisol)'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Chwilio' }));
    await expect.element(page.getByText('3 lleoliad, yr agosaf 0.4 milltir')).toBeVisible();
    await expect.element(page.getByText('llai na 0.1 milltir i ffwrdd')).toBeVisible();
  });

  it('brings a postcode search back from "Back to results", a plain link without history state', async () => {
    const near = { ...orukV3Page, contents: [{ ...orukV3Page.contents[0], distance: 1287 }] };
    const { calls } = mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: near } });
    await fixture(`<council-directory-search api-base="/oruk" detail-url="/service"></council-directory-search>`);
    await userEvent.fill(page.getByLabelText('Near a postcode (optional)'), 'AN1 1AA');
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    const link = page.getByRole('link', { name: 'Anytown Food Bank' });
    // element() does not wait: wait for the results first (the version probe comes before them).
    await expect.element(link).toBeVisible();
    (link.element() as HTMLAnchorElement).addEventListener('click', (e) => e.preventDefault(), { once: true });
    await userEvent.click(link);
    const resultsUrl = location.href;
    expect(resultsUrl).not.toContain('AN1');

    // The detail page's link opens the same URL as a new entry: no history state.
    document.querySelector('council-directory-search')!.remove();
    history.replaceState(null, '', resultsUrl);
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await expect.element(page.getByText('0.8 miles away')).toBeVisible();
    expect(calls.at(-1)!.url.searchParams.get('postcode')).toBe('AN1 1AA');
    await expect.element(page.getByLabelText('Near a postcode (optional)')).toHaveValue('AN1 1AA');
  });

  it('rejects an invalid postcode with the error summary', async () => {
    mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await userEvent.fill(page.getByLabelText('Near a postcode (optional)'), 'nowhere');
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await expect.element(page.getByRole('link', { name: 'Enter a full UK postcode, like AN1 1AA' })).toBeVisible();
  });

  it('reads an ORUK v1 feed with the text parameter', async () => {
    const { calls } = mockApi({ 'GET /v1/taxonomies': { body: [{ id: 'food', name: 'Food' }] }, 'GET /v1/services': { body: orukV1Page } });
    await fixture(`<council-directory-search api-base="/v1" version="v1"></council-directory-search>`);
    // v1 feeds publish their categories at /taxonomies.
    await expect.element(page.getByText('Filter by category').first()).toBeVisible();
    await search('food');
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    await expect.element(page.getByText('0.5 miles away')).toBeVisible();
    expect(calls.at(-1)!.url.searchParams.get('text')).toBe('food');
    // Told the version, it asks nothing to find it out.
    expect(calls.map((c) => c.url.pathname)).not.toContain('/v1/');
  });

  it('with version="auto", finds a v1 feed from its first answer once, then sends v1 requests', async () => {
    const { calls } = mockApi({ 'GET /v1/taxonomies': { body: [{ id: 'food', name: 'Food' }] }, 'GET /v1/services': { body: orukV1Page } });
    await fixture(`<council-directory-search api-base="/v1"></council-directory-search>`);
    await expect.element(page.getByText('Filter by category').first()).toBeVisible();
    await search('food');
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    await userEvent.fill(page.getByLabelText('Search for a service'), 'advice');
    await userEvent.click(page.getByRole('button', { name: 'Search', exact: true }));
    await expect.poll(() => calls.at(-1)!.url.searchParams.get('text')).toBe('advice');
    const paths = calls.map((c) => `${c.url.pathname}${c.url.search}`);
    // The root (none: a 404), then one page of one service, asked once for the page's life.
    expect(paths.filter((p) => p === '/v1/')).toHaveLength(1);
    expect(paths.filter((p) => p === '/v1/services?per_page=1')).toHaveLength(1);
    expect(paths).not.toContain('/v1/taxonomy_terms?per_page=100');
    expect(calls.some((c) => c.url.searchParams.has('search') || c.url.searchParams.has('taxonomy_term_id'))).toBe(false);
    await expect.element(page.getByText('0.5 miles away')).toBeVisible();
  });

  it('with version="auto", takes v3 from the feed root and sends v3 requests', async () => {
    const { calls } = mockApi({ 'GET /oruk/': { body: { version: '3.0', profile: 'https://example.org' } }, 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukV3Page } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await search('food');
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    expect(calls.map((c) => c.url.pathname)).toEqual(['/oruk/', '/oruk/taxonomy_terms', '/oruk/services']);
    expect(calls.at(-1)!.url.searchParams.get('search')).toBe('food');
  });

  it('suggests what to change when nothing is found, and clears the search', async () => {
    mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: { ...orukV3Page, total_items: 0, contents: [] } } });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await search('unicorns');
    await expect.element(page.getByRole('heading', { name: 'No services found' })).toBeVisible();
    await expect.element(page.getByText('checking your spelling')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Clear search and filters' }));
    await expect.element(page.getByLabelText('Search for a service')).toHaveValue('');
    expect(location.search).not.toContain('q=');
  });

  it('pages through results and restores the search from the URL on Back', async () => {
    const paged = { ...orukV3Page, total_items: 23, total_pages: 3 };
    const { calls } = mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': (req) => ({ body: { ...paged, page_number: Number(new URL(req.url).searchParams.get('page')) } }) });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await search('help');
    await expect.element(page.getByText('Page 1 of 3')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Next' }));
    await expect.element(page.getByText('Page 2 of 3')).toBeVisible();
    expect(new URLSearchParams(location.search).get('page')).toBe('2');
    history.back();
    await expect.element(page.getByText('Page 1 of 3')).toBeVisible();
    await expect.poll(() => calls.at(-1)!.url.searchParams.get('page')).toBe('1');
  });

  it('shows a problem with Try again when the feed fails or is malformed', async () => {
    mockApi({ 'GET /oruk/': { body: { version: '3.0' } }, 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': [{ raw: '<html>oops' }, { body: orukV3Page }] });
    await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await search('food');
    await expect.element(page.getByText('Sorry, there is a problem with the service')).toBeVisible();
    mockApi({ 'GET /oruk/services': { body: orukV3Page } });
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: '2 services found' })).toBeVisible();
    // The button that had focus is gone: focus goes to the results, not the page body.
    await expect.poll(() => document.querySelector('council-directory-search')!.shadowRoot!.activeElement?.textContent).toBe('2 services found');
  });

  it('renders hostile feed text as text and drops unsafe records', async () => {
    mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukQuirksPage } });
    const el = await fixture(`<council-directory-search api-base="/oruk"></council-directory-search>`);
    await search('advice');
    await expect.element(page.getByText('Advice & support', { exact: true })).toBeVisible();
    await expect.element(page.getByText('خدمة الدعم ‏Support 🤝')).toBeVisible();
    expect(el.shadowRoot!.querySelector('script, img')).toBeNull();
  });

  it('works in Welsh', async () => {
    mockApi({ 'GET /oruk/taxonomy_terms': { body: orukTaxonomyTerms }, 'GET /oruk/services': { body: orukV3Page } });
    await fixture(`<div lang="cy"><council-directory-search api-base="/oruk"></council-directory-search></div>`);
    await userEvent.fill(page.getByLabelText('Chwilio am wasanaeth'), 'bwyd');
    await userEvent.click(page.getByRole('button', { name: 'Chwilio' }));
    await expect.element(page.getByRole('heading', { name: '2 wasanaeth wedi’u canfod' })).toBeVisible();
    await expect.element(page.getByText('Am ddim')).toBeVisible();
  });

  it('asks the feed in the page language, and marks English kept on a Welsh page lang="en"', async () => {
    const [first, second] = orukV3Page.contents as Record<string, unknown>[];
    const terms = { contents: [{ id: 'tax-food', name: 'Bwyd', language: 'cy' }, { id: 'tax-other', name: 'Other help', language: 'en' }] };
    const services = {
      ...orukV3Page,
      contents: [
        { ...first, name: 'Banc Bwyd Anytown', language: 'cy', details_language: 'en', organization: { name: 'Anytown Community Trust', language: 'en' } },
        { ...second, language: 'en', details_language: 'en' },
      ],
    };
    const { calls } = mockApi({ 'GET /oruk/': { body: { version: '3.0' } }, 'GET /oruk/taxonomy_terms': { body: terms }, 'GET /oruk/services': { body: services } });
    const el = await fixture(`<div lang="cy"><council-directory-search api-base="/oruk"></council-directory-search></div>`);
    await userEvent.fill(page.getByLabelText('Chwilio am wasanaeth'), 'bwyd');
    await userEvent.click(page.getByRole('button', { name: 'Chwilio' }));
    await expect.element(page.getByRole('heading', { name: 'Banc Bwyd Anytown' })).toBeVisible();
    // The version probe (the feed root) carries no text; the categories and the search ask in Welsh.
    const asked = calls.filter((call) => call.url.pathname !== '/oruk/');
    expect(asked.map((call) => call.headers.get('Accept-Language'))).toEqual(['cy', 'cy']);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('[role="heading"][lang]')].map((h) => [h.textContent!.trim(), h.getAttribute('lang')])).toEqual([
      ['Banc Bwyd Anytown', 'cy'],
      [(second as { name: string }).name, 'en'],
    ]);
    // The organisation's name and the feed's cost words, inside Welsh sentences.
    expect([...root.querySelectorAll('span[lang="en"]')].map((span) => span.textContent)).toEqual(['Anytown Community Trust', '£1 per family']);
    await expect.element(page.getByText('Gan Anytown Community Trust')).toBeVisible();
    expect(root.querySelector('label[for="category-tax-other"]')!.getAttribute('lang')).toBe('en');
    expect(root.querySelector('label[for="category-tax-food"]')!.getAttribute('lang')).toBe('cy');
  });

  it('has Welsh for every message', () => {
    for (const key of Object.keys(directorySearchStrings.en)) expect(directorySearchStrings.cy, key).toHaveProperty(key);
  });

  it('has Welsh for every message of the results, which load with the first search', () => {
    for (const key of Object.keys(resultsStrings.en)) expect(resultsStrings.cy, key).toHaveProperty(key);
  });
});
