import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Response } from '@playwright/test';
import { storybookDir, useStorybookServer } from './storybook-support.ts';
import { pages } from './support.ts';

// A link checker. First the site: every page in site/pages.ts, both languages, rendered in the
// browser; every same-origin link and asset must answer 200, and a link with a #fragment must
// point at an element with that id. Then the Storybook static build: every docs page loads
// without errors, and every internal link in the docs resolves to an entry that loads.


// ---- the site ------------------------------------------------------------------------------

/** Status and HTML of each URL checked, so each is fetched once per test. */
async function fetchOnce(request: APIRequestContext, cache: Map<string, Promise<{ status: number; html: string }>>, url: string) {
  let answer = cache.get(url);
  if (!answer) {
    answer = request.get(url, { maxRedirects: 0 }).then(async (response) => ({
      status: response.status(),
      html: (response.headers()['content-type'] ?? '').startsWith('text/html') ? await response.text() : '',
    }));
    cache.set(url, answer);
  }
  return answer;
}

/** The ids in an HTML document (good enough for our own pages' markup). */
function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

test('every page: same-origin links and assets answer 200, fragments point at real ids', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const cache = new Map<string, Promise<{ status: number; html: string }>>();
  const broken: string[] = [];
  let checkedLinks = 0;

  for (const sitePage of pages) {
    // Every file the browser loads for the page (styles, scripts, chunks, icons, API calls).
    const loaded: { url: string; status: number }[] = [];
    const onResponse = (response: Response) => {
      if (response.url().startsWith(origin)) loaded.push({ url: response.url(), status: response.status() });
    };
    page.on('response', onResponse);
    const response = await page.goto(sitePage.url, { waitUntil: 'networkidle' });
    page.off('response', onResponse);
    // The 404 page is served with 404 where it stands in for a missing URL, and 200 by name.
    expect(response?.status(), sitePage.url).toBe(200);
    for (const file of loaded) {
      if (file.status >= 400) broken.push(`${sitePage.url}: loaded ${file.url} → ${file.status}`);
    }

    // Links and asset references in the rendered page (light DOM and open shadow roots).
    const refs = await page.evaluate(() => {
      const out: { attr: string; value: string; resolved: string }[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('a[href], link[href], script[src], img[src], source[src]')) {
          const attr = el.hasAttribute('href') ? 'href' : 'src';
          const value = el.getAttribute(attr)!;
          out.push({ attr, value, resolved: new URL(value, document.baseURI).href });
        }
        for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
      };
      visit(document);
      return out;
    });
    const ownIds = idsIn(await page.content());

    for (const ref of refs) {
      const url = new URL(ref.resolved);
      if (url.origin !== origin) {
        // Only safe schemes leave the site (no javascript:, no data: links).
        if (!/^(https?:|mailto:|tel:)$/.test(url.protocol)) broken.push(`${sitePage.url}: ${ref.attr}="${ref.value}" (scheme)`);
        continue;
      }
      checkedLinks++;
      const target = url.pathname + url.search;
      const answer = await fetchOnce(request, cache, target);
      if (answer.status !== 200) broken.push(`${sitePage.url}: ${ref.attr}="${ref.value}" → ${answer.status}`);
      if (url.hash && url.hash !== '#') {
        const id = decodeURIComponent(url.hash.slice(1));
        const samePage = url.pathname === new URL(page.url()).pathname && url.search === new URL(page.url()).search;
        const ids = samePage ? ownIds : idsIn(answer.html);
        if (!ids.has(id)) broken.push(`${sitePage.url}: ${ref.attr}="${ref.value}": no element with id="${id}"`);
      }
    }
  }
  expect(broken, broken.join('\n')).toEqual([]);
  // A crawl that checked nothing would pass too: make sure it did not.
  expect(checkedLinks).toBeGreaterThan(pages.length * 5);
});

test('the checker catches a broken link and a missing fragment target', async ({ request }) => {
  expect((await request.get('/no-such-page/', { maxRedirects: 0 })).status()).toBe(404);
  const home = await request.get('/');
  const ids = idsIn(await home.text());
  expect(ids.has('main-content')).toBe(true);
  expect(ids.has('no-such-id')).toBe(false);
});

// ---- the Storybook static build ------------------------------------------------------------

interface IndexEntry {
  id: string;
  type: 'docs' | 'story';
  title: string;
  name: string;
  importPath: string;
}

const storybookIndex = path.join(storybookDir, 'index.json');
/** index.json's entries, read when the tests are collected (none when Storybook is not built). */
const entries: IndexEntry[] = existsSync(storybookIndex)
  ? Object.values((JSON.parse(readFileSync(storybookIndex, 'utf8')) as { entries: Record<string, IndexEntry> }).entries)
  : [];
const entryTypes = new Map(entries.map((entry) => [entry.id, entry.type]));

test.describe('Storybook static build', () => {
  test.skip(!existsSync(storybookIndex), `${storybookDir} does not exist: build it with npx turbo run build --filter=@council-kit/storybook`);

  const storybookUrl = useStorybookServer();

  test('index.json lists docs pages and stories', () => {
    expect(entries.filter((entry) => entry.type === 'docs').length).toBeGreaterThan(0);
    expect(entries.filter((entry) => entry.type === 'story').length).toBeGreaterThan(10);
  });

  // One test per docs page: it renders with no console error, page error or failed request, and
  // every link in it resolves: `?path=/docs|story/<id>` and `iframe.html?id=<id>` to an entry of
  // the right kind in index.json, `#fragment` to an element on the page; anything else must be
  // an outside http(s) or mailto link.
  for (const entry of entries.filter((e) => e.type === 'docs')) {
    test(`docs page ${entry.id} loads without errors and its links resolve`, async ({ page }) => {
      // Usage pages render many live stories at once: slow on a shared machine.
      test.setTimeout(90_000);
      const base = storybookUrl();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.url().startsWith(base) && response.status() >= 400) problems.push(`${response.url()} → ${response.status()}`);
      });

      await page.goto(`${base}/iframe.html?viewMode=docs&id=${entry.id}`);
      const content = page.locator('.sbdocs-content');
      await expect(content).toBeVisible({ timeout: 45_000 });
      await expect(content.locator('h1, h2').first()).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('.sb-errordisplay')).toBeHidden();
      const hrefs = await content.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      const pageIds = new Set(await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id)));
      let internal = 0;
      for (const href of hrefs) {
        if (href.startsWith('?path=')) {
          internal++;
          const match = /^\?path=\/(docs|story)\/([^&#]+)/.exec(href);
          const type = entryTypes.get(match?.[2] ?? '');
          if (!match || !type) problems.push(`link ${href} → no such entry in index.json`);
          else if ((match[1] === 'docs') !== (type === 'docs')) problems.push(`link ${href} → ${match[2]} is a ${type}`);
        } else if (href.startsWith('iframe.html?')) {
          // The docs blocks' "open this story on its own" links.
          internal++;
          const id = new URLSearchParams(href.slice('iframe.html?'.length)).get('id') ?? '';
          if (entryTypes.get(id) !== 'story') problems.push(`link ${href} → no such story in index.json`);
        } else if (href.startsWith('#')) {
          internal++;
          if (!pageIds.has(decodeURIComponent(href.slice(1)))) problems.push(`link ${href} → no element with that id`);
        } else if (!/^(https?:|mailto:)/.test(href)) {
          problems.push(`link ${href} is neither a Storybook link nor an outside link`);
        }
      }
      test.info().annotations.push({ type: 'links', description: `${internal} internal, ${hrefs.length - internal} outside` });
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
