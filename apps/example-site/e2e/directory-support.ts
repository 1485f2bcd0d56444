import { expect, type Locator, type Page } from '@playwright/test';

/** The directory pages, in each language. */
export const directoryPages = {
  search: { en: '/local-services/', cy: '/cy/local-services/' },
  detail: { en: '/local-services/service/', cy: '/cy/local-services/service/' },
} as const;

/** The feed's paths, for `page.route` (the search, the categories, one service). */
export const orukRoutes = {
  any: '**/oruk/**',
  search: /\/oruk\/(services|service_at_locations)\?/,
  service: /\/oruk\/services\/[0-9a-f-]{36}$/,
  categories: /\/oruk\/taxonomy_terms\?/,
};

export const directorySearch = (page: Page): Locator => page.locator('council-directory-search');
export const serviceDetail = (page: Page): Locator => page.locator('council-service-detail');

/** The results heading ("35 services found"), focused after each search. */
export const resultsHeading = (page: Page): Locator => directorySearch(page).locator('[data-step-heading]');
export const results = (page: Page): Locator => directorySearch(page).locator('[part="result"]');
export const announcer = (page: Page): Locator => page.locator('[data-council-announcer]');

/** Opens the search page and waits until the element has upgraded (and has its categories). */
export async function openDirectory(page: Page, path: string = directoryPages.search.en): Promise<void> {
  await page.goto(path);
  await expect(directorySearch(page).locator('#text')).toBeVisible();
}

/** Waits for the feed's categories to be offered (they load after the form). */
export async function expectCategories(page: Page): Promise<void> {
  await expect(directorySearch(page).locator('summary')).toBeVisible();
}

/** Fills the form (keywords, optional postcode) and presses Search (English or Welsh). */
export async function searchFor(page: Page, text: string, postcode?: string): Promise<void> {
  const search = directorySearch(page);
  await search.locator('#text').fill(text);
  if (postcode !== undefined) await search.locator('#postcode').fill(postcode);
  await search.getByRole('button', { name: /^(Search|Chwilio)$/, exact: true }).click();
}

/** "35 services found" → 35. */
export async function foundCount(page: Page): Promise<number> {
  await expect(resultsHeading(page)).toHaveText(/^\d+ (services? found|g?wasanaeth)/);
  return Number(/\d+/.exec((await resultsHeading(page).textContent()) ?? '')![0]);
}

/** The names of the services listed on the current page of results. */
export function resultNames(page: Page): Promise<string[]> {
  return results(page)
    .locator('[role="heading"]')
    .evaluateAll((headings) => headings.map((h) => (h.textContent ?? '').trim()));
}

/** Distances shown on the results ("0.8 miles away" → 0.8), in order. */
export async function resultDistances(page: Page): Promise<number[]> {
  const facts = await results(page).evaluateAll((items) =>
    // "0.8 miles away", "3 locations, nearest 0.4 miles"; "less than 0.1 miles" counts as 0.
    items.map((item) => {
      const match = /(less than |llai na )?([\d.]+) (miles?|filltir|milltir)/.exec(item.textContent ?? '');
      return match ? (match[1] ? '0' : match[2]!) : '';
    }),
  );
  return facts.map((fact) => Number(fact));
}

/** The search part of the page URL (`?q=…&category=…`). */
export function urlSearch(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
