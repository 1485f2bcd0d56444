// Council API latency on loopback: a bounded number of sequential requests per endpoint
// against a fresh SQLite database. Reported, never gated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const REQUESTS = 300;

function percentile(sorted, p) {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
}

async function time(url) {
  const samples = [];
  for (let i = 0; i < REQUESTS; i++) {
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
