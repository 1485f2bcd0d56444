import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { councilNow } from './today.ts';

// Shared by the specs that load every story of the Storybook static build one at a time
// (story-adaptations.spec.ts, aria-snapshots.spec.ts): where the build is, a tiny static
// server for it, the stories in its index.json, and opening one story until its play function
// has brought it to the state it shows.

const here = path.dirname(fileURLToPath(import.meta.url));
export const storybookDir = path.resolve(here, '../../storybook/storybook-static');
const storybookIndex = path.join(storybookDir, 'index.json');
export const storybookBuilt = existsSync(storybookIndex);
export const notBuilt = `${storybookDir} does not exist: build it with npx turbo run build --filter=@council-kit/storybook`;

/**
 * The page clock for stories: 10:30 on the test day. Stories dated from today (the waste ones,
 * see apps/storybook/stories/support/today.ts) read it when Storybook was built without
 * COUNCIL_TEST_TODAY, so they show the test day's dates.
 */
export const storyNow = councilNow;

export interface StoryEntry {
  id: string;
  type: 'docs' | 'story';
  title: string;
  name: string;
}

/** Every story in index.json (docs pages left out); none when Storybook is not built. */
export const stories: StoryEntry[] = storybookBuilt
  ? Object.values((JSON.parse(readFileSync(storybookIndex, 'utf8')) as { entries: Record<string, StoryEntry> }).entries).filter(
      (entry) => entry.type === 'story',
    )
  : [];

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A tiny static server for storybook-static on a free loopback port (files may be cached). */
export function serveStorybook(): Promise<{ url: string; server: Server }> {
  const root = storybookDir;
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === '/favicon.ico') return res.writeHead(204).end();
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end('Not found');
    // Hashed assets never change within a build: let the browser keep them between stories.
    const cache = pathname.startsWith('/assets/') ? 'public, max-age=3600, immutable' : 'no-cache';
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

/**
 * One static server per worker for a describe block: call inside `test.describe`. Returns a
 * getter for its URL.
 */
export function useStorybookServer(): () => string {
  let storybook: { url: string; server: Server } | undefined;
  test.beforeAll(async () => {
    storybook = await serveStorybook();
  });
  test.afterAll(async () => {
    await new Promise((resolve) => (storybook ? storybook.server.close(resolve) : resolve(undefined)));
  });
  return () => storybook!.url;
}

/**
 * One page per worker for a describe block, kept from story to story, so the browser parses
 * Storybook's preview bundle once (from its cache) rather than once per story: call inside
 * `test.describe`. `setup` runs once on the new page (init scripts, a fixed clock).
 */
export function useSharedPage(options: BrowserContextOptions, setup?: (page: Page) => Promise<unknown>): () => Page {
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext(options);
    page = await context.newPage();
    await setup?.(page);
  });
  test.afterAll(async () => {
    await context?.close();
  });
  return () => page!;
}

/**
 * Opens a story on its own (`iframe.html`, story mode, English, default look unless `globals`
 * says otherwise) and waits until Storybook has finished it: rendered, played to its state,
 * animations settled. The a11y addon's own axe run is switched off (`a11y.manual`): the
 * Storybook tests already run it, and each spec here runs its own checks.
 */
export async function openStory(page: Page, base: string, id: string, globals = ''): Promise<void> {
  const allGlobals = ['a11y.manual:!true', globals].filter(Boolean).join(';');
  // A page kept from the story before: each story starts with nothing remembered or drafted.
  if (page.url().startsWith(base)) await page.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
  await page.goto(`${base}/iframe.html?viewMode=story&id=${id}&globals=${allGlobals}`);
  await expect
    .poll(
      () =>
        page.evaluate(() => (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase),
      { message: `story ${id} finished rendering and playing`, timeout: 30_000 },
    )
    .toBe('finished');
  // A story whose render or play function threw shows Storybook's error display instead.
  await expect(page.locator('#error-message, #error-stack').first(), `story ${id} rendered without an error`).toBeHidden();
  await expect(page.locator('#storybook-root > *').first()).toBeAttached();
}

/**
 * The axe-core that Storybook's a11y addon ships in the build (the same 4.13 release as
 * @axe-core/playwright's): imported as a module from the static server, it is parsed once and
 * then comes from the browser's cache, where AxeBuilder would inject its 500 kB source into
 * every story again (a second per story on this machine, against a tenth).
 */
const axeChunk = storybookBuilt ? readdirSync(path.join(storybookDir, 'assets')).find((file) => /^axe-[\w-]+\.js$/.test(file)) : undefined;

/** axe's violations of rules with these tags under the story root, as readable lines. */
export async function storyAxeViolations(page: Page, base: string, tags: string[]): Promise<string[]> {
  type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };
  const violations: Violation[] = axeChunk
    ? await page.evaluate(
        async ({ url, tags }) => {
          type Axe = { run(context: Element, options: object): Promise<{ violations: Violation[] }> };
          const axe = ((await import(url)) as { default: Axe }).default;
          const results = await axe.run(document.querySelector('#storybook-root')!, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return results.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => ({ target })) }));
        },
        { url: `${base}/assets/${axeChunk}`, tags },
      )
    : (await new AxeBuilder({ page }).include('#storybook-root').withTags(tags).analyze()).violations;
  return violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
}
