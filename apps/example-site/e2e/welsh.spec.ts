import { expect, test } from '@playwright/test';
import { lookup, openLookup, search } from './support.ts';

test('the Welsh page shows the element in Welsh', async ({ page }) => {
  await openLookup(page, '/cy/find-your-address/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(lookup(page).getByLabel('Cod post')).toBeVisible();
  await expect(lookup(page).getByRole('button', { name: 'Dod o hyd i gyfeiriad' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Parhau' })).toBeVisible();

  await search(page, 'AN1 1AA');
  await expect(lookup(page).getByRole('heading', { name: /^\d+ cyfeiriad wedi’u canfod ar gyfer AN1 1AA$/ })).toBeVisible();
  await expect(lookup(page).getByLabel('Dewiswch gyfeiriad')).toBeVisible();
});

test('the Welsh journey submits to the Welsh results page', async ({ page }) => {
  await openLookup(page, '/cy/find-your-address/');
  await search(page, 'AN1 1AA');
  const uprn = await lookup(page).locator('#address option').nth(1).getAttribute('value');
  await lookup(page).locator('#address').selectOption(uprn!);
  await lookup(page).getByRole('button', { name: 'Defnyddio’r cyfeiriad hwn' }).click();
  await page.getByRole('button', { name: 'Parhau' }).click();
  await expect(page).toHaveURL(`/cy/find-your-address/submitted.html?address=${uprn}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yr hyn a gyflwynwyd gennych');
  await expect(page.locator('[data-value="uprn"]')).toHaveText(uprn!);
});

test('the language toggle goes to the same page in the other language, and back', async ({ page }) => {
  await page.goto('/find-your-address/');
  const toggle = page.getByRole('navigation', { name: 'Language' });
  await expect(toggle.getByText('English')).toHaveAttribute('aria-current', 'true');
  await toggle.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page).toHaveURL('/cy/find-your-address/');
  await expect(lookup(page).getByLabel('Cod post')).toBeVisible();

  const iaith = page.getByRole('navigation', { name: 'Iaith' });
  await expect(iaith.getByText('Cymraeg')).toHaveAttribute('aria-current', 'true');
  await iaith.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL('/find-your-address/');
  await expect(lookup(page).getByLabel('Postcode')).toBeVisible();
});
