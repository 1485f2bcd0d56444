// Council API latency on loopback: a bounded number of sequential requests per endpoint
// against a fresh SQLite database, then the ORUK directory searches against 100k generated
// services (budget: p95 ≤ 50 ms). Reported, never gated.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REQUESTS = 300;
const DIRECTORY_SERVICES = 100_000;
/** Searches residents make, taken in turn so no single query's cache flatters the numbers. */
const SEARCHES = ['food bank', 'debt advice', 'toddler group', 'mental health', 'youth club', 'english classes', 'lunch club', 'carers'];

function percentile(sorted, p) {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
}

/** Times `REQUESTS` sequential GETs, taking the URLs in turn. */
async function time(urls) {
  const list = Array.isArray(urls) ? urls : [urls];
  const samples = [];
  for (let i = 0; i < REQUESTS; i++) {
    const url = list[i % list.length];
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { requests: REQUESTS, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

/** Starts the built council API on an ephemeral port and times its main read endpoints. */
export async function measureApi() {
  return [...(await measureCore()), ...(await measureDirectory())];
}

async function measureCore() {
  const { startServer } = await import('../apps/council-api/dist/server.js');
  const dir = mkdtempSync(join(tmpdir(), 'council-bench-'));
  const server = await startServer({ port: 0, databaseUrl: join(dir, 'bench.sqlite'), logLevel: 'silent', rateLimitPerMinute: 1_000_000, handleSignals: false });
  try {
    const lookup = await (await fetch(`${server.url}/api/v1/addresses?postcode=AN1%201AA`)).json();
    const uprn = lookup.addresses[0].uprn;
    const endpoints = [
      ['address lookup', `/api/v1/addresses?postcode=AN1%201AA`],
      ['bin collections', `/api/v1/waste/properties/${uprn}/collections`],
    ];
    const results = [];
    for (const [name, path] of endpoints) {
      try {
        results.push({ name, ...(await time(`${server.url}${path}`)) });
      } catch (error) {
        results.push({ name, error: String(error) });
      }
    }
    return results;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Generates 100k directory services into a temporary SQLite file with the council API's own
 * generator (timed), then times ORUK full-text search and postcode proximity search over them.
 */
async function measureDirectory() {
  const dir = mkdtempSync(join(tmpdir(), 'council-bench-directory-'));
  const databaseUrl = join(dir, 'directory.sqlite');
  try {
    const generator = fileURLToPath(new URL('../apps/council-api/dist/generate-directory.js', import.meta.url));
    const started = performance.now();
    await promisify(execFile)(process.execPath, [generator, '--count', String(DIRECTORY_SERVICES), '--database', databaseUrl], { maxBuffer: 1 << 24 });
    const generatorSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    console.log(`Generated ${DIRECTORY_SERVICES} directory services (plus the seed) in ${generatorSeconds} s`);

    const { startServer } = await import('../apps/council-api/dist/server.js');
    const server = await startServer({ port: 0, databaseUrl, logLevel: 'silent', rateLimitPerMinute: 1_000_000, handleSignals: false });
    try {
      const endpoints = [
        [`ORUK services search (${DIRECTORY_SERVICES / 1000}k services)`, SEARCHES.map((q) => `/oruk/services?search=${encodeURIComponent(q)}&per_page=10`)],
        [`ORUK service_at_locations AN1 1AA within 5 km (${DIRECTORY_SERVICES / 1000}k)`, ['/oruk/service_at_locations?postcode=AN1%201AA&proximity=5000&per_page=10']],
        [`ORUK service_at_locations search + AN1 1AA within 5 km (${DIRECTORY_SERVICES / 1000}k)`, SEARCHES.map((q) => `/oruk/service_at_locations?search=${encodeURIComponent(q)}&postcode=AN1%201AA&proximity=5000&per_page=10`)],
      ];
      const results = [];
      for (const [name, paths] of endpoints) {
        try {
          results.push({ name, ...(await time(paths.map((path) => `${server.url}${path}`))), services: DIRECTORY_SERVICES, generatorSeconds });
        } catch (error) {
          results.push({ name, error: String(error) });
        }
      }
      return results;
    } finally {
      await server.close();
    }
  } catch (error) {
    return [{ name: 'ORUK directory (100k services)', error: String(error) }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
