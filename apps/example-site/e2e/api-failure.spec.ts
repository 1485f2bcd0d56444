import { expect, test } from '@playwright/test';
import { lookup, openLookup, search } from './support.ts';

const problem = 'Sorry, there is a problem with the service';

test('the API failing (503) shows the problem, and Try again recovers', async ({ page }) => {
  let calls = 0;
  let failing = true;
  await page.route('**/api/v1/addresses*', async (route) => {
    calls++;
    if (failing) await route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"Service Unavailable","status":503}' });
    else await route.continue();
  });
  await openLookup(page);
  await search(page, 'AN1 1AA');
  await expect(lookup(page).getByRole('heading', { name: problem })).toBeVisible({ timeout: 10_000 });
  // The element retried the GET on its own before giving up.
  expect(calls).toBeGreaterThan(1);
  await expect(lookup(page).getByRole('button', { name: 'Enter the address manually' })).toBeVisible();

  failing = false;
  await lookup(page).getByRole('button', { name: 'Try again' }).click();
  await expect(lookup(page).getByRole('heading', { name: /^\d+ addresses found for AN1 1AA$/ })).toBeVisible();
});

test('a malformed (non-JSON) answer shows the problem message, not a blank box', async ({ page }) => {
  await page.route('**/api/v1/addresses*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Gateway</html>' }));
  await openLookup(page);
  await search(page, 'AN1 1AA');
  await expect(lookup(page).getByRole('heading', { name: problem })).toBeVisible();
  await expect(lookup(page).getByText('You can enter the address yourself instead.')).toBeVisible();
});

test('JSON that breaks the contract is a problem too', async ({ page }) => {
  await page.route('**/api/v1/addresses*', (route) => route.fulfill({ json: { postcode: 'AN1 1AA', addresses: 'none' } }));
  await openLookup(page);
  await search(page, 'AN1 1AA');
  await expect(lookup(page).getByRole('heading', { name: problem })).toBeVisible();
});

test('being rate-limited says so', async ({ page }) => {
  await page.route('**/api/v1/addresses*', (route) =>
    route.fulfill({ status: 429, headers: { 'Retry-After': '60' }, contentType: 'application/problem+json', body: '{"title":"Too Many Requests","status":429}' }),
  );
  await openLookup(page);
  await search(page, 'AN1 1AA');
  await expect(lookup(page).getByRole('heading', { name: 'Too many requests' })).toBeVisible();
});
