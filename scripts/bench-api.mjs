// Council API latency and throughput on loopback. Reported, never gated (DESIGN.md budget:
// p95 ≤ 50 ms for a directory search over 100k services).
//
// `measureApiAt(base)` measures one running council API (seeded, with the generated directory):
// address lookup, bin collections and the ORUK directory searches, each as
//   latency: REQUESTS sequential GETs (one at a time, so no queueing), or as many as fit in
//     LATENCY_SECONDS on a slow machine (at least MIN_REQUESTS): p50, p95, p99 in ms;
//   throughput: CONNECTIONS concurrent keep-alive connections sending GETs for
//     THROUGHPUT_SECONDS, in requests per second. Client and server share this machine's cores.
// `measureApi()` does that on SQLite and on a throwaway PostgreSQL, side by side in the result.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { postgresBinDir, startPostgres } from './postgres.mjs';
import { measureRelevance } from '../apps/council-api/test/relevance/relevance.mjs';

const REQUESTS = 300;
const MIN_REQUESTS = 50;
const LATENCY_SECONDS = 20;
const CONNECTIONS = 8;
const THROUGHPUT_SECONDS = 5;
export const DIRECTORY_SERVICES = 100_000;
/** `npm run bench -- --directory-1m`: the same again at a million services, beside the 100k figures. */
export const MILLION = 1_000_000;
const withMillion = process.argv.includes('--directory-1m');
/** Searches residents make, taken in turn so no single query's cache flatters the numbers. */
const SEARCHES = ['food bank', 'debt advice', 'toddler group', 'mental health', 'youth club', 'english classes', 'lunch club', 'carers'];

function percentile(sorted, p) {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
}

async function get(url) {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/** Latency of sequential GETs, taking the URLs in turn. */
async function latency(urls) {
  const samples = [];
  const deadline = performance.now() + LATENCY_SECONDS * 1000;
  for (let i = 0; i < REQUESTS && (i < MIN_REQUESTS || performance.now() < deadline); i++) {
    const started = performance.now();
    await get(urls[i % urls.length]);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { requests: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

/** Requests per second answered while `CONNECTIONS` workers send GETs for `THROUGHPUT_SECONDS`. */
async function throughput(urls) {
  let sent = 0;
  const started = performance.now();
  const deadline = started + THROUGHPUT_SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) await get(urls[sent++ % urls.length]);
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return Number((sent / ((performance.now() - started) / 1000)).toFixed(1));
}

/** Every figure for the council API at `base`; an endpoint that fails reports its error. */
export async function measureApiAt(base, services = DIRECTORY_SERVICES) {
  const lookup = await (await fetch(`${base}/api/v1/addresses?postcode=AN1%201AA`)).json();
  const uprn = lookup.addresses[0].uprn;
  const k = services >= 1_000_000 ? `${services / 1_000_000}M` : `${services / 1000}k`;
  const endpoints = [
    ['address lookup (AN1 1AA)', ['/api/v1/addresses?postcode=AN1%201AA']],
    ['bin collections (one property)', [`/api/v1/waste/properties/${uprn}/collections`]],
    [`ORUK services search (${k} services)`, SEARCHES.map((q) => `/oruk/services?search=${encodeURIComponent(q)}&per_page=10`)],
    // Near a postcode, as the directory element asks: /services, each service once at its nearest.
    [`ORUK services AN1 1AA within 5 km (${k})`, ['/oruk/services?postcode=AN1%201AA&proximity=5000&per_page=10']],
    [`ORUK services search + AN1 1AA within 5 km (${k})`, SEARCHES.map((q) => `/oruk/services?search=${encodeURIComponent(q)}&postcode=AN1%201AA&proximity=5000&per_page=10`)],
    [`ORUK service_at_locations AN1 1AA within 5 km (${k})`, ['/oruk/service_at_locations?postcode=AN1%201AA&proximity=5000&per_page=10']],
  ];
  const results = [];
  for (const [name, paths] of endpoints) {
    const urls = paths.map((path) => `${base}${path}`);
    try {
      results.push({ name, ...(await latency(urls)), connections: CONNECTIONS, requestsPerSecond: await throughput(urls) });
    } catch (error) {
      results.push({ name, error: String(error) });
    }
  }
  return results;
}

/** Runs the built generator: `count` more services into `databaseUrl` (migrating and seeding it first); seconds taken. */
async function generate(databaseUrl, count) {
  const generator = fileURLToPath(new URL('../apps/council-api/dist/generate-directory.js', import.meta.url));
  const started = performance.now();
  await promisify(execFile)(process.execPath, [generator, '--count', String(count), '--database', databaseUrl], { maxBuffer: 1 << 24 });
  return Number(((performance.now() - started) / 1000).toFixed(1));
}

/** The built API on `databaseUrl` for the length of `work`. */
async function withServer(databaseUrl, work) {
  const { startServer } = await import('../apps/council-api/dist/server.js');
  const server = await startServer({ port: 0, databaseUrl, councilDemo: 'anytown', logLevel: 'silent', rateLimitPerMinute: 1_000_000, handleSignals: false });
  try {
    return await work(server.url);
  } finally {
    await server.close();
  }
}

/**
 * One database's figures: search relevance over the demo directory alone (the judged searches,
 * test/relevance/), then 100k services generated into it with the council API's own generator
 * (timed) and `measureApiAt`; with `--directory-1m`, generated up to a million and measured again.
 */
async function measureDatabase(databaseUrl) {
  await generate(databaseUrl, 0);
  const relevance = await withServer(databaseUrl, (base) => measureRelevance(base)).catch((error) => ({ error: String(error) }));
  const generatorSeconds = await generate(databaseUrl, DIRECTORY_SERVICES);
  const endpoints = await withServer(databaseUrl, (base) => measureApiAt(base));
  if (!withMillion) return { relevance, generatorSeconds, endpoints };
  // The million is generated in one run, as a council loading its region would (the 100k stay in).
  const millionSeconds = await generate(databaseUrl, MILLION - DIRECTORY_SERVICES);
  const million = await withServer(databaseUrl, (base) => measureApiAt(base, MILLION));
  return { relevance, generatorSeconds, endpoints, million: { generatorSeconds: millionSeconds, endpoints: million } };
}

/**
 * The built council API on SQLite (a temporary file) and on PostgreSQL (a throwaway cluster, see
 * postgres.mjs), the same data and the same client in the same run, one after the other so they
 * never share the cores. PostgreSQL is left out, and says why, when it is not installed.
 */
export async function measureApi() {
  const databases = {};
  const generatorSeconds = {};
  const skipped = {};
  const relevance = {};
  const million = { services: MILLION, generatorSeconds: {}, databases: {} };
  const keep = (db, result) => {
    databases[db] = result.endpoints;
    generatorSeconds[db] = result.generatorSeconds;
    relevance[db] = result.relevance;
    if (result.million) {
      million.databases[db] = result.million.endpoints;
      million.generatorSeconds[db] = result.million.generatorSeconds;
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'council-bench-api-'));
  try {
    keep('sqlite', await measureDatabase(join(dir, 'bench.sqlite')));
  } catch (error) {
    databases.sqlite = [{ name: 'all', error: String(error) }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!postgresBinDir()) {
    skipped.postgres = 'PostgreSQL server binaries not found (apt-get install postgresql)';
  } else {
    const postgres = await startPostgres();
    try {
      keep('postgres', await measureDatabase(postgres.url));
    } catch (error) {
      databases.postgres = [{ name: 'all', error: String(error) }];
    } finally {
      postgres.stop();
    }
  }
  console.log(`Generated ${DIRECTORY_SERVICES} directory services in ${Object.entries(generatorSeconds).map(([db, s]) => `${s} s on ${db}`).join(', ')}`);
  return { services: DIRECTORY_SERVICES, generatorSeconds, skipped, databases, relevance, ...(withMillion ? { million } : {}) };
}
