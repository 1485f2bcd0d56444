// The rendering benches' shared setup: our built elements bundled as a council's bundler would
// (minified, production lit, shared chunks), served from loopback with canned API answers, and
// Debian Chromium (scripts/browser.mjs) to load them. Nothing reaches the network.
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { launchOptions } from './browser.mjs';

const root = new URL('..', import.meta.url).pathname;

/**
 * Serves `entries` (name → built file, relative to the repository) at `/js/<name>.js`, the
 * HTML `page(pathname)` returns, and the JSON `api(pathname)` returns (404 when either gives
 * undefined), then launches Chromium. Returns `{ base, browser, close }`.
 */
export async function openBench({ entries, page, api }) {
  const { outputFiles } = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `${root}/${file}`])),
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    splitting: true,
    outdir: '/js',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['leaflet', 'leaflet/*'],
    logLevel: 'silent',
  });
  const files = new Map(outputFiles.map((f) => [f.path, f.text]));
  const server = createServer((req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    if (files.has(pathname)) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(files.get(pathname));
    const html = page(pathname);
    if (html !== undefined) return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    const json = api(pathname);
    if (json !== undefined) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"type":"about:blank","title":"Not found","status":404}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch(launchOptions);
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Median, p95 and min of `times` (ms), to 0.1 ms. */
export function summarise(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
  return { runs: sorted.length, p50: at(0.5), p95: at(0.95), min: Math.round(sorted[0] * 10) / 10 };
}
