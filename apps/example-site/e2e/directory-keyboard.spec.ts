import { expect, test, type Page } from '@playwright/test';
import { focused } from './support.ts';
import { expectFocusOnErrorSummary, tab, tabTo } from './waste-support.ts';
import { directoryPages, directorySearch, expectCategories, openDirectory, resultNames, resultsHeading, serviceDetail } from './directory-support.ts';

// Keyboard only (Tab, Shift+Tab, Enter, Space), with a visible GOV.UK-yellow focus indicator at
// every stop (`tab`/`tabTo` check it), and focus moved to the results heading after a search.

async function expectFocusOnResults(page: Page, text: RegExp | string): Promise<void> {
  await expect.poll(async () => (await focused(page))?.isStepHeading, { message: 'focus on the results heading' }).toBe(true);
  const info = await focused(page);
  if (typeof text === 'string') expect(info!.text).toBe(text);
  else expect(info!.text).toMatch(text);
}

test('search, page, open a service and come back, by keyboard alone', async ({ page }) => {
  await openDirectory(page);
  await expectCategories(page);

  // From the top of the page: skip link, logo, language toggle, then the search field.
  const skip = await tab(page);
  expect(skip.text).toBe('Skip to main content');
  await tabTo(page, (stop) => stop.id === 'text', 6);
  await page.keyboard.type('food bank');
  // Shift+Tab leaves the field and Tab comes back to it, with what was typed.
  const before = await tab(page, 'Shift+Tab');
  expect(before.id).not.toBe('text');
  expect((await tab(page)).id).toBe('text');
  await page.keyboard.press('Enter');
  await expectFocusOnResults(page, /^\d+ services found$/);
  await expect(page).toHaveURL(/\?q=food\+bank$/);

  // From the results heading: Clear, then the first result, …, then Next.
  expect((await tab(page)).text).toBe('Clear search and filters');
  const firstResult = await tab(page);
  expect(firstResult.tag).toBe('a');
  const names = await resultNames(page);
  expect(firstResult.text).toBe(names[0]);
  await tabTo(page, (stop) => stop.text === 'Next', 12);
  await page.keyboard.press('Space');
  await expectFocusOnResults(page, /^\d+ services found$/);
  await expect(page).toHaveURL(/\?q=food\+bank&page=2$/);
  const page2 = await resultNames(page);
  expect(page2).not.toEqual(names);

  // Shift+Tab from the results goes back up into the form (the Search button).
  expect((await tab(page, 'Shift+Tab')).text).toBe('Search');

  // Open the second result on page 2 with Enter.
  await tabTo(page, (stop) => stop.tag === 'a' && stop.text === page2[1], 8);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/local-services\/service\/\?id=/);
  await expect(serviceDetail(page).getByRole('heading', { level: 1, name: page2[1] })).toBeVisible();

  // On the details page, "Back to results" is the first stop after the header.
  const back = await tabTo(page, (stop) => stop.text === 'Back to results', 6);
  expect(back.inShadow).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/local-services\/\?q=food\+bank&page=2$/);
  await expect(directorySearch(page).getByRole('navigation', { name: 'Results pages' })).toContainText('Page 2 of');
  expect(await resultNames(page)).toEqual(page2);
});

test('postcode, distance and a category by keyboard; Space ticks the box', async ({ page }) => {
  await openDirectory(page);
  await expectCategories(page);
  const search = directorySearch(page);
  const debtId = await search.locator('label', { hasText: /^Debt advice$/ }).getAttribute('for');

  await tabTo(page, (stop) => stop.id === 'text', 6);
  expect((await tab(page)).id).toBe('postcode');
  await page.keyboard.type('AN1 1AA');
  expect((await tab(page)).id).toBe('distance');
  // A closed select changes with the arrow keys: 5 miles → 10 miles.
  await page.keyboard.press('ArrowDown');
  await expect(search.locator('#distance')).toHaveValue('10');

  // The category filter is a <details>: Enter opens it, then Tab through the boxes.
  const summary = await tab(page);
  expect(summary.tag).toBe('summary');
  await page.keyboard.press('Enter');
  await expect(search.locator('details')).toHaveAttribute('open', '');
  const box = await tabTo(page, (stop) => stop.id === debtId, 40);
  expect(box.tag).toBe('input');
  await page.keyboard.press('Space');
  await expect(search.locator(`#${debtId}`)).toBeChecked();
  // Shift+Tab and Tab again: still ticked.
  await tab(page, 'Shift+Tab');
  expect((await tab(page)).id).toBe(debtId);
  await expect(search.locator(`#${debtId}`)).toBeChecked();

  await tabTo(page, (stop) => stop.text === 'Search', 20);
  await page.keyboard.press('Enter');
  await expectFocusOnResults(page, /^(\d+ services? found|No services found)$/);
  expect(new URL(page.url()).searchParams.get('category')).toBe(debtId!.replace(/^category-/, ''));
  expect(new URL(page.url()).searchParams.get('distance')).toBe('10');
  await expect(resultsHeading(page)).toBeVisible();
});

test('an invalid postcode by keyboard: the summary takes focus, its link goes to the field', async ({ page }) => {
  await openDirectory(page);
  await tabTo(page, (stop) => stop.id === 'text', 6);
  await page.keyboard.type('debt');
  await tab(page);
  await page.keyboard.type('NOT A POSTCODE');
  await page.keyboard.press('Enter');
  await expectFocusOnErrorSummary(page);
  const link = await tab(page);
  expect(link.text).toBe('Enter a full UK postcode, like AN1 1AA');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page))?.id).toBe('postcode');
  await expect(directorySearch(page).locator('#postcode')).toHaveValue('NOT A POSTCODE');
});

test('in Welsh: a keyboard search lands on the Welsh results heading', async ({ page }) => {
  await openDirectory(page, directoryPages.search.cy);
  await tabTo(page, (stop) => stop.id === 'text', 6);
  await page.keyboard.type('food bank');
  await page.keyboard.press('Enter');
  await expectFocusOnResults(page, /^\d+ gwasanaeth wedi’u canfod$/);
  expect((await tab(page)).text).toBe('Clirio’r chwiliad a’r hidlwyr');
});
