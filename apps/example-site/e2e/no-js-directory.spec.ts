import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchForProblems } from './support.ts';
import { directoryPages, directorySearch, results, resultsHeading, serviceDetail } from './directory-support.ts';

// "Find local services" with scripts off: the page's GET form, then <council-directory-search>
// rendered on the server with the feed's answer (no-js/directory.mjs): filters, pages as links,
// the postcode's error, no results; each result opens <council-service-detail> rendered the same way.
const words = {
  en: {
    text: 'Search for a service', postcode: 'Near a postcode (optional)', search: 'Search', found: /^\d+ services? found$/, next: 'Next', previous: 'Previous',
    page2: /^Page 2 of \d+$/, none: 'No services found', clear: 'Clear search and filters', back: 'Back to results', error: 'Error:', problem: 'There is a problem',
    invalid: 'Enter a full UK postcode, like AN1 1AA', notFound: 'We could not find this service', site: 'Anytown Borough Council', miles: /(less than )?(\d+(\.\d)?) miles?/,
  },
  cy: {
    text: 'Chwilio am wasanaeth', postcode: 'Ger cod post (dewisol)', search: 'Chwilio', found: /^\d+ g?wasanaeth wedi’(u|i) (c|g)anfod$/, next: 'Nesaf', previous: 'Blaenorol',
    page2: /^Tudalen 2 o \d+$/, none: 'Heb ddod o hyd i wasanaethau', clear: 'Clirio’r chwiliad a’r hidlwyr', back: 'Yn ôl i’r canlyniadau', error: 'Gwall:', problem: 'Mae problem wedi codi',
    invalid: 'Rhowch god post llawn yn y DU, fel AN1 1AA', notFound: 'Nid oeddem yn gallu dod o hyd i’r gwasanaeth hwn', site: 'Cyngor Bwrdeistref Anytown', miles: /(llai na )?(\d+(\.\d)?) (milltir|filltir)/,
  },
} as const;

/**
 * axe on each page the test reaches, as it is without JavaScript: axe is a script, so it runs
 * on the same URL in a second page whose scripts are all refused (the same HTML and CSS, no
 * element defined), as no-js-bin-day.spec.ts does. One such page per test, reused.
 */
async function axeWithoutScripts(browser: Browser): Promise<(current: Page) => Promise<void>> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const axePage = await context.newPage();
  await axePage.route(/\.m?js(\?|$)/, (route) => route.abort());
  return async (current) => {
    await axePage.goto(current.url());
    expect(await axePage.evaluate(() => customElements.get('council-directory-search') ?? customElements.get('council-service-detail'))).toBeUndefined();
    await expectNoAxeViolations(axePage);
  };
}

for (const lang of ['en', 'cy'] as const) {
  const w = words[lang];

  test.describe(`without JavaScript (${lang})`, () => {
    test.use({ javaScriptEnabled: false });

    test('search from the page\'s own form: the element, rendered on the server with the results', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(directoryPages.search[lang]);
      await axe(page);
      // The page's own form (the element's fallback) sends the search to the server.
      await page.getByLabel(w.text).fill('');
      await page.getByRole('button', { name: w.search, exact: true }).click();
      await expect(page).toHaveURL(/\?q=&postcode=&distance=5$/);
      // No script ran, yet the element's shadow root is there, from the server.
      expect(await page.evaluate(() => customElements.get('council-directory-search'))).toBeUndefined();
      await expect(resultsHeading(page)).toHaveText(w.found);
      await expect(results(page)).toHaveCount(10);
    });

    // (One axe run per test: each takes seconds on a loaded machine.)
    test('pages are links that keep the search', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(`${directoryPages.search[lang]}?q=&distance=5`);
      const firstPage = await results(page).locator('[role="heading"]').allTextContents();
      await directorySearch(page).getByRole('link', { name: w.next }).click();
      await expect(page).toHaveURL(/[?&]page=2$/);
      await expect(directorySearch(page).getByRole('navigation').locator('span')).toHaveText(w.page2);
      expect(await results(page).locator('[role="heading"]').allTextContents()).not.toEqual(firstPage);
      await expect(directorySearch(page).getByRole('link', { name: w.previous })).toBeVisible();
      await axe(page);
    });

    test('filter by a category with the element\'s own form, and open a service', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(`${directoryPages.search[lang]}?q=`);
      // The element's own form, with the feed's categories as checkboxes that submit.
      await directorySearch(page).locator('summary').first().click();
      const box = directorySearch(page).locator('input[name="category"]').first();
      const category = await box.getAttribute('value');
      await box.check();
      await directorySearch(page).getByRole('button', { name: w.search, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]category=${category}(&|$)`));
      await expect(resultsHeading(page)).toHaveText(w.found);
      await expect(directorySearch(page).locator(`input[value="${category}"]`)).toBeChecked();

      // Each result opens the service's own page, rendered on the server: its name is the
      // page's heading and its title.
      const name = (await results(page).first().locator('[role="heading"]').textContent())!.trim();
      await results(page).first().getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`${directoryPages.detail[lang]}\\?id=[0-9a-f-]{36}$`));
      await expect(serviceDetail(page).getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page).toHaveTitle(`${name} – ${w.site}`);
      await axe(page);
      await serviceDetail(page).getByRole('link', { name: w.back }).click();
      await expect(page).toHaveURL(directoryPages.search[lang]);
    });

    test('a service that is not there says so, in the element\'s words, with the way back', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      const response = await page.goto(`${directoryPages.detail[lang]}?id=00000000-0000-4000-8000-000000000000`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.notFound);
      await axe(page);
      await page.getByRole('link', { name: w.back }).click();
      await expect(page).toHaveURL(directoryPages.search[lang]);
    });

    test('near a postcode: nearest first', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(directoryPages.search[lang]);
      await page.getByLabel(w.postcode).fill('an1 1aa');
      await page.getByRole('button', { name: w.search, exact: true }).click();
      await expect(resultsHeading(page)).toHaveText(w.found);
      await expect(results(page).first()).toContainText(w.miles);
      // Each service once, at its nearest place ("3 locations, nearest 0.4 miles"), nearest first.
      const distances = (await results(page).allTextContents()).map((text) => {
        const [, under, miles] = w.miles.exec(text) ?? [];
        return under ? 0 : Number(miles);
      });
      expect(distances.every((miles) => !Number.isNaN(miles))).toBe(true);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      // The element's form keeps the postcode as it was typed.
      await expect(directorySearch(page).getByLabel(w.postcode)).toHaveValue('an1 1aa');
      await axe(page);
    });

    test('a postcode that is not one: the element\'s message, in its error summary and beside the field', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(`${directoryPages.search[lang]}?q=food&postcode=an1+1aa`);
      await directorySearch(page).getByLabel(w.postcode).fill('NOT A POSTCODE');
      await directorySearch(page).getByRole('button', { name: w.search, exact: true }).click();
      await expect(page).toHaveTitle(new RegExp(`^${w.error} `));
      const summary = directorySearch(page).locator('.error-summary');
      await expect(summary.getByRole('heading')).toHaveText(w.problem);
      await expect(summary.getByRole('link')).toHaveText(w.invalid);
      await expect(directorySearch(page).getByLabel(w.postcode)).toHaveAccessibleDescription(new RegExp(`${w.error}\\s+${w.invalid}`));
      await expect(directorySearch(page).getByLabel(w.postcode)).toHaveValue('NOT A POSTCODE');
      await expect(results(page)).toHaveCount(0);
      await axe(page);
    });

    test('no results say what to try, and clear the search back to the page\'s own form', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(`${directoryPages.search[lang]}?q=zzqxwv`);
      await expect(resultsHeading(page)).toHaveText(w.none);
      await expect(results(page)).toHaveCount(0);
      await axe(page);
      await directorySearch(page).getByRole('link', { name: w.clear }).click();
      await expect(page).toHaveURL(directoryPages.search[lang]);
      await expect(page.getByLabel(w.text)).toHaveValue('');
    });
  });

  test(`with JavaScript (${lang}), the server-rendered search and service are taken over: no second request, nothing moves, no CSP violation`, async ({ page }) => {
    const problems = await watchForProblems(page);
    // Every layout shift from the first paint on, summed as CLS counts them.
    await page.addInitScript(() => {
      const record = window as unknown as { __layoutShift: number };
      record.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.__layoutShift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const feedRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/oruk/')) feedRequests.push(r.url());
    });
    const hydrated = (tag: string) =>
      page.waitForFunction((name) => (customElements.get(name) && (document.querySelector(name) as unknown as { hasUpdated: boolean }).hasUpdated) === true, tag);
    const shifts = () => page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);

    await page.goto(`${directoryPages.search[lang]}?q=&postcode=AN1+1AA&distance=5`);
    await hydrated('council-directory-search');
    await expect(resultsHeading(page)).toHaveText(w.found);
    // Once each, not twice: hydration kept the server's DOM instead of rendering a second copy.
    await expect(results(page)).toHaveCount(10);
    await expect(directorySearch(page).locator('[data-step-heading]')).toHaveCount(1);
    expect(feedRequests, 'the element used the answer in the page').toEqual([]);
    expect(await shifts(), 'cumulative layout shift').toBe(0);

    // It is the element now: Next is its button, which asks the feed for page 2 near the same
    // postcode, and takes the postcode out of the URL.
    await expect(directorySearch(page).getByRole('link', { name: w.next })).toBeHidden();
    await directorySearch(page).getByRole('button', { name: w.next }).click();
    await expect(directorySearch(page).getByRole('navigation').locator('span')).toHaveText(w.page2);
    // (With `version="auto"` the element asks the feed its version first, once.)
    const searches = feedRequests.filter((url) => new URL(url).searchParams.has('page'));
    expect(searches).toHaveLength(1);
    expect(new URL(searches[0]!).searchParams.get('postcode')).toBe('AN1 1AA');
    expect(new URL(page.url()).searchParams.has('postcode')).toBe(false);

    const name = (await results(page).first().locator('[role="heading"]').textContent())!.trim();
    const before = feedRequests.length;
    await results(page).first().getByRole('link').click();
    await hydrated('council-service-detail');
    await expect(serviceDetail(page).getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page).toHaveTitle(`${name} – ${w.site}`);
    expect(feedRequests, 'the service page used the service in the page').toHaveLength(before);
    expect(await shifts(), 'cumulative layout shift').toBe(0);
    // (Before axe, which applies inline styles of its own that the CSP reports.)
    expect(problems).toEqual([]);
    await expectNoAxeViolations(page);
  });
}
