import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { GardenOffer } from '@council-kit/contracts';
import { formatDate } from '@council-kit/core';
import { expectFocusOnStepHeading, fullAddress, tab, tabTo, uprnOf, type An11aaAddress, type Lang } from './waste-support.ts';

/*
 * What the garden waste specs (garden-waste.spec.ts) share: the Anytown properties they use,
 * the council API's offer for a property (every price and date the page must show comes from
 * it), and the words and sums as `<council-garden-waste>` writes them.
 */

/**
 * Anytown's demo garden waste positions at AN1 1AA (apps/council-api/src/waste/seed-data.ts):
 * Flat 4 Mill Court has never subscribed, 11 High Street's subscription ended last 31 March (so
 * it renews), 1 High Street's runs beyond next March (renewal not open yet). A subscription sent
 * without GOV.UK Pay waits for payment and changes none of these, so every test may use them.
 */
export const gardenProperties = {
  newSubscriber: 'Flat 4, Mill Court, 12 High Street',
  renewal: '11 High Street',
  active: '1 High Street',
} as const satisfies Record<string, An11aaAddress>;

/** A property with no garden waste collections: a flat in a block, whose bins are communal. */
export const ineligibleProperty = { postcode: 'AN1A 2FL', address: 'Flat 1, Castle House, 1 Castle Walk, Anytown, AN1A 2FL' } as const;

/** The element on the garden waste page. */
export const gardenWaste = (page: Page): Locator => page.locator('council-garden-waste');

/** Matches the offer GET and the subscription POST, with or without their query. */
export const gardenOfferUrl = /\/api\/v1\/waste\/properties\/\d+\/garden(\?|$)/;
export const gardenSubscriptionsUrl = /\/api\/v1\/waste\/garden-subscriptions(\?|$)/;

/** `GET /waste/properties/{uprn}/garden` through the site's proxy: what the page must show. */
export async function gardenOfferOf(request: APIRequestContext, address: An11aaAddress, lang: Lang = 'en'): Promise<GardenOffer> {
  const uprn = await uprnOf(request, address);
  const response = await request.get(`/api/v1/waste/properties/${uprn}/garden`, { params: { lang } });
  expect(response.status(), `garden offer of ${address}: ${await response.text()}`).toBe(200);
  return (await response.json()) as GardenOffer;
}

/** A date as the garden waste element writes it: "31 March 2027" / "31 Mawrth 2027". */
export function gardenDate(iso: string, lang: Lang = 'en'): string {
  return formatDate(iso, lang, { weekday: false });
}

/** Pence as the element writes them: "£15.00". */
export function money(pence: number, lang: Lang = 'en'): string {
  return new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
}

/** "1 bin", "2 bins" / "1 bin", "2 bin" (Welsh keeps the singular after a number). */
export function binCount(count: number, lang: Lang = 'en'): string {
  return lang === 'en' && count !== 1 ? `${count} bins` : `${count} bin`;
}

/** The price of `bins` in the API's offer, with the concession or without. */
export function priceOf(offer: GardenOffer, bins: number, concession: boolean): number {
  const price = offer.prices.find((p) => p.bins === bins);
  expect(price, `a price for ${bins} bins in ${JSON.stringify(offer.prices)}`).toBeTruthy();
  return concession ? price!.concessionAmount! : price!.amount;
}

/**
 * From the top of the page, Tab to the postcode field inside the element, type the postcode as
 * a resident might ("an11aa") and choose an AN1 1AA address with the arrow keys, then Enter on
 * "Use this address" (as waste-keyboard.spec.ts does for the other waste forms).
 */
export async function findByKeyboard(page: Page, address: An11aaAddress, addresses: readonly string[]): Promise<void> {
  const first = await tab(page);
  expect(first.text).toBe('Skip to main content');
  await tabTo(page, (stop) => stop.id === 'postcode' && stop.inShadow);
  await page.keyboard.type('an11aa');
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page, `${addresses.length} addresses found for AN1 1AA`);
  expect(await tab(page)).toMatchObject({ tag: 'select', id: 'address' });
  const index = addresses.indexOf(fullAddress(address));
  expect(index, `${address} in AN1 1AA`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  expect(await tab(page)).toMatchObject({ tag: 'button', text: 'Use this address' });
  await page.keyboard.press('Enter');
}

/** Tabs to a button by its text and presses Enter. */
export async function pressButton(page: Page, text: string): Promise<void> {
  await tabTo(page, (stop) => stop.tag === 'button' && stop.text === text);
  await page.keyboard.press('Enter');
}
