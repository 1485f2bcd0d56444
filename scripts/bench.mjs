// `npm run bench`: measurements that inform, never gate (only size budgets gate, in npm test).
// Prints a table and writes reports/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { budgets, elements, measureCdn, measureElement, measurePeers } from './sizes.mjs';
import { measureApi } from './bench-api.mjs';

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

const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  budgets,
  sizes,
  cdn,
  peers,
  api,
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', JSON.stringify(report, null, 2));
console.log('\nWrote reports/bench.json');
