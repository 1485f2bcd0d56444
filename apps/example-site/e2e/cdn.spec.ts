import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../server.mjs';
import { cdnScript } from '../site/pages.ts';
import { expectNoAxeViolations, watchForProblems } from './support.ts';
import { binDay, chooseAddress, collectionsOf, expectCollectionsShown, findPostcode, fixClock, fullAddress, stepHeading, uprnOf } from './waste-support.ts';
import { directorySearch, resultsHeading, searchFor } from './directory-support.ts';

// The CDN build (`@council-kit/elements/cdn`, copied to /vendor/council-kit/ at build time),
// loaded as a content editor would paste it: one plain module script and an element, no script
// of the site's own. Under the site's strict CSP, Trusted Types included, using the elements
// must cause no CSP violation and no console error.

const vendorDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'vendor', 'council-kit');

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

/** Every script the page requested, by path. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test('the CDN folder is in the build and served like any file', async ({ request }) => {
  const files = readdirSync(vendorDir);
  expect(files).toContain('council-kit.js');
  // The on-demand chunks (the directory's map) sit beside it, as the elements README asks.
  expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(1);
  for (const file of files) {
    const response = await request.get(`/vendor/council-kit/${file}`);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toBe('text/javascript; charset=utf-8');
    expect(response.headers()['content-security-policy'], file).toBe(contentSecurityPolicy);
  }
});

for (const [path, lang] of [['/embed/', 'en'], ['/cy/embed/', 'cy']] as const) {
  test(`${path} holds only the pasted script tag and the element, under the strict CSP`, async ({ page, request }) => {
    const response = await request.get(path);
    expect(response.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("require-trusted-types-for 'script'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(new RegExp(`^<script type="module" src="${cdnScript}"\\s*>$`));
    expect(html).not.toContain('vite-ignore');
    expect(html).not.toMatch(/modulepreload|\/assets\/[^"]+\.js/);
    expect(html).toContain('<council-bin-day');

    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  });
}

test('bin day from the CDN build: postcode, address, collections, with no violation or console error', async ({ page }) => {
  const problems = await watchForProblems(page);
  const scripts = scriptRequests(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto('/embed/');
  await expect(page.locator('council-address-lookup #postcode')).toBeVisible();
  await expectNoAxeViolations(page);
  await findPostcode(page, 'an1 1aa');
  await expect(stepHeading(binDay(page))).toHaveText('14 addresses found for AN1 1AA');
  await chooseAddress(page, fullAddress('2 High Street'));
  await expect(stepHeading(binDay(page))).toHaveText('Bin collections for 2 High Street, Anytown, AN1 1AA');
  await expect(binDay(page).locator('[part="service"]').getByRole('heading')).toHaveText(['Rubbish', 'Recycling', 'Food waste', 'Garden waste']);
  // Dated from the fixed clock, as the API answers today: "Tuesday 1 December (in 6 days)".
  await expectCollectionsShown(page, await collectionsOf(page.request, await uprnOf(page.request, '2 High Street')));
  await expect(page.locator('[data-council-announcer]')).not.toBeEmpty();
  await expectNoAxeViolations(page);

  await page.waitForTimeout(200);
  expect(problems).toEqual([]);
  // Only the CDN build ran: no script of the site's own, nothing from another origin.
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((script) => script.startsWith('/vendor/council-kit/'))).toBe(true);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
});

test('in Welsh from the CDN build: the element speaks Welsh', async ({ page }) => {
  const problems = await watchForProblems(page);
  await page.goto('/cy/embed/');
  await findPostcode(page);
  await chooseAddress(page, fullAddress('2 High Street'));
  await expect(binDay(page).locator('[part="service"]').first().getByRole('heading')).toHaveText('Sbwriel');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a bare page with only the CDN script and elements, under CSP with Trusted Types: no violation', async ({ page, baseURL }) => {
  // The smallest page an editor could make, served on the site's origin (so /vendor, /api and
  // /oruk are the real ones) with the site's CSP, which requires Trusted Types.
  const bare = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bare CDN page</title>
<script type="module" src="${cdnScript}"></script></head>
<body><main>
<h1>Bare CDN page</h1>
<council-bin-day api-base="/api/v1" contact-url="/contact/"><p>Call 01632 960 000.</p></council-bin-day>
<council-directory-search api-base="/oruk" detail-url="/local-services/service/" no-url-state><p>Call 01632 960 000.</p></council-directory-search>
</main></body></html>`;
  await page.route(`${baseURL}/bare-cdn-page/`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': contentSecurityPolicy }, body: bare }),
  );
  const problems = await watchForProblems(page);
  const violations: string[] = [];
  await page.exposeFunction('__bareViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __bareViolation: (t: string) => void }).__bareViolation(event.violatedDirective),
    );
  });

  await page.goto('/bare-cdn-page/');
  // Trusted Types are enforced on this page: a string into a DOM sink is refused…
  const sink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'allowed';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(sink).toBe('TypeError');
  await expect.poll(() => violations).toEqual(['require-trusted-types-for']);
  violations.length = 0;
  problems.length = 0;

  // …and the elements themselves never trip it.
  await findPostcode(page);
  await chooseAddress(page, fullAddress('3 High Street'));
  await expect(stepHeading(binDay(page))).toHaveText('Bin collections for 3 High Street, Anytown, AN1 1AA');
  await searchFor(page, 'food bank', 'AN1 1AA');
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
  await expect(directorySearch(page).locator('[part="result"]').first()).toContainText(/miles? away|locations, nearest [\d.]+ miles?/);
  // no-url-state: the search stays out of the address bar.
  expect(new URL(page.url()).search).toBe('');

  await page.waitForTimeout(200);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});
