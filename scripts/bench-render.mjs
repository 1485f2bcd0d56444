// Rendering time in Chromium: how long <council-directory-search> takes from "Search" to 50
// results on screen (the feed answers at once from memory, so this is the element's own
// work: parsing, sorting and rendering). Reports only; timings never fail anything.
/* global URL, performance, requestAnimationFrame */
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { launchOptions } from './browser.mjs';

const root = new URL('..', import.meta.url).pathname;
const RUNS = 15;

/** An ORUK v3 page of `count` services near a postcode, with everything a result shows. */
function orukPage(count) {
  const contents = Array.from({ length: count }, (_, i) => ({
    distance: 150 + i * 97,
    service: {
      id: `svc-${i}`,
      name: `Anytown support service ${i + 1}`,
      description: `<p>Help with food, money and housing for people living in Anytown. Drop in or call ahead. Service ${i + 1}.</p>`,
      organization: { id: `org-${i % 7}`, name: `Anytown Community Trust ${i % 7}` },
      cost_options: [{ option: i % 3 ? 'Free' : '£2 a session', amount: i % 3 ? 0 : 2 }],
      service_at_locations: [{ location: { latitude: 52.2 + i / 1000, longitude: -1.5 - i / 1000 } }],
    },
  }));
  return { total_items: 230, total_pages: 5, page_number: 1, size: count, first_page: true, last_page: false, empty: false, contents };
}

export async function measureRender() {
  const { outputFiles } = await build({
    entryPoints: [`${root}/packages/directory/dist/directory-search/define.js`],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    splitting: true,
    outdir: '/bench',
    conditions: ['production'],
    external: ['leaflet', 'leaflet/*'],
    logLevel: 'silent',
  });
  const files = new Map(outputFiles.map((f) => [f.path.replace('/bench', ''), f.text]));
  const entry = [...files.keys()].find((p) => p.endsWith('define.js'));
  const html = `<!doctype html><html lang="en"><body><council-directory-search api-base="/oruk" per-page="50" no-url-state></council-directory-search><script type="module" src="${entry}"></script></body></html>`;
  const body = JSON.stringify(orukPage(50));
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    if (files.has(path)) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(files.get(path));
    if (path === '/oruk/service_at_locations') return res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    if (path === '/oruk/taxonomy_terms') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"contents":[]}');
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch(launchOptions);
  try {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.locator('council-directory-search').getByLabel('Near a postcode (optional)').fill('AN1 1AA');
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const el = document.querySelector('council-directory-search');
            const start = performance.now();
            el.addEventListener('council-directory-searched', () => el.updateComplete.then(() => requestAnimationFrame(() => resolve(performance.now() - start))), { once: true });
            el.shadowRoot.querySelector('button[type=submit]').click();
          }),
      );
      const shown = await page.locator('council-directory-search .result').count();
      if (shown !== 50) throw new Error(`expected 50 results on screen, saw ${shown}`);
      times.push(ms);
      await page.close();
    }
    times.sort((a, b) => a - b);
    const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
    return { name: '<council-directory-search>: Search → 50 results on screen', runs: RUNS, p50: at(0.5), p95: at(0.95), min: Math.round(times[0] * 10) / 10 };
  } finally {
    await browser.close();
    server.close();
  }
}
