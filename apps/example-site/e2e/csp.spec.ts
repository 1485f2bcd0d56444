import { expect, test } from '@playwright/test';
import { lookup, openLookup, search, watchForProblems } from './support.ts';

test('the server sends a strict CSP with Trusted Types on every page', async ({ request }) => {
  for (const path of ['/', '/find-your-address/', '/cy/find-your-address/submitted.html', '/no-such-page']) {
    const csp = (await request.get(path)).headers()['content-security-policy'] ?? '';
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("script-src 'self'");
    expect(csp, path).toContain("style-src 'self'");
    expect(csp, path).toContain("connect-src 'self'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("form-action 'self'");
    expect(csp, path).toContain("require-trusted-types-for 'script'");
    expect(csp, path).not.toContain('unsafe');
  }
});

test('using the element under that CSP causes no violation and no console error', async ({ page }) => {
  const problems = await watchForProblems(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await openLookup(page);
  await search(page, 'NOT A POSTCODE');
  await expect(lookup(page).locator('.error-summary')).toBeVisible();
  await search(page, 'SW1A 1AA');
  await expect(lookup(page).getByRole('heading', { name: 'SW1A 1AA is not in our area' })).toBeVisible();
  await lookup(page).getByRole('button', { name: 'Check the postcode' }).click();
  await search(page, 'AN1 1AA');
  await lookup(page).locator('#address').selectOption({ index: 1 });
  await lookup(page).getByRole('button', { name: 'Use this address' }).click();
  await expect(lookup(page).getByRole('heading', { name: 'Address' })).toBeVisible();
  // The live region the element announces through works under the CSP too.
  await expect(page.locator('[data-council-announcer]')).toHaveText(/^Address selected: /);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('[data-value="uprn"]')).toHaveText(/^\d+$/);

  await openLookup(page, '/cy/find-your-address/');
  await search(page, 'AN1 1AA');
  await expect(lookup(page).locator('#address')).toBeVisible();

  await page.waitForTimeout(200);
  expect(problems).toEqual([]);
  // Cookie-free, and nothing from any other origin.
  expect(await page.context().cookies()).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
});

test('the violation watcher works: an HTML string in a DOM sink is refused and reported', async ({ page }) => {
  const problems = await watchForProblems(page);
  await openLookup(page);
  const outcome = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<img src=x>';
      return 'allowed';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(outcome).toBe('TypeError');
  await expect.poll(() => problems.join('\n')).toContain('require-trusted-types-for');
});
