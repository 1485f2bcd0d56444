// The Anytown example site, as a resident's phone would load it: Lighthouse mobile scores for
// the waste pages (the bin-day page first), and the page weight and layout shift of every page.
// Serves the built site (apps/example-site/dist, via its own server.mjs with the /api proxy)
// and a fresh council API on free loopback ports. Reported against the DESIGN.md budgets,
// never gated: timings on a shared machine inform, they do not fail the bench.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './browser.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const siteDist = path.join(root, 'apps/example-site/dist');

/** DESIGN.md: example-site pages. */
export const siteBudgets = { performance: 95, accessibility: 100, transferKB: 100, cls: 0 };

/**
 * Pages Lighthouse runs on (each run takes a while on a shared machine): the bin-day page first,
 * then one page per pattern, then the pages the site renders on its server (a property's
 * collections, a search's results), which carry their answer in the HTML.
 */
const lighthousePages = (
  process.env.BENCH_LIGHTHOUSE_PAGES ??
  '/bins/collection-days/,/bins/report-missed/,/bins/new-bin/,/repairs/report/,/local-services/,/bins/collection-days/?uprn=100070000112,/local-services/?q=food+bank'
)
  .split(',')
  .map((page) => page.trim())
  .filter(Boolean);

/** Every built page, as the server answers it: `dist/cy/bins/new-bin/index.html` → `/cy/bins/new-bin/`. */
export function sitePages() {
  return readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => '/' + file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1'))
    .sort((a, b) => Number(a.startsWith('/cy/')) - Number(b.startsWith('/cy/')) || a.localeCompare(b));
}

/** Starts the council API (fresh SQLite file) and the site in front of it. */
async function startServers() {
  if (!existsSync(path.join(siteDist, 'index.html'))) throw new Error('apps/example-site/dist is missing: run `npx turbo run build` first');
  const { startServer } = await import('../apps/council-api/dist/server.js');
  const { startSite } = await import('../apps/example-site/server.mjs');
  const dir = mkdtempSync(path.join(tmpdir(), 'council-bench-site-'));
  const api = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: path.join(dir, 'bench.sqlite'), councilDemo: 'anytown', logLevel: 'silent', rateLimitPerMinute: 1_000_000, handleSignals: false });
  const site = await startSite({ port: 0, host: '127.0.0.1', apiUrl: api.url });
  const base = `http://127.0.0.1:${site.port}`;
  return {
    base,
    async close() {
      await site.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const round = (value, digits = 0) => (value === undefined || value === null ? undefined : Number(value.toFixed(digits)));

/**
 * Lighthouse's default (mobile) configuration: a mid-range phone, simulated slow 4G and CPU
 * throttling. Chromium comes from CHROME_PATH or /usr/bin/chromium via chrome-launcher, which
 * never downloads a browser.
 */
async function runLighthouse(base) {
  if (!chromiumPath) throw new Error('no Chromium: install it (apt-get install -y chromium) or set CHROME_PATH');
  process.env.CHROME_PATH = chromiumPath;
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const results = [];
  // A trace Lighthouse failed to record (NO_NAVSTART and the like, seen on a loaded machine) is
  // the run's fault, not the page's: such a page gets one more try.
  for (const page of lighthousePages) {
    for (let attempt = 1; attempt <= 2; attempt++) {
      // A fresh browser per page: no cache, no session storage carried between runs.
      const chrome = await chromeLauncher.launch({
        chromePath: chromiumPath,
        chromeFlags: ['--headless=new', ...chromiumArgs],
        logLevel: 'silent',
      });
      try {
        const runner = await lighthouse(`${base}${page}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        if (!runner) throw new Error('Lighthouse returned no result');
        const { categories, audits, runtimeError, runWarnings } = runner.lhr;
        if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
        const score = (id) => (categories[id]?.score === null || categories[id]?.score === undefined ? undefined : Math.round(categories[id].score * 100));
        const failing = (id) =>
          Object.values(categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && audits[ref.id]?.score < 1)
            .map((ref) => ref.id);
        results.push({
          page,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          transferBytes: audits['total-byte-weight']?.numericValue,
          requests: audits['network-requests']?.details?.items?.length,
          cls: round(audits['cumulative-layout-shift']?.numericValue, 3),
          fcpMs: round(audits['first-contentful-paint']?.numericValue),
          lcpMs: round(audits['largest-contentful-paint']?.numericValue),
          tbtMs: round(audits['total-blocking-time']?.numericValue),
          speedIndexMs: round(audits['speed-index']?.numericValue),
          failingAudits: { accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
          warnings: runWarnings,
          lighthouse: runner.lhr.lighthouseVersion,
          browser: runner.lhr.environment?.hostUserAgent,
        });
        break;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (attempt === 1 && /^(NO_NAVSTART|NO_FCP|NO_LCP|PROTOCOL_TIMEOUT|NO_TRACING_STARTED)\b/.test(message)) continue;
        results.push({ page, error: message });
      } finally {
        await chrome.kill();
      }
    }
  }
  return results;
}

/**
 * Page weight of every page: the bytes on the wire (compressed bodies plus headers) for the
 * page and everything it loads, in a fresh browser context, and the layout shift the page
 * reports after it settles. Playwright drives the same Chromium.
 */
async function measurePageWeights(base) {
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const results = [];
  try {
    for (const page of sitePages()) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const tab = await context.newPage();
      await tab.addInitScript(() => {
        const shifts = { value: 0 };
        Object.defineProperty(window, '__cls', { value: shifts });
        new window.PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.value += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const finished = [];
      tab.on('requestfinished', (request) => finished.push(request.sizes().then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize }))));
      try {
        const response = await tab.goto(`${base}${page}`, { waitUntil: 'networkidle' });
        // Let the elements upgrade and settle before reading the layout shift.
        await tab.waitForTimeout(500);
        const cls = await tab.evaluate(() => window.__cls.value);
        const sizes = await Promise.all(finished);
        results.push({
          page,
          status: response?.status(),
          requests: sizes.length,
          transferBytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
          cls: round(cls, 3),
        });
      } catch (error) {
        results.push({ page, error: error instanceof Error ? error.message : String(error) });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Runs both measurements against freshly started servers. */
export async function measureSite() {
  const servers = await startServers();
  try {
    let lighthouse;
    let lighthouseError;
    try {
      lighthouse = await runLighthouse(servers.base);
    } catch (error) {
      lighthouseError = error instanceof Error ? error.message : String(error);
    }
    const pages = await measurePageWeights(servers.base);
    return { budgets: siteBudgets, lighthouse, lighthouseError, pages };
  } finally {
    await servers.close();
  }
}
