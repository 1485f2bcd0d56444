import { expect, test, type Locator, type Route } from '@playwright/test';
import { expectNoAxeViolations, focused } from './support.ts';
import { directoryPages, directorySearch, expectCategories, openDirectory, orukRoutes, results, resultsHeading, searchFor, serviceDetail } from './directory-support.ts';

// The Open Referral UK feed failing, faked with page.route on /oruk: the element says so
// clearly, offers Try again where it can help, and keeps everything the resident typed.

const problemTitle = 'Sorry, there is a problem with the service';
const malformed = { status: 200, contentType: 'text/html', body: '<html><body>502 Bad Gateway</body></html>' };

function fail500(route: Route): Promise<void> {
  return route.fulfill({
    status: 500,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
  });
}

const problemPanel = (host: Locator): Locator => host.locator('[part="problem"]');

/** The form still holds what the resident typed and chose. */
async function expectFormKept(search: Locator, text: string, postcode: string): Promise<void> {
  await expect(search.locator('#text')).toHaveValue(text);
  await expect(search.locator('#postcode')).toHaveValue(postcode);
}

test('a 500 from the feed: the problem and Try again, nothing typed is lost, Try again recovers', async ({ page }) => {
  let failing = true;
  let calls = 0;
  await page.route(orukRoutes.search, async (route) => {
    calls++;
    if (failing) await fail500(route);
    else await route.continue();
  });
  await openDirectory(page);
  const search = directorySearch(page);
  await searchFor(page, 'food bank', 'AN1 1AA');

  const panel = problemPanel(search);
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible({ timeout: 10_000 });
  await expect(panel).toContainText('Try again. If it still does not work, try again later.');
  await expect(panel).toHaveAttribute('role', 'alert');
  // The element retried the GET itself (with backoff) before saying so.
  expect(calls).toBe(3);
  await expectFormKept(search, 'food bank', 'AN1 1AA');
  await expect(resultsHeading(page)).toHaveCount(0);
  await expectNoAxeViolations(page);

  failing = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
  // One place "0.5 miles away", or several "3 locations, nearest 0.5 miles".
  await expect(results(page).first()).toContainText(/miles? away|locations, nearest [\d.]+ miles?/);
  await expect.poll(async () => (await focused(page))?.isStepHeading).toBe(true);
  await expect(panel).toHaveCount(0);
  await expectFormKept(search, 'food bank', 'AN1 1AA');
});

test('malformed JSON: the problem message, not a blank box, and Try again', async ({ page }) => {
  let broken = true;
  await page.route(orukRoutes.search, (route) => (broken ? route.fulfill(malformed) : route.continue()));
  await openDirectory(page);
  const search = directorySearch(page);
  await searchFor(page, 'debt');
  const panel = problemPanel(search);
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible();
  await expect(panel).toContainText('Try again. If it still does not work, try again later.');
  await expectFormKept(search, 'debt', '');
  await expectNoAxeViolations(page);

  broken = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
});

test('JSON that is not an ORUK page is refused like malformed JSON', async ({ page }) => {
  await page.route(orukRoutes.search, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ contents: 'nope' }) }));
  await openDirectory(page);
  await searchFor(page, 'debt');
  await expect(problemPanel(directorySearch(page)).getByRole('heading', { name: problemTitle })).toBeVisible();
  await expect(results(page)).toHaveCount(0);
});

test('the feed unreachable: "We could not connect", and Try again', async ({ page }) => {
  let down = true;
  await page.route(orukRoutes.search, (route) => (down ? route.abort('connectionrefused') : route.continue()));
  await openDirectory(page);
  await searchFor(page, 'carers');
  const panel = problemPanel(directorySearch(page));
  await expect(panel).toContainText('We could not connect to the service. Check your connection and try again.', { timeout: 10_000 });
  down = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
  await expectFormKept(directorySearch(page), 'carers', '');
});

test('a feed that never answers: busy while waiting, then "taking too long", and Try again', async ({ page }) => {
  // The http client gives each attempt 10 seconds and retries a GET twice: about 31 seconds.
  test.setTimeout(90_000);
  let hanging = true;
  let calls = 0;
  await page.route(orukRoutes.search, async (route) => {
    calls++;
    if (!hanging) return route.continue();
    // Never answered: the element's own timeout aborts the request.
  });
  await openDirectory(page);
  const search = directorySearch(page);
  await searchFor(page, 'food bank', 'AN1 1AA');
  await expect(search.locator('[part="busy"]')).toHaveText('Searching for services');
  await expect(search.locator('[aria-busy="true"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  const panel = problemPanel(search);
  await expect(panel).toContainText('The service is taking too long to respond. Check your connection and try again.', { timeout: 45_000 });
  expect(calls).toBe(3);
  await expect(search.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectFormKept(search, 'food bank', 'AN1 1AA');

  hanging = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
});

test('categories failing to load: searching still works, without the filter', async ({ page }) => {
  await page.route(orukRoutes.categories, fail500);
  await openDirectory(page);
  await searchFor(page, 'debt');
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
  await expect(directorySearch(page).locator('details')).toHaveCount(0);
});

test('service details failing: the problem with Try again, and the way back to the results', async ({ page }) => {
  await openDirectory(page);
  await searchFor(page, 'debt');
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
  const searchUrl = page.url();
  const name = (await results(page).first().locator('[role="heading"]').textContent())!.trim();

  let failing = true;
  await page.route(orukRoutes.service, (route) => (failing ? fail500(route) : route.continue()));
  // The detail page as a static host serves it (this site's server renders it with the service,
  // no-js/directory.mjs, which a browser route cannot make fail): the element asks the feed.
  await page.route(/\/local-services\/service\/\?id=/, async (route) => route.fulfill({ response: await route.fetch({ url: new URL('/local-services/service/', route.request().url()).href }) }));
  await results(page).first().getByRole('link').click();
  const detail = serviceDetail(page);
  const panel = problemPanel(detail);
  await expect(panel.getByRole('heading', { name: problemTitle })).toBeVisible({ timeout: 10_000 });
  await expect(detail.getByRole('link', { name: 'Back to results' })).toHaveAttribute('href', searchUrl);
  await expectNoAxeViolations(page);

  failing = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(detail.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(detail.getByRole('heading', { level: 1, name })).toBeFocused();
});

test('in Welsh: the problem message and Try again are Welsh', async ({ page }) => {
  await page.route(orukRoutes.search, (route) => route.fulfill(malformed));
  await openDirectory(page, directoryPages.search.cy);
  await expectCategories(page);
  await searchFor(page, 'banc bwyd');
  const panel = problemPanel(directorySearch(page));
  await expect(panel.getByRole('heading', { name: 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Rhowch gynnig arall arni' })).toBeVisible();
  await expect(directorySearch(page).locator('#text')).toHaveValue('banc bwyd');
  await expectNoAxeViolations(page);
});
