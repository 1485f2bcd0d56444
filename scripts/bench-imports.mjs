// How long `council-api import addresses` takes over a 300,000-row council address file (an
// LLPG-style CSV with eastings and northings, so every row is converted to WGS84), on SQLite
// and, when it is installed, on a throwaway PostgreSQL: the first import into an empty
// database, then the same file again (every row already there: the re-import path). Reported,
// never gated; the aim is under 60 s on SQLite. Beside each wall-clock time, the CPU
// seconds this process spent (all of SQLite's work; on PostgreSQL only the client's side).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { postgresBinDir, startPostgres } from './postgres.mjs';

export const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 300_000);
const STREETS = ['HIGH STREET', 'MILL ROAD', 'CHURCH LANE', 'STATION ROAD', 'HEOL Y PARC', 'LÔN ISAF', 'PARK AVENUE', 'THE GREEN'];

/** A deterministic address file: 40 addresses a postcode, a flat in every fifth row. */
function writeAddressFile(path, rows) {
  const lines = ['UPRN,SAO_TEXT,PAO_START_NUMBER,STREET_DESCRIPTION,TOWN_NAME,POSTCODE,X_COORDINATE,Y_COORDINATE,CLASS'];
  for (let i = 0; i < rows; i++) {
    const postcode = Math.floor(i / 40);
    const outward = `AN${1 + (postcode % 20)}`;
    const inward = `${postcode % 10}${String.fromCharCode(65 + ((postcode >> 3) % 26))}${String.fromCharCode(65 + (postcode % 26))}`;
    const flat = i % 5 === 4;
    lines.push([
      String(100_000_000_000 + i),
      flat ? `FLAT ${1 + (i % 9)}` : '',
      String(1 + (i % 40)),
      `"${STREETS[postcode % STREETS.length]}"`,
      'ANYTOWN',
      `${outward} ${inward}`,
      (400_000 + (i % 1000) * 10).toFixed(2),
      (300_000 + Math.floor(i / 1000) * 10).toFixed(2),
      flat ? 'RD06' : 'RD04',
    ].join(','));
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

async function timeImports(runImport, databaseUrl, file) {
  const figures = {};
  for (const pass of ['first', 'again']) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report = await runImport(databaseUrl, 'addresses', file);
    figures[pass] = Number(((performance.now() - started) / 1000).toFixed(1));
    // This process's CPU time (SQLite runs in it): what the import costs whatever else the machine is doing.
    const { user, system } = process.cpuUsage(cpu);
    figures[`${pass}Cpu`] = Number(((user + system) / 1e6).toFixed(1));
    if (report.imported !== IMPORT_ROWS) throw new Error(`imported ${report.imported} of ${IMPORT_ROWS} rows: ${JSON.stringify(report.problems.slice(0, 3))}`);
  }
  return figures;
}

/** Seconds to import, and to import again, on each database. */
export async function measureImports() {
  const { runImport } = await import('../apps/council-api/dist/run-import.js');
  const dir = mkdtempSync(join(tmpdir(), 'council-bench-imports-'));
  const databases = {};
  const skipped = {};
  try {
    const file = join(dir, 'addresses.csv');
    writeAddressFile(file, IMPORT_ROWS);
    try {
      databases.sqlite = await timeImports(runImport, join(dir, 'bench.sqlite'), file);
    } catch (error) {
      databases.sqlite = { error: String(error) };
    }
    if (process.env.BENCH_IMPORT_SQLITE_ONLY) {
      skipped.postgres = 'BENCH_IMPORT_SQLITE_ONLY is set';
    } else if (!postgresBinDir()) {
      skipped.postgres = 'PostgreSQL server binaries not found (apt-get install postgresql)';
    } else {
      const postgres = await startPostgres();
      try {
        databases.postgres = await timeImports(runImport, postgres.url, file);
      } catch (error) {
        databases.postgres = { error: String(error) };
      } finally {
        postgres.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows: IMPORT_ROWS, databases, skipped };
}

// `node scripts/bench-imports.mjs` (after a build): just this measurement.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureImports(), null, 2));
