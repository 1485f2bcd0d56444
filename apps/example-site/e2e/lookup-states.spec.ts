import { expect, test } from '@playwright/test';
import { focused, lookup, openLookup, search } from './support.ts';

test('an invalid postcode shows the error summary, focused, whose link moves focus to the field', async ({ page }) => {
  await openLookup(page);
  await search(page, 'NOT A POSTCODE');
  const summary = lookup(page).locator('.error-summary');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect.poll(async () => (await focused(page))?.classes).toContain('error-summary');
  const field = lookup(page).getByLabel('Postcode');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Error: Enter a full UK postcode, like AN1 1AA/);

  await summary.getByRole('link', { name: 'Enter a full UK postcode, like AN1 1AA' }).click();
  await expect.poll(async () => (await focused(page))?.id).toBe('postcode');
});

test('a postcode outside the area says so and points to GOV.UK', async ({ page }) => {
  await openLookup(page);
  await search(page, 'SW1A 1AA');
  await expect(lookup(page).getByRole('heading', { name: 'SW1A 1AA is not in our area' })).toBeVisible();
  await expect(lookup(page).getByRole('link', { name: 'Find your local council on GOV.UK' })).toHaveAttribute('href', 'https://www.gov.uk/find-local-council');
  await lookup(page).getByRole('button', { name: 'Check the postcode' }).click();
  await expect(lookup(page).getByLabel('Postcode')).toHaveValue('SW1A 1AA');
});

test('a postcode with no addresses offers manual entry with the postcode filled in', async ({ page }) => {
  await openLookup(page);
  await search(page, 'AN9 9ZZ');
  await expect(lookup(page).getByRole('heading', { name: 'No addresses found for AN9 9ZZ' })).toBeVisible();
  await lookup(page).getByRole('button', { name: 'Enter the address manually' }).click();
  await expect(lookup(page).getByRole('heading', { name: 'Enter the address' })).toBeVisible();
  await expect(lookup(page).getByLabel('Postcode')).toHaveValue('AN9 9ZZ');
  await expect(lookup(page).getByLabel('Address line 1')).toBeVisible();
});

test('asks the real API with the postcode normalised', async ({ page }) => {
  const asked = page.waitForRequest('**/api/v1/addresses*');
  await openLookup(page);
  await search(page, ' an11aa ');
  expect(new URL((await asked).url()).searchParams.get('postcode')).toBe('AN1 1AA');
  expect(new URL((await asked).url()).pathname).toBe('/api/v1/addresses');
});
