// `npm run bench`: measurements that inform, never gate (only size budgets gate, in npm test).
// Prints tables, writes reports/bench.json and the README's bench section (bench-readme.mjs).
// Needs a build first (`npx turbo run build`): it measures the built packages, API and site.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { budgets, elements, measureAutoloader, measureCdn, measureElement } from './sizes.mjs';
import { measureGraph } from './bench-graph.mjs';
import { measurePeers } from './peer-sizes.mjs';
import { measureApi } from './bench-api.mjs';
import { measureImports } from './bench-imports.mjs';
import { measureRender } from './bench-render.mjs';
import { measureFirstRender } from './bench-first-render.mjs';
import { measureSite } from './bench-site.mjs';
import { launchOptions } from './browser.mjs';
import { benchTables } from './bench-tables.mjs';
import { writeBenchReadme } from './bench-readme.mjs';

const started = performance.now();
const seconds = {};
/** Runs one part of the bench, noting how long it took. */
async function timed(name, fn) {
  const t = performance.now();
  console.log(`… ${name}`);
  try {
    return await fn();
  } finally {
    seconds[name] = Math.round((performance.now() - t) / 1000);
  }
}

const browserVersion = async () => {
  const browser = await chromium.launch(launchOptions);
  try {
    return `Chromium ${browser.version()}`;
  } finally {
    await browser.close();
  }
};

const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverage: Number(os.loadavg()[0].toFixed(1)),
  browser: await browserVersion().catch(() => undefined),
};

const sizes = await timed('sizes', async () => {
  const all = [];
  for (const element of elements) all.push({ element: element.tag, ...(await measureElement(element)) });
  return all;
});
const cdn = measureCdn();
// Through cdn/autoloader.js: the autoloader, and what a page with one element loads.
const autoloader = measureAutoloader();
// Import cycles and duplicated modules in the built packages.
const graph = measureGraph();
const peers = await timed('peers', measurePeers);
const firstRender = await timed('first render', () => measureFirstRender().catch((error) => [{ element: 'all', ready: '', error: error.message }]));
const render = await timed('directory results render', () => measureRender().catch((error) => ({ error: error.message })));
const api = await timed('council API', measureApi);
const imports = await timed('address import', () => measureImports().catch((error) => ({ error: error.message })));
const site = await timed('example site', () => measureSite().catch((error) => ({ error: error.message })));

const report = {
  date: new Date().toISOString(),
  durationSeconds: Math.round((performance.now() - started) / 1000),
  seconds,
  machine,
  budgets,
  sizes,
  cdn,
  autoloader,
  graph,
  peers,
  firstRender,
  render,
  api,
  imports,
  site,
};

for (const table of benchTables(report).filter((t) => t.where !== 'readme')) {
  console.log(`\n${table.title}`);
  if (table.note) console.log(table.note);
  console.table(table.rows);
}
for (const r of site.lighthouse ?? []) {
  const failing = [...(r.failingAudits?.accessibility ?? []), ...(r.failingAudits?.bestPractices ?? [])];
  if (failing.length) console.log(`  ${r.page}: audits below full marks: ${failing.join(', ')}`);
}

mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', JSON.stringify(report, null, 2));
writeBenchReadme(report);
console.log(`\nWrote reports/bench.json and README.md's bench section in ${Math.round(report.durationSeconds / 60)} min (${Object.entries(seconds).map(([k, v]) => `${k} ${v} s`).join(', ')})`);
