import { expect, test } from '@playwright/test';
import { lookup } from './support.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the fallback shows and leads to a plain form that submits', async ({ page }) => {
    await page.goto('/find-your-address/');
    // The page's scripts never ran: the element is not defined.
    expect(await page.evaluate(() => customElements.get('council-address-lookup'))).toBeUndefined();
    const fallback = lookup(page).locator('[data-fallback]');
    await expect(fallback).toBeVisible();
    await expect(fallback).toContainText('needs JavaScript');
    // The form's own Continue button has nothing to send without the element, so it stays hidden.
    await expect(page.getByRole('button', { name: 'Continue' })).toBeHidden();

    await fallback.getByRole('link', { name: 'Enter your address yourself' }).click();
    await expect(page).toHaveURL('/find-your-address/enter-address.html');
    await page.getByLabel('Address line 1').fill('1 New Road');
    await page.getByLabel('Town or city').fill('Anytown');
    await page.getByLabel('Postcode').fill('AN1 1AA');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/find-your-address\/submitted\.html\?address-line1=1\+New\+Road/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What you submitted');
    await expect(page.getByText('JavaScript is turned off or has not loaded')).toBeVisible();
  });

  test('the Welsh fallback is in Welsh', async ({ page }) => {
    await page.goto('/cy/find-your-address/');
    const link = lookup(page).getByRole('link', { name: 'Rhowch eich cyfeiriad eich hun' });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL('/cy/find-your-address/enter-address.html');
    await expect(page.getByLabel('Cod post')).toBeVisible();
  });
});

test('the fallback and the upgraded element take the same space, so nothing shifts', async ({ browser }) => {
  for (const width of [320, 1280]) {
    const heights: number[] = [];
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto('/find-your-address/');
      if (javaScriptEnabled) await expect(lookup(page).locator('#postcode')).toBeVisible();
      else await expect(lookup(page).locator('[data-fallback]')).toBeVisible();
      heights.push((await lookup(page).boundingBox())!.height);
      await context.close();
    }
    expect(Math.abs(heights[0]! - heights[1]!), `at ${width}px: without JS ${heights[0]}px, upgraded ${heights[1]}px`).toBeLessThanOrEqual(1);
  }
});
