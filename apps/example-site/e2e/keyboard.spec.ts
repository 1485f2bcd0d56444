import { expect, test, type Page } from '@playwright/test';
import { focused, hasVisibleFocus, lookup, type FocusInfo } from './support.ts';

/** Presses Tab and returns the new focus stop, which must show a visible focus indicator. */
async function tab(page: Page, key = 'Tab'): Promise<FocusInfo> {
  await page.keyboard.press(key);
  const info = await focused(page);
  expect(info, `focus after ${key}`).not.toBeNull();
  expect(hasVisibleFocus(info!), `no visible focus indicator on ${info!.tag}#${info!.id} “${info!.text}”: ${JSON.stringify(info)}`).toBe(true);
  return info!;
}

test('keyboard only: find, choose and submit an address, with visible focus on every stop', async ({ page }) => {
  await page.goto('/find-your-address/');
  await expect(lookup(page).locator('#postcode')).toBeVisible();

  // Tab through the header to the postcode field inside the element's shadow root.
  const stops: FocusInfo[] = [];
  for (let i = 0; i < 10; i++) {
    const stop = await tab(page);
    stops.push(stop);
    if (stop.id === 'postcode' && stop.inShadow) break;
  }
  expect(stops.at(-1)).toMatchObject({ id: 'postcode', inShadow: true });
  expect(stops[0]!.text).toBe('Skip to main content');

  await page.keyboard.type('an11aa');
  await page.keyboard.press('Enter');
  // Focus moves to the results heading, as on GOV.UK question pages.
  await expect.poll(async () => (await focused(page))?.isStepHeading).toBe(true);
  expect((await focused(page))!.text).toMatch(/^\d+ addresses found for AN1 1AA$/);

  const select = await tab(page);
  expect(select).toMatchObject({ tag: 'select', id: 'address' });
  await page.keyboard.press('ArrowDown');
  const uprn = await lookup(page).locator('#address').inputValue();
  expect(uprn).toMatch(/^\d+$/);

  const use = await tab(page);
  expect(use).toMatchObject({ tag: 'button', text: 'Use this address' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.text).toBe('Address');

  // Past the element's Change link to the form's own Continue button.
  let stop = await tab(page);
  for (let i = 0; i < 3 && stop.text !== 'Continue'; i++) stop = await tab(page);
  expect(stop).toMatchObject({ tag: 'button', text: 'Continue', inShadow: false });
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`/find-your-address/submitted.html?address=${uprn}`);
  await expect(page.locator('[data-value="uprn"]')).toHaveText(uprn);
});

test('keyboard only: the skip link is visible when focused and jumps to the main content', async ({ page }) => {
  await page.goto('/find-your-address/');
  await expect(lookup(page).locator('#postcode')).toBeVisible();
  const skip = await tab(page);
  expect(skip.text).toBe('Skip to main content');
  const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
  expect(box!.width).toBeGreaterThan(50);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
  // The next Tab starts from <main>, skipping the header's links.
  expect(await tab(page)).toMatchObject({ id: 'postcode', inShadow: true });
});

test('keyboard only: an invalid postcode focuses the error summary, whose link focuses the field', async ({ page }) => {
  await page.goto('/find-your-address/');
  await lookup(page).locator('#postcode').focus();
  await page.keyboard.type('NOT A POSTCODE');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.classes).toContain('error-summary');
  const link = await tab(page);
  expect(link).toMatchObject({ tag: 'a', text: 'Enter a full UK postcode, like AN1 1AA' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('postcode');
});

test('keyboard only: the language toggle shows focus and switches language', async ({ page }) => {
  await page.goto('/find-your-address/');
  let stop = await tab(page);
  for (let i = 0; i < 4 && stop.text !== 'Cymraeg'; i++) stop = await tab(page);
  expect(stop.text).toBe('Cymraeg');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/cy/find-your-address/');
});
