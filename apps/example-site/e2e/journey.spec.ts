import { expect, test } from '@playwright/test';
import { lookup, openLookup } from './support.ts';

test('a resident finds an address, chooses it and the form submits its UPRN', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Find your address' }).click();
  await expect(lookup(page).getByLabel('Postcode')).toBeVisible();

  await lookup(page).getByLabel('Postcode').fill('an11aa');
  await lookup(page).getByRole('button', { name: 'Find address' }).click();
  await expect(lookup(page).getByRole('heading', { name: /^\d+ addresses found for AN1 1AA$/ })).toBeVisible();

  const select = lookup(page).getByLabel('Select an address');
  const options = select.locator('option:not([value=""])');
  expect(await options.count()).toBeGreaterThanOrEqual(10);
  const choice = options.nth(2);
  const [uprn, label] = [await choice.getAttribute('value'), (await choice.textContent())!.trim()];
  expect(uprn).toMatch(/^\d{1,12}$/);
  await select.selectOption(uprn!);
  await lookup(page).getByRole('button', { name: 'Use this address' }).click();
  await expect(lookup(page).getByRole('heading', { name: 'Address' })).toBeVisible();
  await expect(lookup(page).locator('.address-lines')).toContainText(label.split(',')[0]!);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`/find-your-address/submitted.html?address=${uprn}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What you submitted');
  await expect(page.locator('[data-value="uprn"]')).toHaveText(uprn!);
  await expect(page.getByText('UPRN (Unique Property Reference Number)')).toBeVisible();
});

test('the form will not submit until an address is chosen', async ({ page }) => {
  await openLookup(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL('/find-your-address/');
  expect(await page.locator('form.lookup-form').evaluate((form: HTMLFormElement) => form.checkValidity())).toBe(false);
});

test('a typed address is submitted as separate lines', async ({ page }) => {
  await openLookup(page);
  await lookup(page).getByLabel('Postcode').fill('AN9 9ZZ');
  await lookup(page).getByRole('button', { name: 'Find address' }).click();
  await lookup(page).getByRole('button', { name: 'Enter the address manually' }).click();
  await lookup(page).getByLabel('Address line 1').fill('1 New Road');
  await lookup(page).getByLabel('Town or city').fill('Anytown');
  await lookup(page).getByRole('button', { name: 'Use this address' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/find-your-address\/submitted\.html\?/);
  const query = new URL(page.url()).searchParams;
  expect(query.get('address-line1')).toBe('1 New Road');
  expect(query.get('address-postcode')).toBe('AN9 9ZZ');
  expect(query.has('address')).toBe(false);
  await expect(page.locator('[data-value="address"]')).toHaveText('1 New Road\nAnytown\nAN9 9ZZ');
  await expect(page.locator('[data-row="uprn"]')).toBeHidden();
});

test('the submitted page shows what it was sent as text, never as markup', async ({ page }) => {
  const hostile = '<img src=x id=injected>';
  await page.goto(`/find-your-address/submitted.html?address-line1=${encodeURIComponent(hostile)}&address-town=Anytown`);
  await expect(page.locator('[data-value="address"]')).toHaveText(`${hostile}\nAnytown`);
  await expect(page.locator('#injected')).toHaveCount(0);
});

test('the submitted page says when nothing was sent', async ({ page }) => {
  await page.goto('/cy/find-your-address/submitted.html');
  await expect(page.getByText('Ni anfonodd y ffurflen gyfeiriad.')).toBeVisible();
  await expect(page.locator('[data-submitted]')).toBeHidden();
});
