import { expect, type Locator, type Page, type Route } from '@playwright/test';
import { councilNow } from './today.ts';
import { focused, hasVisibleFocus, type FocusInfo } from './support.ts';

export { councilToday } from './today.ts';

/** The three waste pages, in each language. */
export const wastePages = {
  binDay: { en: '/bins/collection-days/', cy: '/cy/bins/collection-days/' },
  missed: { en: '/bins/report-missed/', cy: '/cy/bins/report-missed/' },
  newBin: { en: '/bins/new-bin/', cy: '/cy/bins/new-bin/' },
} as const;

/**
 * AN1 1AA's addresses as the lookup lists them (natural order). Tests that send a missed-bin
 * report each use their own address: the run shares one API database, and a second report of
 * the same collection is (rightly) answered as a duplicate.
 */
export const an11aa = [
  '1 High Street',
  '2 High Street',
  '3 High Street',
  'Anytown Pharmacy, 4 High Street',
  '5 High Street',
  '9 High Street',
  '9A High Street',
  '10 High Street',
  '11 High Street',
  'Flat 1, Mill Court, 12 High Street',
  'Flat 2, Mill Court, 12 High Street',
  'Flat 3, Mill Court, 12 High Street',
  'Flat 4, Mill Court, 12 High Street',
  'The Old Bakery, High Street',
] as const;

export type An11aaAddress = (typeof an11aa)[number];

/** The one-line address the API gives, e.g. "1 High Street, Anytown, AN1 1AA". */
export function fullAddress(address: An11aaAddress): string {
  return `${address}, Anytown, AN1 1AA`;
}

/**
 * Fixes the browser's clock to the API's "today" (e2e/today.ts). The elements label dates from
 * the browser's clock ("in 6 days", which collection is being reported), so both must agree.
 * Timers keep running, so timeouts and retries behave as usual.
 */
export async function fixClock(page: Page): Promise<void> {
  await page.clock.setFixedTime(councilNow);
}

export const binDay = (page: Page): Locator => page.locator('council-bin-day');
export const missedReport = (page: Page): Locator => page.locator('council-missed-bin-report');
export const containerRequest = (page: Page): Locator => page.locator('council-container-request');

/** Opens a waste page and waits until its element has upgraded and shows the postcode question. */
export async function openWastePage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('council-address-lookup #postcode')).toBeVisible();
}

/** Finds AN1 1AA (or another postcode) in the embedded address lookup, English or Welsh. */
export async function findPostcode(page: Page, postcode = 'AN1 1AA'): Promise<void> {
  const lookup = page.locator('council-address-lookup');
  await lookup.locator('#postcode').fill(postcode);
  await lookup.getByRole('button', { name: /^(Find address|Dod o hyd i gyfeiriad)$/ }).click();
  await expect(lookup.locator('#address')).toBeVisible();
}

/** Chooses an address from the lookup's list and presses "Use this address". */
export async function chooseAddress(page: Page, address: string): Promise<void> {
  const lookup = page.locator('council-address-lookup');
  await lookup.locator('#address').selectOption({ label: address });
  await lookup.getByRole('button', { name: /^(Use this address|Defnyddio’r cyfeiriad hwn)$/ }).click();
}

/** Postcode, then address: the property step every waste element starts with. */
export async function findProperty(page: Page, address: An11aaAddress): Promise<void> {
  await findPostcode(page);
  await chooseAddress(page, fullAddress(address));
}

/** Chooses a radio by its label and presses the question page's Continue. */
export async function answer(host: Locator, label: string | RegExp, continueName: string | RegExp = /^(Continue|Parhau)$/): Promise<void> {
  await host.getByRole('radio', { name: label, exact: typeof label === 'string' }).check();
  await host.getByRole('button', { name: continueName }).click();
}

/** The heading of the element's current step (question legend, page heading or panel title). */
export function stepHeading(host: Locator): Locator {
  return host.locator('[data-step-heading]');
}

/** Waits until focus is on the current step's heading, and returns its text. */
export async function expectFocusOnStepHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(async () => (await focused(page))?.isStepHeading, { message: `focus on the heading “${String(text)}”` }).toBe(true);
  const info = await focused(page);
  if (typeof text === 'string') expect(info!.text).toBe(text);
  else expect(info!.text).toMatch(text);
}

/** The reference shown on a confirmation panel (8 characters, unambiguous alphabet). */
export async function confirmationReference(host: Locator): Promise<string> {
  const strong = host.locator('.panel strong');
  await expect(strong).toHaveText(/^[2-9A-HJKMNP-Z]{8}$/);
  return (await strong.textContent())!.trim();
}

/** A problem-details answer for `page.route`. */
export function problem(route: Route, status: number, title: string): Promise<void> {
  return route.fulfill({ status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title, status }) });
}

/** Matches the collections GET (not the .ics feed). */
export const collectionsUrl = /\/api\/v1\/waste\/properties\/\d+\/collections(\?|$)/;
export const missedUrl = '**/api/v1/waste/missed-collections';
export const containerUrl = '**/api/v1/waste/container-requests';

/** Asserts that no request went out with a postcode or UPRN in the page's own URL. */
export function expectNoPersonalDataInUrl(page: Page): void {
  const url = new URL(page.url());
  expect(url.search + url.hash, `no postcode or UPRN in ${page.url()}`).not.toMatch(/\d{6,}|AN1|an1|postcode|uprn/i);
}

/** Presses Tab (or Shift+Tab) and returns the new focus stop, which must show a visible focus indicator. */
export async function tab(page: Page, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<FocusInfo> {
  await page.keyboard.press(key);
  const info = await focused(page);
  expect(info, `focus after ${key}`).not.toBeNull();
  expect(hasVisibleFocus(info!), `no visible focus indicator on ${info!.tag}#${info!.id} “${info!.text}”: ${JSON.stringify(info)}`).toBe(true);
  return info!;
}

/** Tabs (every stop visibly focused) until `found` matches, at most `max` times. */
export async function tabTo(page: Page, found: (stop: FocusInfo) => boolean, max = 15, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<FocusInfo> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    const stop = await tab(page, key);
    stops.push(`${stop.tag}#${stop.id} “${stop.text.slice(0, 40)}”`);
    if (found(stop)) return stop;
  }
  throw new Error(`not reached after ${max} × ${key}: ${stops.join(' → ')}`);
}

/** Waits until the error summary has focus. */
export async function expectFocusOnErrorSummary(page: Page): Promise<void> {
  await expect.poll(async () => (await focused(page))?.classes ?? '', { message: 'focus on the error summary' }).toContain('error-summary');
}
