// `npm run bench`: measurements that inform, never gate (only size budgets gate, in npm test).
// Prints a table and writes reports/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { budgets, elements, measureCdn, measureElement, measurePeers } from './sizes.mjs';
import { measureApi } from './bench-api.mjs';
import { measureRender } from './bench-render.mjs';
import { measureSite } from './bench-site.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const sizes = [];
for (const element of elements) sizes.push({ element: element.tag, ...(await measureElement(element)) });
const peers = measurePeers();
const cdn = measureCdn();

console.log('\nSize (minified + brotli)');
console.table(
  sizes.map((s) => ({
    element: s.element,
    own: kb(s.own),
    'own budget': kb(budgets.own),
    'with lit + core': kb(s.withLitAndCore),
    'total budget': kb(budgets.withLitAndCore),
    'page (embedded elements too)': kb(s.page),
    ...Object.fromEntries(peers.map((p) => [`× ${p.name.split(' ')[0]}`, (s.withLitAndCore / p.brotli).toFixed(2)])),
  })),
);
console.table([
  ...(cdn ? [{ bundle: '@council-kit/elements CDN build (all elements, lit included)', min: kb(cdn.min), brotli: kb(cdn.brotli), budget: kb(budgets.cdn) }] : []),
  ...peers.map((p) => ({ bundle: p.name, min: kb(p.min), brotli: kb(p.brotli), budget: '' })),
]);

const api = await measureApi();
console.log('\nCouncil API latency (loopback, sequential requests)');
console.table(api.map((r) => ({ endpoint: r.name, requests: r.requests, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, error: r.error ?? '' })));

const render = await measureRender().catch((error) => ({ error: error.message }));
console.log('\nRendering in Chromium (feed answered from memory: the element\'s own work)');
console.table([render.error ? { measure: 'directory render', error: render.error } : { measure: render.name, runs: render.runs, 'p50 ms': render.p50, 'p95 ms': render.p95, 'min ms': render.min }]);

const site = await measureSite();
const within = (ok) => (ok === undefined ? '' : ok ? 'yes' : 'NO');
const sb = site.budgets;
console.log('\nExample site: Lighthouse, mobile (simulated slow 4G, 4× CPU), Debian Chromium');
if (site.lighthouseError) console.log(`Lighthouse could not run: ${site.lighthouseError}`);
else {
  console.table(
    site.lighthouse.map((r) =>
      r.error
        ? { page: r.page, error: r.error }
        : {
            page: r.page,
            performance: `${r.performance} (≥ ${sb.performance})`,
            accessibility: `${r.accessibility} (${sb.accessibility})`,
            'best practices': r.bestPractices,
            transfer: `${kb(r.transferBytes)} (≤ ${sb.transferKB} kB)`,
            CLS: `${r.cls} (${sb.cls})`,
            'LCP ms': r.lcpMs,
            'TBT ms': r.tbtMs,
            'within budget': within(r.performance >= sb.performance && r.accessibility >= sb.accessibility && r.transferBytes <= sb.transferKB * 1024 && r.cls <= sb.cls),
          },
    ),
  );
  for (const r of site.lighthouse) {
    const failing = [...(r.failingAudits?.accessibility ?? []), ...(r.failingAudits?.bestPractices ?? [])];
    if (failing.length) console.log(`  ${r.page}: audits below full marks: ${failing.join(', ')}`);
  }
}
console.log('\nExample site: page weight (bytes on the wire, fresh browser, 412px wide) and layout shift');
console.table(
  site.pages.map((p) =>
    p.error
      ? { page: p.page, error: p.error }
      : {
          page: p.page,
          requests: p.requests,
          transfer: kb(p.transferBytes),
          CLS: p.cls,
          'within budget': within(p.transferBytes <= sb.transferKB * 1024 && p.cls <= sb.cls),
        },
  ),
);

const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  budgets,
  sizes,
  cdn,
  peers,
  api,
  render,
  site,
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', JSON.stringify(report, null, 2));
console.log('\nWrote reports/bench.json');
