import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../server.mjs';
import { autoloaderScript, cdnPath } from '../site/pages.ts';
import { expectNoAxeViolations, watchForProblems } from './support.ts';
import { binDay, chooseAddress, findPostcode, fixClock, fullAddress, stepHeading } from './waste-support.ts';
import { directorySearch, resultsHeading, searchFor } from './directory-support.ts';

// The CDN autoloader (`@council-kit/elements/cdn/autoloader`, copied to /vendor/council-kit/
// with the rest of the CDN folder): a page holds one plain module script and its elements, and
// the autoloader fetches each element's module, from its own folder, when the tag appears.
// Under the site's strict CSP with Trusted Types, it must cause no violation and no console
// error, and a page must fetch only the modules (and chunks) of the elements it shows.

const vendorDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'vendor', 'council-kit');
const pagePath = '/embed/autoloader/';

/** `file` in the CDN folder and every file it imports statically, transitively (what it loads up front). */
function withChunks(file: string): string[] {
  const seen = new Set([file]);
  for (const next of seen) {
    const source = readFileSync(path.join(vendorDir, next), 'utf8');
    // Minified static imports: `import{a as b}from"./chunk-X.js"` or `import"./chunk-X.js"`; never `import(`.
    for (const m of source.matchAll(/import(?:[^("'`]*?from)?\s*["']\.\/([^"']+)["']/g)) seen.add(m[1]!);
  }
  return [...seen];
}

/** The module `tag`'s code imports on demand (`import("./<prefix>-<hash>.js")`, so `results` is not `results-map`), with its chunks: e.g. the directory's results, loaded with the first search. */
function onDemand(tag: string, prefix: string): string[] {
  for (const file of withChunks(`${tag}.js`)) {
    const found = readFileSync(path.join(vendorDir, file), 'utf8').match(new RegExp(`import\\(\\s*["']\\./(${prefix}-[A-Z0-9]+\\.js)["']`));
    if (found) return withChunks(found[1]!);
  }
  throw new Error(`${tag}.js imports no ${prefix}-*.js on demand`);
}

/** What a page with these elements should fetch from the CDN folder: the autoloader, their modules and chunks. */
const expectedFetches = (...tags: string[]): string[] => [...new Set(['autoloader.js', ...tags.flatMap((tag) => withChunks(`${tag}.js`))])].sort();

/** Every file the page fetched from the CDN folder, as file names in the order asked for. */
function cdnFetches(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith(cdnPath)) files.push(pathname.slice(cdnPath.length));
  });
  return files;
}

/** Console warnings from the autoloader. */
function autoloaderWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('Council Kit autoloader:')) warnings.push(message.text());
  });
  return warnings;
}

test.beforeEach(async ({ page }) => {
  await fixClock(page);
});

test('the CDN folder has the autoloader and a module for each element, and the page holds only the autoloader tag', async ({ request }) => {
  const files = readdirSync(vendorDir);
  expect(files).toContain('autoloader.js');
  expect(files).toContain('council-kit.js');
  for (const tag of ['council-address-lookup', 'council-bin-day', 'council-repair-report', 'council-directory-search']) expect(files).toContain(`${tag}.js`);
  // Everything the autoloader loads up front is itself: it imports element modules only on demand.
  expect(withChunks('autoloader.js')).toEqual(['autoloader.js']);

  for (const lang of ['en', 'cy'] as const) {
    const url = lang === 'en' ? pagePath : `/cy${pagePath}`;
    const response = await request.get(url);
    expect(response.headers()['content-security-policy'], url).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("require-trusted-types-for 'script'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts, url).toEqual([expect.stringMatching(new RegExp(`^<script type="module" src="${autoloaderScript}"\\s*>$`))]);
    expect(html, url).not.toMatch(/modulepreload|\/assets\/[^"]+\.js|council-kit\.js"/);
    expect(html, url).toContain('<council-bin-day');
  }
});

test('bin day upgrades through the autoloader under the strict CSP, fetching only its own module and chunks; an element added later upgrades too', async ({ page }) => {
  const problems = await watchForProblems(page);
  const fetched = cdnFetches(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(pagePath);
  await expect(page.locator('council-address-lookup #postcode')).toBeVisible();
  await findPostcode(page, 'an1 1aa');
  await expect(stepHeading(binDay(page))).toHaveText('14 addresses found for AN1 1AA');
  await chooseAddress(page, fullAddress('2 High Street'));
  await expect(stepHeading(binDay(page))).toHaveText('Bin collections for 2 High Street, Anytown, AN1 1AA');
  await expect(binDay(page).locator('[part="service"]').getByRole('heading')).toHaveText(['Rubbish', 'Recycling', 'Food waste', 'Garden waste']);
  await expectNoAxeViolations(page);

  // Only the bin day's module and the chunks it imports (lit, core, the address lookup it
  // renders): not the whole CDN build, nor any other element's module.
  expect([...fetched].sort()).toEqual(expectedFetches('council-bin-day'));
  expect(fetched).not.toContain('council-kit.js');
  expect(fetched).not.toContain('council-repair-report.js');
  expect(fetched).not.toContain('council-directory-search.js');
  // Each file once.
  expect(new Set(fetched).size).toBe(fetched.length);
  expect(await page.evaluate(() => ['council-bin-day', 'council-address-lookup', 'council-repair-report', 'council-directory-search'].map((tag) => !!customElements.get(tag)))).toEqual([
    true,
    true,
    false,
    false,
  ]);

  // A tag added to the page later (as a council's own script might) is loaded when it appears.
  await page.evaluate(() => {
    const search = document.createElement('council-directory-search');
    search.setAttribute('api-base', '/oruk');
    search.setAttribute('detail-url', '/local-services/service/');
    search.toggleAttribute('no-url-state', true);
    document.querySelector('main')!.append(search);
  });
  await searchFor(page, 'food bank', 'AN1 1AA');
  await expect(resultsHeading(page)).toHaveText(/^\d+ services found$/);
  await expect(directorySearch(page).locator('[part="result"]').first()).toContainText(/miles? away|locations, nearest [\d.]+ miles?/);
  // Up front, and the search's results module (fetched with the search).
  expect([...fetched].sort()).toEqual([...new Set([...expectedFetches('council-bin-day', 'council-directory-search'), ...onDemand('council-directory-search', 'results')])].sort());
  expect(new Set(fetched).size).toBe(fetched.length);

  // A second element of a tag already loaded upgrades with no new fetch.
  const before = fetched.length;
  await page.evaluate(() => {
    const another = document.createElement('council-directory-search');
    another.setAttribute('api-base', '/oruk');
    another.toggleAttribute('no-url-state', true);
    document.querySelector('main')!.append(another);
  });
  await expect(directorySearch(page).nth(1).locator('#text')).toBeVisible();
  expect(fetched).toHaveLength(before);

  // No CSP or Trusted Types violation, no console error, nothing from another origin.
  expect(problems).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
});

test('an unknown tag and a module that fails to load: one warning naming each, nothing thrown, nothing imported twice', async ({ page }) => {
  const warnings = autoloaderWarnings(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The service detail's module is missing from the server.
  let serviceDetailRequests = 0;
  await page.route(`**${cdnPath}council-service-detail.js`, (route) => {
    serviceDetailRequests++;
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
  });

  await page.goto(pagePath);
  await expect(page.locator('council-address-lookup #postcode')).toBeVisible();
  expect(warnings).toEqual([]);

  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.append(document.createElement('council-service-detail'), document.createElement('council-no-such-element'));
  });
  await expect.poll(() => warnings).toEqual([
    'Council Kit autoloader: no module for <council-no-such-element>',
    expect.stringMatching(/^Council Kit autoloader: could not load <council-service-detail>/),
  ]);

  // The same tags again, then an element that loads: once it has upgraded, the autoloader has
  // long since handled the two before it, and asked for neither again.
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const search = document.createElement('council-directory-search');
    search.setAttribute('api-base', '/oruk');
    search.toggleAttribute('no-url-state', true);
    main.append(document.createElement('council-service-detail'), document.createElement('council-no-such-element'), search);
  });
  await expect(directorySearch(page).locator('#text')).toBeVisible();
  expect(warnings).toHaveLength(2);
  expect(serviceDetailRequests).toBe(1);
  expect(errors).toEqual([]);
  // The page's own element carried on working.
  await findPostcode(page);
  await expect(stepHeading(binDay(page))).toHaveText('14 addresses found for AN1 1AA');
});
