import { expect, test, type Page } from '@playwright/test';
import { lookup, openLookup, search } from './support.ts';

// Every page is checked at 320px in pages.spec.ts; these cover the element's states.
test.use({ viewport: { width: 320, height: 640 } });

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the address lookup fits 320px in every state', async ({ page }) => {
  await openLookup(page);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  await search(page, 'NOT A POSTCODE');
  await expect(lookup(page).locator('.error-summary')).toBeVisible();
  expect(await scrollWidth(page), 'error summary').toBeLessThanOrEqual(320);
  await search(page, 'AN1 1AA');
  await expect(lookup(page).locator('#address')).toBeVisible();
  expect(await scrollWidth(page), 'results').toBeLessThanOrEqual(320);
  await lookup(page).getByRole('button', { name: 'I cannot find my address in the list' }).click();
  await expect(lookup(page).getByLabel('Address line 1')).toBeVisible();
  expect(await scrollWidth(page), 'manual entry').toBeLessThanOrEqual(320);
});

test('the Welsh lookup fits 320px with results', async ({ page }) => {
  await openLookup(page, '/cy/find-your-address/');
  await search(page, 'AN1 1AA');
  await expect(lookup(page).locator('#address')).toBeVisible();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
});
