import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, readCollectionsResult, type CollectionsResult } from '@council-kit/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger.js';
import { splitCommandLine } from '../src/sources/command-line.js';
import { sourceProblemTypes } from '../src/sources/problems.js';
import { TODAY } from './dates.js';
import { movableClock, startTestServer, tempDir, type TestServer } from './helpers.js';
import { OS_STUB_KEY, startOsPlacesStub, uprnRecords } from './os-places-stub.js';

// The fake scraper (test/fixtures/fake-ukbcd.mjs) answers by the UPRN's last two digits.
const NINE_HIGH_STREET = '100070000112'; // seeded: AN1 1AA, in the addresses table
const UNKNOWN = '900000000001'; // not in the addresses table: the postcode comes from the query
const PREAMBLE = '900000000002';
const NOT_JSON = '900000000003';
const UNREADABLE = '900000000004';
const HANGS = '900000000005';
const FAILS = '900000000006';
const TOO_MUCH = '900000000007';
const NO_BINS = '900000000008';

const fake = fileURLToPath(new URL('./fixtures/fake-ukbcd.mjs', import.meta.url));
const temp = tempDir();
const runsLog = join(temp.dir, 'runs.log');
const logLines: string[] = [];
const clock = movableClock(TODAY);
let server: TestServer;
let impatient: TestServer;
let command = '';

beforeAll(async () => {
  writeFileSync(runsLog, '');
  // Quotes as an operator would write them, around a path that could hold spaces.
  command = `"${process.execPath}" '${fake}' {uprn} {postcode} ${TODAY} "${runsLog}"`;
  const options = (timeoutSeconds: number) => ({
    clock,
    rateLimitPerMinute: 100_000,
    sources: { addressSource: 'database' as const, wasteSource: 'ukbcd' as const, ukbcd: { argv: splitCommandLine(command), timeoutSeconds } },
    logger: createLogger('debug', (line) => logLines.push(line)),
  });
  // Node starting on a busy machine can take a second: the main server waits long enough.
  server = await startTestServer(options(20));
  // A shorter timeout, so the hanging scraper fails sooner (long enough for Node to start it).
  impatient = await startTestServer(options(2));
});

afterAll(async () => {
  await server?.stop();
  await impatient?.stop();
  temp.cleanup();
});

/** Each run's arguments (after the program and script), in order. */
const runs = (): string[][] =>
  readFileSync(runsLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);

async function collections(uprn: string, query = '', on = uprn === HANGS ? impatient : server): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await on.get(`/api/v1/waste/properties/${uprn}/collections${query}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

describe('GET …/collections from a UKBinCollectionData scraper', () => {
  it('runs the scraper with the property’s UPRN and its postcode from the addresses table, and answers the contract', async () => {
    const { status, body } = await collections(NINE_HIGH_STREET);
    expect(status).toBe(200);
    const result: CollectionsResult = readCollectionsResult(body, '');
    expect(result.uprn).toBe(NINE_HIGH_STREET);
    expect(result.address).toMatch(/High Street, Anytown, AN1 1AA$/);
    expect(result.services.map((s) => s.name)).toEqual(['Refuse', 'Green Bin', 'Checked AN1 1AA']);
    const [refuse, green] = result.services;
    expect(refuse!.upcoming).toEqual([addDays(TODAY, 2), addDays(TODAY, 16)]);
    expect(refuse!.nextCollection).toBe(addDays(TODAY, 2));
    expect(green!.previousCollection).toBe(addDays(TODAY, -1));
    expect(green!.container).toEqual({ type: 'wheelie-bin', colour: 'green' });
    // One argument each, the postcode's space inside its own: no shell ever split them.
    expect(runs().at(-1)).toEqual([NINE_HIGH_STREET, 'AN1 1AA', TODAY, runsLog]);
  });

  it('keeps the answer until the next collection day, by the app’s clock', async () => {
    const before = runs().length;
    await collections(NINE_HIGH_STREET);
    await collections(NINE_HIGH_STREET, `?from=${TODAY}&to=${addDays(TODAY, 30)}`);
    expect(runs()).toHaveLength(before);
    clock.set(addDays(TODAY, 1));
    try {
      await collections(NINE_HIGH_STREET);
      expect(runs()).toHaveLength(before);
      clock.set(addDays(TODAY, 2)); // the next collection day: asked again
      await collections(NINE_HIGH_STREET);
      expect(runs()).toHaveLength(before + 1);
    } finally {
      clock.set(TODAY);
    }
  });

  it('limits upcoming to the range asked for', async () => {
    const { body } = await collections(NINE_HIGH_STREET, `?from=${TODAY}&to=${addDays(TODAY, 7)}`);
    const refuse = (body as unknown as CollectionsResult).services[0]!;
    expect(refuse.upcoming).toEqual([addDays(TODAY, 2)]);
    expect(refuse.nextCollection).toBe(addDays(TODAY, 2));
  });

  it('takes the postcode from the query for a property the addresses table does not have', async () => {
    const { status, body } = await collections(UNKNOWN, '?postcode=an1a%202fl');
    expect(status).toBe(200);
    expect((body as unknown as CollectionsResult).services.at(-1)!.name).toBe('Checked AN1A 2FL');
    expect(runs().at(-1)?.slice(0, 2)).toEqual([UNKNOWN, 'AN1A 2FL']);
  });

  it('refuses a missing postcode, and injection attempts, before anything runs', async () => {
    const before = runs().length;
    const missing = await collections('900000000011');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: '/postcode' })]);
    for (const postcode of ['AN1 1AA; rm -rf /', '$(touch /tmp/x)', '`id`', 'AN1 1AA\n--help', '-rf']) {
      const { status } = await collections(UNKNOWN, `?postcode=${encodeURIComponent(postcode)}`);
      expect(status).toBe(400);
    }
    for (const uprn of ['1;id', '%24(id)', '123%20--help', '-1']) {
      expect((await collections(uprn)).status).toBe(400);
    }
    expect(runs()).toHaveLength(before);
  });

  it('reads JSON printed after Python’s warnings', async () => {
    const { status, body } = await collections(PREAMBLE, '?postcode=AN1%201AA');
    expect(status).toBe(200);
    expect((body as unknown as CollectionsResult).services[0]!.name).toBe('Refuse');
  });

  it('answers no services for a property with no bins', async () => {
    const { status, body } = await collections(NO_BINS, '?postcode=AN1%201AA');
    expect(status).toBe(200);
    expect(body.services).toEqual([]);
  });

  it.each([
    [NOT_JSON, 502, sourceProblemTypes.sourceUnavailable],
    [UNREADABLE, 502, sourceProblemTypes.sourceUnavailable],
    [FAILS, 502, sourceProblemTypes.sourceUnavailable],
    [TOO_MUCH, 502, sourceProblemTypes.sourceUnavailable],
    [HANGS, 504, sourceProblemTypes.sourceTimeout],
  ])('answers a problem, never the command or stderr, when the scraper fails (%s)', async (uprn, status, type) => {
    const { status: got, body, text } = await collections(uprn, '?postcode=AN1%201AA');
    expect(got).toBe(status);
    expect(body.type).toBe(type);
    expect(text).not.toMatch(/fake-ukbcd|Traceback|SCRAPER-SECRET|node/);
  });

  it('does not keep a failure: the next request runs the scraper again', async () => {
    const before = runs().length;
    expect((await collections(FAILS, '?postcode=AN1%201AA')).status).toBe(502);
    expect((await collections(FAILS, '?postcode=AN1%201AA')).status).toBe(502);
    expect(runs()).toHaveLength(before + 2);
  });

  it('kills the whole process tree of a scraper that hangs', async () => {
    const pids = logLines.flatMap((line) => [...line.matchAll(/grandchild (\d+)/g)].map((m) => Number(m[1])));
    expect(pids.length).toBeGreaterThan(0);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await vi.waitFor(() => expect(pids.filter(alive)).toEqual([]), { timeout: 5000 });
  });

  it('logs the failure with stderr, without the postcode or secrets in URLs', () => {
    const failed = logLines.filter((line) => line.includes('UKBinCollectionData scraper failed'));
    expect(failed.some((line) => line.includes('Traceback') && line.includes('exit 1'))).toBe(true);
    const all = logLines.join('\n');
    expect(all).not.toContain('SCRAPER-SECRET-1234');
    expect(all).not.toMatch(/AN1 ?1AA|AN1A ?2FL/);
  });

  it('serves the calendar from the same source', async () => {
    const response = await server.get(`/api/v1/waste/properties/${NINE_HIGH_STREET}/collections.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics).toContain(`UID:${NINE_HIGH_STREET}-refuse-${addDays(TODAY, 2).replace(/-/g, '')}@waste.council-kit.dev`);
    expect(ics).toContain('SUMMARY:Green Bin (green wheelie bin)');
    expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBe(5);
    expect((await server.get(`/api/v1/waste/properties/${NO_BINS}/collections.ics?postcode=AN1%201AA`)).status).toBe(404);
    expect((await server.get(`/api/v1/waste/properties/${FAILS}/collections.ics?postcode=AN1%201AA`)).status).toBe(502);
  });
});

describe('a scraper beside OS Places addresses (a council mixing sources)', () => {
  it('asks OS Places for the postcode of a property only OS knows, and answers both routes', async () => {
    const stub = await startOsPlacesStub();
    const mixed = await startTestServer({
      clock,
      sources: {
        addressSource: 'os-places',
        osPlaces: { apiKey: OS_STUB_KEY, url: stub.url, cacheSeconds: 3600, timeoutSeconds: 20 },
        wasteSource: 'ukbcd',
        ukbcd: { argv: splitCommandLine(command), timeoutSeconds: 20 },
      },
    });
    try {
      const only = uprnRecords[0]!;
      const response = await mixed.get(`/api/v1/waste/properties/${only.UPRN}/collections`);
      expect(response.status).toBe(200);
      const result = (await response.json()) as CollectionsResult;
      expect(result.address).toBe('7 New Road, Anytown, AN6 2NR');
      expect(runs().at(-1)?.slice(0, 2)).toEqual([only.UPRN, 'AN6 2NR']);
      expect(stub.requests.filter((r) => r.path.endsWith('/uprn')).map((r) => r.uprn)).toEqual([only.UPRN]);
      // The addresses come from OS Places on the same server.
      expect((await mixed.get('/api/v1/addresses?postcode=AN1%201AA')).status).toBe(200);
      // A UPRN OS does not know, with no postcode given: the resident is asked for one.
      const unknown = await mixed.get('/api/v1/waste/properties/200070000999/collections');
      expect(unknown.status).toBe(400);
      expect(stub.refused).toEqual([]);
    } finally {
      await mixed.stop();
      await stub.close();
    }
  });
});

describe('UKBCD_COMMAND', () => {
  it('is split like a shell’s words, without a shell’s meanings', () => {
    expect(splitCommandLine(`python -m uk_bin_collection.collect_data AnytownCouncil "https://bins.anytown.example/check?x=1&y=2" -u {uprn} -p '{postcode}'`)).toEqual([
      'python',
      '-m',
      'uk_bin_collection.collect_data',
      'AnytownCouncil',
      'https://bins.anytown.example/check?x=1&y=2',
      '-u',
      '{uprn}',
      '-p',
      '{postcode}',
    ]);
    expect(splitCommandLine('a;b | c $(d) `e`')).toEqual(['a;b', '|', 'c', '$(d)', '`e`']);
    expect(splitCommandLine(String.raw`"a \"quoted\" word" back\ slash`)).toEqual(['a "quoted" word', 'back slash']);
    expect(() => splitCommandLine('python "unclosed')).toThrow(/unclosed double quote/);
  });
});
