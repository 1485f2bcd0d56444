import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { testToday } from '../../../scripts/test-today.mjs';
import { generateSeedAddresses } from '../../council-api/src/addresses/seed-data.ts';
import { defaultRoot, startSite } from '../server.mjs';
import { fatal, freePort, waitFor } from './support/wait.ts';
import type { ReportableProperty } from './support/journeys.ts';

// Starts the council API (a fresh SQLite file, COUNCIL_TODAY = testToday) and the built site
// (startSite, which puts <meta name="council-today"> in every page, serving a snapshot of dist/),
// finds properties whose missed-collection window is open today, and hands all of it to the
// tests through `provide`. The returned teardown stops both and deletes the files.

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    testToday: string;
    /** One per journey that reports a missed bin (the API answers a second report of a collection as a duplicate). */
    reportable: ReportableProperty[];
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const apiMain = path.resolve(here, '../../council-api/dist/main.js');

/** How many missed-bin reports the suite sends: English and Welsh, in each of three engines. */
const reportsNeeded = 6;

/** The pages the journeys open: the snapshot of dist/ must have them all. */
const pagesUsed = [
  'find-your-address/index.html',
  'find-your-address/submitted.html',
  'bins/collection-days/index.html',
  'bins/report-missed/index.html',
  'bins/new-bin/index.html',
  'repairs/report/index.html',
  'repairs/appointment/index.html',
  'local-services/index.html',
  'local-services/service/index.html',
  'cy/bins/collection-days/index.html',
  'cy/bins/report-missed/index.html',
];

/**
 * A copy of the built site, so a build started while the suite runs (which empties dist/ first)
 * cannot pull pages from under it.
 */
async function snapshotSite(): Promise<string> {
  const missing = async (dir: string) => (await Promise.all(pagesUsed.map((page) => stat(path.join(dir, page)).then(() => '', () => page)))).filter(Boolean);
  const absent = await missing(defaultRoot);
  if (absent.length) throw new Error(`${defaultRoot} lacks ${absent.join(', ')}: build the site first (npx turbo run build --filter=@council-kit/example-site...).`);
  const copy = await mkdtemp(path.join(tmpdir(), 'council-kit-engines-site-'));
  await cp(defaultRoot, copy, { recursive: true });
  const torn = await missing(copy);
  if (torn.length) throw new Error(`dist/ changed while it was copied (a build running?): ${torn.join(', ')} missing. Run the suite again once the build is done.`);
  return copy;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = path.join(tmpdir(), `council-kit-engines-${process.pid}-${Date.now()}.sqlite`);
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const stderr: string[] = [];
  const api: ChildProcess = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATABASE_URL: database,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '100000',
      COUNCIL_TODAY: testToday,
      // The Anytown demo data the journeys use.
      COUNCIL_DEMO: 'anytown',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  api.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let exited: string | undefined;
  api.once('exit', (code, signal) => (exited = `exited (${signal ?? code})`));

  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  let root: string | undefined;
  const teardown = async (): Promise<void> => {
    await site?.close();
    if (root) await rm(root, { recursive: true, force: true });
    if (api.exitCode === null && api.signalCode === null) {
      const gone = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      const timer = setTimeout(() => api.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(database + suffix, { force: true })));
  };

  try {
    await waitFor(`the council API on ${apiUrl}/healthz`, 60_000, async () => {
      if (exited) throw fatal(`the council API ${exited}: ${stderr.join('').slice(-2000)}`);
      const response = await fetch(`${apiUrl}/healthz`).catch(() => undefined);
      return response?.ok === true;
    });
    root = await snapshotSite();
    site = await startSite({ port: 0, host: '127.0.0.1', apiUrl, root, today: testToday });
    const siteUrl = `http://127.0.0.1:${site.port}`;
    const reportable = await findReportable(apiUrl, reportsNeeded);
    console.log(
      `[engines] today ${testToday}; site ${siteUrl}; missed bins reported at ${reportable.map((p) => `${p.address} (${p.service})`).join('; ')}`,
    );
    project.provide('siteUrl', siteUrl);
    project.provide('testToday', testToday);
    project.provide('reportable', reportable);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

interface AddressesAnswer {
  addresses: { uprn: string; address: string }[];
}
interface CollectionsAnswer {
  services: { id: string; name: string; reportMissed: { open: boolean } }[];
}

async function getJson<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Properties with a collection that can be reported missed on testToday, asked of the API over
 * the seed's postcodes (AN1 1AA first). Rounds run Monday to Friday, one weekday per postcode,
 * and a collection is reportable until the end of the second working day after it, so some
 * postcode always has an open window; every address in a postcode shares its round day.
 */
async function findReportable(apiUrl: string, needed: number): Promise<ReportableProperty[]> {
  const postcodes = [...new Set(['AN1 1AA', ...generateSeedAddresses().map((row) => row.postcode)])];
  const found: ReportableProperty[] = [];
  let asked = 0;
  for (const postcode of postcodes) {
    const listed = await getJson<AddressesAnswer>(`${apiUrl}/api/v1/addresses?postcode=${encodeURIComponent(postcode)}`);
    asked++;
    for (const { uprn, address } of listed?.addresses ?? []) {
      const collections = await getJson<CollectionsAnswer>(`${apiUrl}/api/v1/waste/properties/${uprn}/collections`);
      const open = collections?.services.find((service) => service.reportMissed.open);
      if (!collections?.services.length) continue; // communal bins or a business: no collections
      // Everyone at a postcode shares the round day (and food is collected every week): one
      // household with nothing to report and none of its neighbours has either.
      if (!open) break;
      found.push({ postcode, address, uprn, service: open.name });
      if (found.length >= needed) return found;
    }
  }
  throw new Error(
    `No property has a missed-collection report window open on ${testToday} (asked about ${asked} postcodes, found ${found.length} of ${needed} needed): ` +
      'check the seed (apps/council-api/src/waste/seed-data.ts) and the report window rule.',
  );
}
