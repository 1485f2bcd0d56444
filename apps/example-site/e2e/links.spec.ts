import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';
import { pages } from './support.ts';

// A link checker. First the site: every page in site/pages.ts, both languages, rendered in the
// browser; every same-origin link and asset must answer 200, and a link with a #fragment must
// point at an element with that id. Then the Storybook static build: every docs page loads
// without errors, and every internal link in the docs resolves to an entry that loads.

const here = path.dirname(fileURLToPath(import.meta.url));

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

const storybookDir = path.resolve(here, '../../storybook/storybook-static');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A tiny static server for storybook-static on a free loopback port. */
function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // iframe.html names no icon, so Chromium asks for /favicon.ico: not a Storybook link.
    if (pathname === '/favicon.ico') return res.writeHead(204).end();
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end('Not found');
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

interface IndexEntry {
  id: string;
  type: 'docs' | 'story';
  title: string;
  name: string;
  importPath: string;
}

test.describe('Storybook static build', () => {
  test.skip(!existsSync(path.join(storybookDir, 'index.json')), `${storybookDir} does not exist: build it with npx turbo run build --filter=@council-kit/storybook`);

  let storybook: { url: string; server: Server };
  let entries: IndexEntry[];
  test.beforeAll(async () => {
    storybook = await serveStatic(storybookDir);
    entries = Object.values((JSON.parse(readFileSync(path.join(storybookDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries);
  });
  test.afterAll(async () => {
    await new Promise((resolve) => storybook?.server.close(resolve));
  });

  test('every docs page loads without errors, and its internal links resolve', async ({ page, context }) => {
    test.setTimeout(180_000);
    const docs = entries.filter((entry) => entry.type === 'docs');
    expect(docs.length).toBeGreaterThan(0);
    const ids = new Map(entries.map((entry) => [entry.id, entry.type]));
    const problems: string[] = [];
    const watch = (tab: Page): Page => {
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${tab.url()}: console error: ${message.text()}`);
      });
      tab.on('pageerror', (error) => problems.push(`${tab.url()}: page error: ${error.message}`));
      tab.on('response', (response) => {
        if (response.url().startsWith(storybook.url) && response.status() >= 400) problems.push(`${tab.url()}: ${response.url()} → ${response.status()}`);
      });
      return tab;
    };
    watch(page);

    const linked = new Map<string, string>(); // story or docs id → the docs page linking to it
    for (const entry of docs) {
      await page.goto(`${storybook.url}/iframe.html?viewMode=docs&id=${entry.id}`);
      const content = page.locator('.sbdocs-content');
      await expect(content, entry.id).toBeVisible({ timeout: 20_000 });
      await expect(content.locator('h1, h2').first(), entry.id).toBeVisible();
      const hrefs = await content.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      const pageIds = new Set(await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id)));
      for (const href of hrefs) {
        if (href.startsWith('?path=')) {
          const match = /^\?path=\/(docs|story)\/([^&#]+)/.exec(href);
          const type = ids.get(match?.[2] ?? '');
          if (!match || !type) problems.push(`${entry.id}: link ${href} → no such entry in index.json`);
          else if ((match[1] === 'docs') !== (type === 'docs')) problems.push(`${entry.id}: link ${href} → ${match[2]} is a ${type}`);
          else linked.set(match[2]!, entry.id);
        } else if (href.startsWith('iframe.html?')) {
          // The docs blocks' "open this story on its own" links.
          const id = new URLSearchParams(href.slice('iframe.html?'.length)).get('id') ?? '';
          if (ids.get(id) !== 'story') problems.push(`${entry.id}: link ${href} → no such story in index.json`);
          else linked.set(id, entry.id);
        } else if (href.startsWith('#')) {
          if (!pageIds.has(decodeURIComponent(href.slice(1)))) problems.push(`${entry.id}: link ${href} → no element with that id`);
        } else if (!/^(https?:|mailto:)/.test(href)) {
          problems.push(`${entry.id}: link ${href} is neither a Storybook path nor an outside link`);
        }
      }
    }
    expect(linked.size, 'the docs link to stories').toBeGreaterThan(10);

    // Every story or docs page a docs page links to loads, and renders something. Each in its
    // own tab: some stories' play functions write to their URL (the directory's URL state).
    for (const [id, from] of linked) {
      const docsLink = ids.get(id) === 'docs';
      const tab = watch(await context.newPage());
      await tab.goto(`${storybook.url}/iframe.html?viewMode=${docsLink ? 'docs' : 'story'}&id=${id}`);
      const root = tab.locator(docsLink ? '.sbdocs-content' : '#storybook-root');
      await expect(root, `${id} (linked from ${from})`).not.toBeEmpty({ timeout: 20_000 });
      await expect(tab.locator('.sb-errordisplay'), `${id} (linked from ${from})`).toBeHidden();
      await tab.close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
