import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchForProblems } from './support.ts';
import { addressesAt, binDay, collectionsOf, expectCollectionsShown, fixClock, fullAddress, stepHeading, wastePages } from './waste-support.ts';

// "Find your bin day" with scripts off: the page's own GET forms (postcode → address list), then
// the property's collections as <council-bin-day> rendered on the server (no-js/bin-day.mjs).
const words = {
  en: { find: 'Find address', use: 'Use this address', postcode: 'Postcode', empty: 'Enter a postcode', invalid: 'Enter a full UK postcode, like AN1 1AA', select: 'Select an address', problem: 'There is a problem', found: '14 addresses found for AN1 1AA', title: 'Bin collections for', change: 'Change address', download: 'Download calendar (.ics)', outside: 'SW1A 1AA is not in our area', check: 'Check the postcode', error: 'Error:' },
  cy: { find: 'Dod o hyd i gyfeiriad', use: 'Defnyddio’r cyfeiriad hwn', postcode: 'Cod post', empty: 'Rhowch god post', invalid: 'Rhowch god post llawn yn y DU, fel AN1 1AA', select: 'Dewiswch gyfeiriad', problem: 'Mae problem wedi codi', found: '14 cyfeiriad wedi’u canfod ar gyfer AN1 1AA', title: 'Casgliadau biniau ar gyfer', change: 'Newid cyfeiriad', download: 'Lawrlwytho calendr (.ics)', outside: 'Nid yw SW1A 1AA yn ein hardal ni', check: 'Gwirio’r cod post', error: 'Gwall:' },
} as const;

/**
 * axe on each page the test reaches, as it is without JavaScript. axe itself is a script, which
 * a page with JavaScript turned off cannot run, so it runs on the same URL in a second page with
 * every script of the site refused instead (the "scripts failed to load" case): the same HTML
 * and CSS, no element defined. One such page per test, reused.
 */
async function axeWithoutScripts(browser: Browser): Promise<(current: Page) => Promise<void>> {
  // (Explicitly: a new context takes the test's options, JavaScript turned off included.)
  const context = await browser.newContext({ javaScriptEnabled: true });
  const axePage = await context.newPage();
  await axePage.route(/\.m?js(\?|$)/, (route) => route.abort());
  return async (current) => {
    await axePage.goto(current.url());
    expect(await axePage.evaluate(() => customElements.get('council-bin-day'))).toBeUndefined();
    await expectNoAxeViolations(axePage);
  };
}

for (const lang of ['en', 'cy'] as const) {
  const w = words[lang];

  test.describe(`without JavaScript (${lang})`, () => {
    test.use({ javaScriptEnabled: false });

    test('the postcode question: the element\'s messages, in the error summary and beside the field', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(wastePages.binDay[lang]);
      await axe(page);
      const form = binDay(page).locator('[data-fallback]');
      await form.getByRole('button', { name: w.find }).click();
      await expect(page).toHaveTitle(new RegExp(`^${w.error} `));
      const summary = page.locator('.error-summary');
      await expect(summary.getByRole('heading')).toHaveText(w.problem);
      await expect(summary.getByRole('link', { name: w.empty })).toHaveAttribute('href', '#no-js-postcode');
      await expect(page.getByLabel(w.postcode)).toHaveAccessibleDescription(new RegExp(`${w.error}\\s+${w.empty}`));
      await axe(page);

      await page.getByLabel(w.postcode).fill('NOT A POSTCODE');
      await page.getByRole('button', { name: w.find }).click();
      await expect(summary.getByRole('link')).toHaveText(w.invalid);
      await expect(page.getByLabel(w.postcode)).toHaveValue('NOT A POSTCODE');
    });

    test('a postcode outside the area says so, and leads back to the postcode', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(wastePages.binDay[lang]);
      await page.getByLabel(w.postcode).fill('SW1A 1AA');
      await page.getByRole('button', { name: w.find }).click();
      await expect(page.getByRole('heading', { name: w.outside })).toBeVisible();
      await axe(page);
      await page.getByRole('link', { name: w.check }).click();
      await expect(page).toHaveURL(wastePages.binDay[lang]);
    });

    test('the address list for the postcode leads to the property\'s collections', async ({ page, browser, request }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(wastePages.binDay[lang]);
      await page.getByLabel(w.postcode).fill('an11aa');
      await page.getByRole('button', { name: w.find }).click();
      // The postcode travels in the URL (not personal data); the page shows it normalised.
      await expect(page).toHaveURL(/\?postcode=an11aa$/);
      await expect(page.locator('main strong')).toHaveText('AN1 1AA');
      const addresses = await addressesAt(request, 'AN1 1AA');
      await expect(page.getByLabel(w.found).locator('option:not([value=""])')).toHaveText(addresses.map((a) => a.address));
      await axe(page);

      const chosen = addresses.find((a) => a.address === fullAddress('1 High Street'))!;
      await page.getByLabel(w.found).selectOption(chosen.uprn);
      await page.getByRole('button', { name: w.use }).click();
      await expect(page).toHaveURL(new RegExp(`\\?postcode=AN1\\+1AA&uprn=${chosen.uprn}$`));
      await expect(stepHeading(binDay(page))).toHaveText(`${w.title} ${chosen.address}`);
    });

    test('no address chosen: the element\'s message, in the error summary and beside the list', async ({ page, browser }) => {
      const axe = await axeWithoutScripts(browser);
      await page.goto(`${wastePages.binDay[lang]}?postcode=AN1+1AA&uprn=`);
      await expect(page).toHaveTitle(new RegExp(`^${w.error} `));
      await expect(page.locator('.error-summary').getByRole('link', { name: w.select })).toHaveAttribute('href', '#no-js-address');
      await expect(page.getByLabel(w.found)).toHaveAccessibleDescription(new RegExp(`${w.error}\\s+${w.select}`));
      await axe(page);
    });

    test('the collections, rendered on the server, with the calendar link and a way back', async ({ page, browser, request }) => {
      const axe = await axeWithoutScripts(browser);
      const [chosen] = await addressesAt(request, 'AN1 1AA');
      await page.goto(`${wastePages.binDay[lang]}?postcode=AN1+1AA&uprn=${chosen!.uprn}`);
      // No script ran: the element is not defined, yet its shadow root is there, from the server.
      expect(await page.evaluate(() => customElements.get('council-bin-day'))).toBeUndefined();
      await expect(stepHeading(binDay(page))).toHaveText(`${w.title} ${chosen!.address}`);
      await expectCollectionsShown(page, await collectionsOf(request, chosen!.uprn, lang), lang);
      const calendar = binDay(page).getByRole('link', { name: w.download });
      await expect(calendar).toHaveAttribute('href', new RegExp(`/api/v1/waste/properties/${chosen!.uprn}/collections\\.ics\\?lang=${lang}$`));
      expect((await request.get((await calendar.getAttribute('href'))!)).headers()['content-type']).toContain('text/calendar');
      await axe(page);

      // "Change address" is a link back to the postcode form until a script defines the element.
      await expect(binDay(page).getByRole('button', { name: w.change })).toBeHidden();
      await binDay(page).getByRole('link', { name: w.change }).click();
      await expect(page).toHaveURL(wastePages.binDay[lang]);
      await expect(page.getByLabel(w.postcode)).toBeVisible();
    });
  });

  test(`with JavaScript (${lang}), the server-rendered collections are taken over: no second request, nothing moves, no CSP violation`, async ({ page, request }) => {
    await fixClock(page);
    const problems = await watchForProblems(page);
    // Every layout shift from the first paint on, summed as CLS counts them.
    await page.addInitScript(() => {
      const record = window as unknown as { __layoutShift: number };
      record.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.__layoutShift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const apiRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiRequests.push(r.url());
    });
    const [chosen] = await addressesAt(request, 'AN1 1AA');
    await page.goto(`${wastePages.binDay[lang]}?postcode=AN1+1AA&uprn=${chosen!.uprn}`);
    // The element is defined and has rendered (hydrated) over the server's shadow root.
    await page.waitForFunction(() => (customElements.get('council-bin-day') && (document.querySelector('council-bin-day') as unknown as { hasUpdated: boolean }).hasUpdated) === true);
    const collections = await collectionsOf(request, chosen!.uprn, lang);
    await expectCollectionsShown(page, collections, lang);
    // Once each, not twice: hydration kept the server's DOM instead of rendering a second copy.
    await expect(binDay(page).locator('[part="service"]')).toHaveCount(collections.services.length);
    await expect(binDay(page).locator('[data-step-heading]')).toHaveCount(1);
    expect(apiRequests, 'the element used the answer in the page').toEqual([]);
    const shifts = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
    expect(shifts, 'cumulative layout shift').toBe(0);

    // It is the element now: "Change address" is its button, which brings back the address lookup.
    await expect(binDay(page).getByRole('link', { name: w.change })).toBeHidden();
    await binDay(page).getByRole('button', { name: w.change }).click();
    await expect(page.locator('council-address-lookup #postcode')).toBeVisible();
    // (Before axe, which applies inline styles of its own that the CSP reports.)
    expect(problems).toEqual([]);
    await expectNoAxeViolations(page);
  });
}
