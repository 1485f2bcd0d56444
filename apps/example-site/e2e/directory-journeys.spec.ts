import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, focused, watchForProblems } from './support.ts';
import {
  announcer,
  directoryPages,
  directorySearch,
  expectCategories,
  foundCount,
  openDirectory,
  resultDistances,
  resultNames,
  results,
  resultsHeading,
  searchFor,
  serviceDetail,
  urlSearch,
} from './directory-support.ts';

/**
 * axe on a page the server rendered (its elements' shadow roots link their stylesheets): axe
 * reads those sheets into inline styles of its own, which the site's CSP reports. So the site's
 * own problems are checked first, and what axe caused is left out after.
 */
async function axeOnServerPage(page: Page, problems: string[]): Promise<void> {
  expect(problems).toEqual([]);
  await expectNoAxeViolations(page);
  problems.length = 0;
}

// "Find local services" and "Service details" through the real council API's Open Referral UK
// feed (proxied on /oruk), with axe over the page, shadow roots included, at every step. Counts
// are read from the feed itself, so the tests follow the seed.

interface OrukPage {
  total_items: number;
  total_pages: number;
  contents: { id: string; name: string; distance?: number; service_at_locations?: unknown[] }[];
}

async function feed(request: APIRequestContext, path: string): Promise<OrukPage> {
  const response = await request.get(`/oruk/${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as OrukPage;
}

/** Waits until focus is on the results heading, and returns its text. */
async function expectFocusOnResults(page: Page): Promise<void> {
  await expect.poll(async () => (await focused(page))?.isStepHeading, { message: 'focus on the results heading' }).toBe(true);
}

test('keyword search: results found, announced, in the URL, each linking to its details', async ({ page, request }) => {
  const problems = await watchForProblems(page);
  const expected = await feed(request, 'services?search=food%20bank&per_page=10');
  expect(expected.total_items).toBeGreaterThan(10);
  const searched: unknown[] = [];
  await page.exposeFunction('__searched', (detail: unknown) => searched.push(detail));
  await page.addInitScript(() => {
    document.addEventListener('council-directory-searched', (event) => {
      (window as unknown as { __searched: (d: unknown) => void }).__searched((event as CustomEvent).detail);
    });
  });

  await openDirectory(page);
  await expectCategories(page);
  await expect(resultsHeading(page)).toHaveCount(0);
  await expectNoAxeViolations(page);

  await searchFor(page, 'food bank');
  await expect(resultsHeading(page)).toHaveText(`${expected.total_items} services found`);
  await expectFocusOnResults(page);
  await expect(announcer(page)).toHaveText(`${expected.total_items} services found. Page 1 of ${expected.total_pages}`);
  expect(searched).toEqual([{ total: expected.total_items, page: 1 }]);
  // The search is in the URL (so it can be shared, and Back works); nothing else is.
  expect(page.url()).toMatch(/\/local-services\/\?q=food\+bank$/);

  await expect(results(page)).toHaveCount(10);
  expect(await resultNames(page)).toEqual(expected.contents.map((s) => s.name));
  const first = results(page).first().getByRole('link');
  await expect(first).toHaveAttribute('href', `/local-services/service/?id=${expected.contents[0]!.id}`);
  await expect(directorySearch(page).getByRole('navigation', { name: 'Results pages' })).toContainText(`Page 1 of ${expected.total_pages}`);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('near a postcode: each service once in the API\'s order (best matches, nearest within them), with distances, and the postcode never in the URL', async ({ page, request }) => {
  // 5 miles = 8047 metres, as the element asks; each service once, at its nearest location.
  const expected = await feed(request, 'services?search=food%20bank&postcode=AN1%201AA&proximity=8047&per_page=10');
  expect(expected.total_pages).toBeGreaterThan(1);
  // A postcode only narrows: never more services than the same search everywhere.
  expect(expected.total_items).toBeLessThanOrEqual((await feed(request, 'services?search=food%20bank&per_page=1')).total_items);

  await openDirectory(page);
  await searchFor(page, 'food bank', 'an1 1aa');
  await expect(resultsHeading(page)).toHaveText(`${expected.total_items} services found`);
  await expectFocusOnResults(page);

  // Every result says how far away it is, all within the 5 miles asked for, in the order the
  // council API ranked them (services named for the search first, the nearest first within
  // them): with words searched, the element does not re-sort by distance.
  const first = await resultDistances(page);
  expect(first).toHaveLength(10);
  expect(first.every((miles) => !Number.isNaN(miles) && miles <= 5)).toBe(true);
  await expect(results(page).first()).toContainText(/\d+(\.\d)? miles?/);
  expect(await resultNames(page)).toEqual(expected.contents.map((s) => s.name));
  expect(new Set(await resultNames(page)).size).toBe(10);
  // A service at several places says so, with its nearest.
  const several = expected.contents.findIndex((s) => (s.service_at_locations?.length ?? 0) > 1);
  if (several >= 0) await expect(results(page).nth(several)).toContainText(`${expected.contents[several]!.service_at_locations!.length} locations, nearest`);
  await expectNoAxeViolations(page);

  // The postcode is personal data: in the page's history state, not its address.
  expect(page.url()).not.toMatch(/AN1|an1|postcode/i);
  expect(urlSearch(page).get('distance')).toBe('5');
  expect(await page.evaluate(() => JSON.stringify(history.state))).toContain('AN1 1AA');
  // What the resident typed stays in the field.
  await expect(directorySearch(page).locator('#postcode')).toHaveValue('an1 1aa');

  // The next page carries on from where the first left off.
  await directorySearch(page).getByRole('button', { name: 'Next' }).click();
  await expect(announcer(page)).toHaveText(`${expected.total_items} services found. Page 2 of ${expected.total_pages}`);
  // Page 2 is the API's page 2, in its order.
  const page2 = await feed(request, 'services?search=food%20bank&postcode=AN1%201AA&proximity=8047&per_page=10&page=2');
  expect(await resultNames(page)).toEqual(page2.contents.map((s) => s.name));
  expect(page.url()).not.toMatch(/AN1|an1|postcode/i);
});

test('a postcode that is not a postcode: the error summary, and no search', async ({ page }) => {
  await openDirectory(page);
  await searchFor(page, 'food bank', 'NOT A POSTCODE');
  const summary = directorySearch(page).locator('.error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Enter a full UK postcode, like AN1 1AA');
  await expect.poll(async () => (await focused(page))?.classes ?? '').toContain('error-summary');
  await expect(resultsHeading(page)).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  await expectNoAxeViolations(page);
});

test('category filter: only that category, in the URL, then cleared', async ({ page, request }) => {
  await openDirectory(page);
  await expectCategories(page);
  const search = directorySearch(page);
  await search.locator('summary').click();
  const debt = search.getByRole('checkbox', { name: 'Debt advice', exact: true });
  await debt.check();
  await expect(search.locator('summary')).toHaveText('Anytown service categories (1 selected)');
  await expectNoAxeViolations(page);
  await search.getByRole('button', { name: 'Search', exact: true }).click();

  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
  const category = urlSearch(page).get('category');
  expect(category).toMatch(/^[0-9a-f-]{36}$/);
  const expected = await feed(request, `services?taxonomy_term_id=${category}&per_page=10`);
  expect(await foundCount(page)).toBe(expected.total_items);
  expect(await resultNames(page)).toEqual(expected.contents.map((s) => s.name));
  await expect(results(page).first()).toContainText(/debt|money/i);
  await expectNoAxeViolations(page);

  // "Clear search and filters" empties the form, the results and the URL, and returns to the field.
  await search.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(resultsHeading(page)).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  await expect.poll(async () => (await focused(page))?.id).toBe('text');
  await search.locator('summary').click();
  await expect(search.getByRole('checkbox', { name: 'Debt advice', exact: true })).not.toBeChecked();
});

test('paging: Next and Previous, announced, focus on the results, page in the URL', async ({ page, request }) => {
  const page1 = await feed(request, 'services?search=food%20bank&per_page=10&page=1');
  const page2 = await feed(request, 'services?search=food%20bank&per_page=10&page=2');
  await openDirectory(page);
  await searchFor(page, 'food bank');
  await expect(resultsHeading(page)).toHaveText(`${page1.total_items} services found`);
  const pages = directorySearch(page).getByRole('navigation', { name: 'Results pages' });
  await expect(pages.getByRole('button', { name: 'Previous' })).toHaveCount(0);

  await pages.getByRole('button', { name: 'Next' }).click();
  await expect(announcer(page)).toHaveText(`${page1.total_items} services found. Page 2 of ${page1.total_pages}`);
  await expect(pages).toContainText(`Page 2 of ${page1.total_pages}`);
  expect(await resultNames(page)).toEqual(page2.contents.map((s) => s.name));
  expect(urlSearch(page).get('page')).toBe('2');
  await expectFocusOnResults(page);
  await expectNoAxeViolations(page);

  await pages.getByRole('button', { name: 'Previous' }).click();
  await expect(pages).toContainText(`Page 1 of ${page1.total_pages}`);
  expect(await resultNames(page)).toEqual(page1.contents.map((s) => s.name));
  expect(urlSearch(page).get('page')).toBeNull();

  // The last page has no Next.
  await page.goto(`${directoryPages.search.en}?q=food+bank&page=${page1.total_pages}`);
  await expect(pages).toContainText(`Page ${page1.total_pages} of ${page1.total_pages}`);
  await expect(pages.getByRole('button', { name: 'Next' })).toHaveCount(0);
});

test('service details, then "Back to results" returns to the same search and page', async ({ page, request }) => {
  const problems = await watchForProblems(page);
  const expected = await feed(request, 'services?search=debt&per_page=10&page=2');
  await openDirectory(page);
  await searchFor(page, 'debt');
  await expect(resultsHeading(page)).toHaveText(`${expected.total_items} services found`);
  await directorySearch(page).getByRole('button', { name: 'Next' }).click();
  await expect(directorySearch(page).getByRole('navigation', { name: 'Results pages' })).toContainText('Page 2 of');
  const searchUrl = page.url();
  const names = await resultNames(page);
  expect(names).toEqual(expected.contents.map((s) => s.name));

  const chosen = expected.contents[2]!;
  await results(page).nth(2).getByRole('link', { name: chosen.name }).click();
  await expect(page).toHaveURL(`/local-services/service/?id=${chosen.id}`);
  const detail = serviceDetail(page);
  // The service's name is the page's one main heading and its title (the fallback's h1 is hidden).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chosen.name);
  await expect(page).toHaveTitle(`${chosen.name} – Anytown Borough Council`);
  const service = (await (await request.get(`/oruk/services/${chosen.id}`)).json()) as { organization?: { name: string }; description: string };
  if (service.organization) await expect(detail).toContainText(`Run by ${service.organization.name}`);
  await expect(detail.locator('dt').first()).toBeVisible();
  await expect(detail.locator('dt')).toContainText(['How to contact']);
  await expect(detail).toContainText(/Information last checked \d{1,2} [A-Z][a-z]+ \d{4}/);
  // Links from the feed: only safe schemes, a website opening in a new tab says so.
  const hrefs = await detail.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.every((href) => /^(https?:|mailto:|tel:|\/)/.test(href))).toBe(true);
  await axeOnServerPage(page, problems);

  await detail.getByRole('link', { name: 'Back to results' }).click();
  await expect(page).toHaveURL(searchUrl);
  await expect(directorySearch(page).getByRole('navigation', { name: 'Results pages' })).toContainText('Page 2 of');
  expect(await resultNames(page)).toEqual(names);
  await expect(directorySearch(page).locator('#text')).toHaveValue('debt');
  await axeOnServerPage(page, problems);
});

test('browser Back and Forward restore each search from the URL', async ({ page, request }) => {
  const food = await feed(request, 'services?search=food%20bank&per_page=10');
  const debt = await feed(request, 'services?search=debt&per_page=10');
  await openDirectory(page);
  await searchFor(page, 'food bank');
  await expect(resultsHeading(page)).toHaveText(`${food.total_items} services found`);
  await searchFor(page, 'debt');
  await expect(resultsHeading(page)).toHaveText(`${debt.total_items} services found`);
  await directorySearch(page).getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\?q=debt&page=2$/);

  // Into a service and back: the results are still there.
  await results(page).first().getByRole('link').click();
  await expect(serviceDetail(page).getByRole('heading', { level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?q=debt&page=2$/);
  await expect(directorySearch(page).getByRole('navigation', { name: 'Results pages' })).toContainText('Page 2 of');

  await page.goBack();
  await expect(page).toHaveURL(/\?q=debt$/);
  await expect(directorySearch(page).getByRole('navigation', { name: 'Results pages' })).toContainText('Page 1 of');
  expect(await resultNames(page)).toEqual(debt.contents.map((s) => s.name));

  await page.goBack();
  await expect(page).toHaveURL(/\?q=food\+bank$/);
  await expect(resultsHeading(page)).toHaveText(`${food.total_items} services found`);
  await expect(directorySearch(page).locator('#text')).toHaveValue('food bank');
  expect(await resultNames(page)).toEqual(food.contents.map((s) => s.name));
  await expectNoAxeViolations(page);

  await page.goBack();
  await expect(page).toHaveURL(/\/local-services\/$/);
  await expect(resultsHeading(page)).toHaveCount(0);
  await expect(directorySearch(page).locator('#text')).toHaveValue('');

  await page.goForward();
  await expect(resultsHeading(page)).toHaveText(`${food.total_items} services found`);
  await page.goForward();
  await expect(resultsHeading(page)).toHaveText(`${debt.total_items} services found`);
  await expect(directorySearch(page).locator('#text')).toHaveValue('debt');
});

test('a shared link to a search shows its results straight away', async ({ page, request }) => {
  const expected = await feed(request, 'services?search=carers&per_page=10');
  await page.goto(`${directoryPages.search.en}?q=carers`);
  await expect(resultsHeading(page)).toHaveText(`${expected.total_items} services found`);
  await expect(directorySearch(page).locator('#text')).toHaveValue('carers');
  // A page load is not a search the resident made: focus stays where the browser put it.
  expect((await focused(page))?.isStepHeading ?? false).toBe(false);
});

test('a search with no results says what to try', async ({ page }) => {
  await openDirectory(page);
  await searchFor(page, 'zzzzqqqq');
  await expect(resultsHeading(page)).toHaveText('No services found');
  await expect(directorySearch(page)).toContainText('checking your spelling');
  await expect(announcer(page)).toHaveText('0 services found');
  await expectNoAxeViolations(page);
});

test('a service that no longer exists: "We could not find this service", with the way back', async ({ page }) => {
  await page.goto(`${directoryPages.detail.en}?id=00000000-0000-4000-8000-000000000000`);
  const detail = serviceDetail(page);
  await expect(detail.getByRole('heading', { name: 'We could not find this service' })).toBeVisible();
  await expect(detail.getByRole('link', { name: 'Back to results' })).toHaveAttribute('href', '/local-services/');
  await expectNoAxeViolations(page);
});

test('the detail page without ?id= says no service was found, with the way back', async ({ page }) => {
  await page.goto(directoryPages.detail.en);
  await expect(serviceDetail(page).locator('[part="busy"]')).toHaveCount(0, { timeout: 3_000 });
  await expect(serviceDetail(page).getByRole('link', { name: 'Back to results' })).toBeVisible();
});

test('"Back to results" after a postcode search returns to the same, nearest-first search', async ({ page }) => {
  // The postcode is never in the URL; the element remembers it for the session with the last
  // search, so this plain link (a new history entry, without state) brings it back.
  await openDirectory(page);
  await searchFor(page, 'food bank', 'AN1 1AA');
  // The results render after the search answers: read them once they are there.
  await expect(results(page).first()).toBeVisible();
  const before = await resultNames(page);
  expect(before.length).toBeGreaterThan(0);
  await results(page).first().getByRole('link').click();
  await serviceDetail(page).getByRole('link', { name: 'Back to results' }).click();
  await expect(directorySearch(page).locator('#postcode')).toHaveValue('AN1 1AA');
  await expect.poll(() => resultNames(page)).toEqual(before);
  expect((await resultDistances(page)).every((miles) => !Number.isNaN(miles))).toBe(true);
});

test.describe('in Welsh', () => {
  test('search, details and back, in Welsh', async ({ page, request }) => {
    const problems = await watchForProblems(page);
    // The elements ask for the page's language: the feed answers Welsh names where it has them.
    const expected = await feed(request, 'services?search=food%20bank&per_page=10&lang=cy');
    await openDirectory(page, directoryPages.search.cy);
    const search = directorySearch(page);
    // (By role: the page's no-JavaScript form, with the same labels, stays in the light DOM, unrendered.)
    await expect(search.getByRole('searchbox', { name: 'Chwilio am wasanaeth' })).toBeVisible();
    await expect(search.getByRole('textbox', { name: 'Ger cod post (dewisol)' })).toBeVisible();
    await expect(search.locator('#distance option:checked')).toHaveText('5 milltir');
    await expectNoAxeViolations(page);

    await searchFor(page, 'food bank', 'AN1 1AA');
    await expect(resultsHeading(page)).toHaveText(/^\d+ gwasanaeth wedi’u canfod$/);
    await expectFocusOnResults(page);
    await expect(announcer(page)).toHaveText(/^\d+ gwasanaeth wedi’u canfod\. Tudalen 1 o \d+$/);
    // One place "0.5 milltir i ffwrdd", or several "3 lleoliad, yr agosaf 0.5 milltir".
    await expect(results(page).first()).toContainText(/\d+(\.\d)? (milltir|filltir) i ffwrdd|lleoliad, yr agosaf [\d.]+ (milltir|filltir)/);
    await expect(search.getByRole('navigation', { name: 'Tudalennau canlyniadau' }).getByRole('button', { name: 'Nesaf' })).toBeVisible();
    await expectNoAxeViolations(page);

    // A keyword search, then "Back to results" returns to it.
    await searchFor(page, 'food bank', '');
    await expect(resultsHeading(page)).toHaveText(`${expected.total_items} gwasanaeth wedi’u canfod`);
    const link = results(page).first().getByRole('link');
    await expect(link).toHaveAttribute('href', `/cy/local-services/service/?id=${expected.contents[0]!.id}`);
    await link.click();
    const detail = serviceDetail(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.contents[0]!.name);
    await expect(page).toHaveTitle(`${expected.contents[0]!.name} – Cyngor Bwrdeistref Anytown`);
    await expect(detail.locator('dt').first()).toHaveText('Sut i gysylltu');
    await expect(detail).toContainText('Gwiriwyd y wybodaeth ddiwethaf');
    await axeOnServerPage(page, problems);

    await detail.getByRole('link', { name: 'Yn ôl i’r canlyniadau' }).click();
    await expect(page).toHaveURL('/cy/local-services/?q=food+bank');
    await expect(resultsHeading(page)).toHaveText(`${expected.total_items} gwasanaeth wedi’u canfod`);
    expect(problems).toEqual([]);
  });

  test('"banc bwyd" finds food banks, categories in Welsh, English kept marked lang="en"', async ({ page, request }) => {
    const problems = await watchForProblems(page);
    const expected = await feed(request, 'services?search=banc%20bwyd&per_page=10&lang=cy');
    expect(expected.contents.every((service) => /Banc Bwyd/.test(service.name))).toBe(true);
    await openDirectory(page, directoryPages.search.cy);
    const search = directorySearch(page);
    await search.locator('summary').first().click();
    await expect(search.getByLabel('Banciau bwyd', { exact: true })).toBeVisible();
    await expect(search.getByLabel('Gofalwyr', { exact: true })).toBeVisible();
    await expect(search.locator('label[for^="category-"]').first()).toHaveAttribute('lang', 'cy');

    await searchFor(page, 'banc bwyd', '');
    await expect(resultsHeading(page)).toHaveText(`${expected.total_items} gwasanaeth wedi’u canfod`);
    expect(await resultNames(page)).toEqual(expected.contents.map((s) => s.name));
    await expect(results(page).first().locator('[role="heading"]')).toHaveAttribute('lang', 'cy');

    // A service with no Welsh version keeps its English, marked so it is read as English.
    await searchFor(page, 'Mobile Advice Van', '');
    const van = results(page).filter({ hasText: 'Mobile Advice Van' }).first();
    await expect(van.locator('[role="heading"]')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('the Welsh postcode error and no results', async ({ page }) => {
    await openDirectory(page, directoryPages.search.cy);
    await searchFor(page, 'food bank', 'DIM COD POST');
    await expect(directorySearch(page).locator('.error-summary')).toContainText('Rhowch god post llawn yn y DU, fel AN1 1AA');
    await searchFor(page, 'zzzzqqqq', '');
    await expect(resultsHeading(page)).toHaveText('Heb ddod o hyd i wasanaethau');
    await expect(directorySearch(page)).toContainText('wirio eich sillafu');
    await expectNoAxeViolations(page);
  });
});
