import { addDays } from '@council-kit/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { seedUprns } from '../src/server.js';
import { TODAY } from './dates.js';
import { startTestServer, type TestServer } from './helpers.js';
import { startPayStub, STUB_KEY, type PayStub } from './pay-stub.js';
import { jpeg, png } from './repairs-helpers.js';
import { encode, expectSafeAnswer, rawRequest, socketRequest, type RawRequest, type RawResponse } from './raw-http.js';
import { reportableToday } from './waste-support.js';

/**
 * Request fuzzing: property-based tests over every route in the OpenAPI document (and paths
 * that are not in it), with hostile path parameters, query strings, headers and bodies. Every
 * answer must pass `expectSafeAnswer`: never a 5xx, every 4xx a problem-details body, no stack
 * trace or SQL anywhere. One server for the file; the rate limit is out of the way (and
 * X-Forwarded-For is trusted, so garbage in it reaches the limiter's key).
 *
 * Reproduce a failure with the seed and day it prints: `COUNCIL_TEST_TODAY=<day> FUZZ_SEED=<seed> npx vitest run test/fuzz.test.ts`.
 * `FUZZ_RUNS=<factor>` scales every property's number of runs (default 1; try 10 locally).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
const SCALE = Math.max(0.1, Number(process.env.FUZZ_RUNS ?? 1));
const runs = (n: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)) });

const UPRNS = seedUprns.map((s) => s.uprn);
const REFERENCES = ['RP7K2M9Q', 'RPX4T8WN', 'RPC3M7HD', 'RPF6V2JB']; // the seeded demo repairs
/** The fuzz server's one staff token: sent on most staff requests, so the fuzzer gets past the 401. */
const STAFF_TOKEN = 'fuzz-staff-token-0123456789abcdef0123';
const POSTCODES = ['AN1 1AA', 'an11aa', 'AN1A 2FL', 'AN9 9ZZ', 'SW1A 1AA', 'GIR 0AA', 'BF1 1AA', 'JE2 3AB', 'AN1  1AA', ' AN1 1AA '];

let server: TestServer;
const errorLogs: string[] = [];
const real = {
  serviceIds: [] as string[],
  termIds: [] as string[],
  sors: [] as string[],
  slotIds: [] as string[],
  leafIds: [] as string[],
  /** Back-office event ids (made dead before the staff API is fuzzed, so some replays go through). */
  eventIds: [] as string[],
  /** A collection that can be reported missed today (so some reports get through). */
  missed: { uprns: [] as string[], serviceIds: [] as string[], dates: [] as string[] },
  /** A charged container request and its payment token (from its receipt), so some payment reads get through. */
  payment: { reference: '', token: '' },
};
let pay: PayStub;

beforeAll(async () => {
  console.log(`fuzz seed ${SEED}, runs ×${SCALE}, today ${TODAY} (set FUZZ_SEED / FUZZ_RUNS / COUNCIL_TEST_TODAY to change)`);
  // GOV.UK Pay (a local stub) is configured, so charged container requests create payments and
  // the payment routes exist to be fuzzed.
  pay = await startPayStub();
  server = await startTestServer({
    clock: fixedClock(TODAY),
    rateLimitPerMinute: 10_000_000,
    trustProxy: true,
    staffApiTokens: [STAFF_TOKEN],
    pay: { apiKey: STUB_KEY, baseUrl: pay.url, returnUrl: 'https://www.anytown.example/bins/new-bin/' },
    containerPrices: { refuse: 3500, recycling: 3500, garden: 4000 },
    logger: createLogger('error', (line) => errorLogs.push(line)),
  });
  // Real ids, mixed into the generated values so requests get past the first checks.
  const json = async (path: string) => (await server.get(path)).json() as Promise<Record<string, unknown>>;
  real.serviceIds = ((await json('/oruk/services?per_page=5')).contents as { id: string }[]).map((s) => s.id);
  real.termIds = ((await json('/oruk/taxonomy_terms?per_page=5')).contents as { id: string }[]).map((t) => t.id);
  const catalogue = (await json('/api/v1/repairs/catalogue')) as { locations: { problems: { leaves: { id: string; sor: string }[] }[] }[] };
  const leaves = catalogue.locations.flatMap((l) => l.problems.flatMap((p) => p.leaves));
  real.sors = [...new Set(leaves.map((l) => l.sor))].slice(0, 8);
  real.leafIds = leaves.map((l) => l.id).slice(0, 8);
  const slots = (await json(`/api/v1/repairs/slots?sor=${encodeURIComponent(real.sors[0]!)}&uprn=100070000274`)) as { slots?: { id: string }[] };
  real.slotIds = (slots.slots ?? []).map((s) => s.id).slice(0, 4);
  const [reportable] = await reportableToday(server.db, TODAY, 1);
  real.missed = { uprns: [reportable!.uprn], serviceIds: [reportable!.serviceId], dates: [reportable!.collectionDate] };
  expect(real.serviceIds.length && real.termIds.length && real.sors.length).toBeTruthy();
});

afterAll(async () => {
  await server?.stop();
  await pay?.close();
});

// ── Values ───────────────────────────────────────────────────────────────────────────────────

/** Strings that have broken parsers, queries and renderers before. */
const HOSTILE = [
  '', ' ', '%', '%%', '%zz', '%0', '%00', '%E0%A4%A', '%C0%AF', '%FF%FE', '%2e%2e%2f', '%u0041', '%F0%9F%98', '%%32%65', '+', '&', '=', '&&=&', '?', '#', '/', '\\',
  "' OR '1'='1", "1; DROP TABLE addresses; --", '" OR ""="', "1' UNION SELECT name FROM sqlite_master --", "'); DELETE FROM repairs; --", '1/**/OR/**/1=1',
  'NOT', 'AND OR NEAR', '"', '""', '*', 'a*', '^a', 'name:x', 'services_search:x', '(', ')', 'NEAR(a b, 2)', '{a b}', '-a', 'a - b',
  '<script>alert(1)</script>', '"><svg onload=alert(1)>', '<img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}', '%{7*7}', '../../../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', 'C:\\Windows\\win.ini', 'file:///etc/passwd', 'javascript:alert(1)',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
  'null', 'undefined', 'true', 'NaN', 'Infinity', '-Infinity', '-1', '0', '-0', '00', '1e309', '1e-7', '0x1F', '0b1', '1_000', '9007199254740993', '99999999999999999999', '1.0', '.5', '+1', ' 1', '1 ', '1\n', '١٢٣', '１２３', '𝟏𝟐𝟑', '²',
  '\u0000', '\u0007', '\u001b[31m', '\u202e', '\ufeff', '\ud800', '\udfff', '\ud83d', '😀', '👩‍👩‍👧‍👦', 'Ⅻ', 'ß', 'İ', 'ﬃ', 'A\u030a', '\r\n', '\n', '\t', 'Zalgơ̴̡̰̣͓̐ͮ', 'Ŝ̴̡̛̰',
  '2026-02-30', '2026-11-25', '0000-00-00', '9999-12-31', '+275760-09-13', '2026-1-1', '2026-11-25T00:00:00Z', '25/11/2026',
];

const hostile = fc.constantFrom(...HOSTILE);
/** Long values, up to about 6 kB once percent-encoded (a request's head must stay under Node's 16 kB: see the test below). */
const huge = fc
  .constantFrom(['9', 6000], ['a', 6000], ['%41', 1200], ['é', 1000], ['😀', 500], [' ', 2000], ['%', 2000])
  .chain(([unit, most]) => fc.integer({ min: 64, max: most as number }).map((n) => (unit as string).repeat(n)));
/** Any string: hostile ones, random unicode (lone surrogates included), numbers, and long ones. */
const anyText = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  { weight: 1, arbitrary: huge },
);
/** One of the real values found once the server is up (generated late, so after `beforeAll`). */
const late = (values: () => readonly string[]) => fc.constant(null).chain(() => (values().length ? fc.constantFrom(...values()) : fc.constant('none')));
/** A value for a parameter: usually a plausible one for it, often anything at all. */
const param = (...plausible: fc.Arbitrary<string>[]) => fc.oneof({ weight: 4, arbitrary: fc.oneof(...plausible) }, { weight: 1, arbitrary: anyText });

const uprn = () => param(fc.constantFrom(...UPRNS), fc.constantFrom(...UPRNS), fc.nat().map(String), fc.stringMatching(/^[0-9]{1,14}$/));
const postcode = () => param(fc.constantFrom(...POSTCODES));
const date = () => param(fc.constantFrom(TODAY, addDays(TODAY, -1), `${TODAY.slice(0, 4)}-12-25`, `${Number(TODAY.slice(0, 4)) + 1}-01-01`), fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
const lang = () => param(fc.constantFrom('en', 'cy', 'cy', 'EN', 'cy-GB'));
const small = () => param(fc.integer({ min: -5, max: 200 }).map(String), fc.constantFrom('1', '2', '100', '101', '10000', '10001'));
const uuid = (ids: () => string[]) => param(fc.uuid().map(String), late(ids), fc.uuid().map((u) => u.toUpperCase()));
const reference = () => param(fc.constantFrom(...REFERENCES), fc.stringMatching(/^[A-Z0-9]{8}$/), fc.constantFrom('rp7k 2m9q', 'RP7K-2M9Q'));

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

/** A path segment, percent-encoded or raw (so `%zz`, `/`, `?` and `..` reach the router). */
const segment = (value: fc.Arbitrary<string>) => fc.tuple(value, fc.nat(3)).map(([v, raw]) => encode(v, raw === 0));

/**
 * A query string: some of the route's parameters (each possibly repeated), some unknown ones,
 * keys without values and values without keys, each encoded or raw, in any order.
 */
function query(known: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const names = Object.keys(known);
  const pair = fc.oneof(
    { weight: 6, arbitrary: names.length ? fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), known[name]!)) : fc.tuple(anyText, anyText) },
    { weight: 1, arbitrary: fc.tuple(anyText, anyText) },
  );
  const part = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(pair, fc.boolean()).map(([[name, value], raw]) => `${encode(name, raw)}=${encode(value, raw)}`) },
    { weight: 1, arbitrary: anyText.map((name) => encode(name, true)) },
    { weight: 1, arbitrary: fc.constantFrom('=', '&', '=x', 'a=b=c', '%', '[]=1', 'a[b]=1', 'postcode[]=AN1%201AA', ';') },
  );
  return fc.tuple(fc.array(part, { maxLength: 6 }), fc.boolean()).map(([parts, mark]) => (parts.length ? `?${parts.join('&')}` : mark ? '?' : ''));
}

const ORIGINS = ['http://localhost:4173', 'https://evil.example', 'null', '*', 'http://localhost:4173.evil.example', ''];
const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=UTF-16', 'application/problem+json', 'application/merge-patch+json',
  'application/vnd.api+json', 'application/jsonp', 'application/json-seq', 'text/json', 'text/plain', 'text/html', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x', 'application/xml', 'application/octet-stream', 'image/png', 'image/jpeg', 'image/svg+xml', '*/*', 'json', ';', 'application/json, text/plain',
];
/** A header value node:http will send (tab, printable ASCII, Latin-1). */
const headerText = fc.oneof(
  hostile.filter((v) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v)),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 300 }),
  fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((n) => String.fromCharCode(n)), maxLength: 20 }),
);
const idempotencyKey = fc.oneof(fc.uuid().map(String), fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3'), headerText, fc.constantFrom('a'.repeat(255), 'a'.repeat(256), ' ', 'key with spaces', 'clé', '\u00ff\u00fe'));

/** Headers a client might send, any of them garbage. */
const headers = fc.record(
  {
    'Content-Type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText),
    'Idempotency-Key': idempotencyKey,
    Accept: fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'application/problem+json'), headerText),
    'Accept-Language': fc.oneof(fc.constantFrom('cy', 'en-GB,cy;q=0.5'), headerText),
    Origin: fc.oneof(fc.constantFrom(...ORIGINS), headerText),
    'If-None-Match': fc.oneof(fc.constantFrom('*', 'W/"x"', '"', ','), headerText),
    'X-Forwarded-For': fc.oneof(fc.constantFrom('203.0.113.9', '::1', 'unknown', ', , ,', '1.1.1.1, 2.2.2.2', '999.999.999.999'), headerText),
    'Content-Encoding': fc.constantFrom('gzip', 'br', 'identity', 'x-garbage'),
    'Access-Control-Request-Method': fc.constantFrom('POST', 'DELETE', 'PUT', 'GARBAGE'),
    Range: fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=9999999999-'),
    // A repair's manage token goes here: empty, malformed, the wrong scheme, the right shape but wrong.
    Authorization: fc.oneof(fc.constantFrom('Bearer ', `Bearer ${'x'.repeat(43)}`, `bearer\t${'A'.repeat(43)}`, 'Bearer a b', 'Basic dXNlcjpwYXNz', `Bearer ${'x'.repeat(5_000)}`), headerText),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, string>>;

/** An arbitrary JSON value, with keys that are hostile too. */
const anyJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
);

/**
 * A body shaped like the route expects: every field right (so requests get through to storage,
 * idempotency and notifications), one field wrong-typed, hostile or missing, or anything in
 * every field; sometimes with extra fields (`__proto__` among them).
 */
function shaped(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const bad = fc.oneof(anyJson, anyText, fc.constant(undefined));
  const allGood = fc.record(fields);
  const oneWrong = fc.tuple(allGood, fc.constantFrom(...names), bad).map(([body, name, value]) => ({ ...body, [name]: value }));
  const anything = fc.record(
    Object.fromEntries(names.map((name) => [name, fc.oneof({ weight: 3, arbitrary: fields[name]! }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: anyText })])),
    { requiredKeys: [] },
  );
  const extras = fc.dictionary(fc.oneof(anyText, fc.constantFrom('__proto__', 'constructor', 'prototype')), anyJson, { maxKeys: 2 });
  return fc
    .tuple(fc.oneof({ weight: 2, arbitrary: allGood }, { weight: 3, arbitrary: oneWrong }, { weight: 2, arbitrary: anything }), fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: extras }))
    .map(([body, extra]) => {
      let text = JSON.stringify(body);
      if (extra && Object.keys(extra).length) {
        // Built by hand so `__proto__` is sent as an ordinary key, as an attacker would.
        const more = Object.entries(extra).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',');
        text = text === '{}' ? `{${more}}` : `${text.slice(0, -1)},${more}}`;
      }
      return text;
    });
}

/** Contact details as the waste routes take them (email and/or phone), each possibly wrong. */
const wasteContact = fc.record(
  {
    email: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('resident@example.com', ' Resident@Example.COM ') }, { weight: 1, arbitrary: fc.emailAddress() }, { weight: 1, arbitrary: anyText }),
    phone: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('07700 900982', '01632 960001', '+44 7700 900982') }, { weight: 1, arbitrary: anyText }),
  },
  { requiredKeys: [] },
);
/** Contact details as the repairs routes take them: a preference and the detail it needs. */
const repairContact = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom({ preference: 'text', mobile: '07700 900982' }, { preference: 'email', email: 'tenant@example.com' }, { preference: 'phone', phone: '01632 960001' }) },
  fc.record(
    {
      preference: fc.constantFrom('text', 'email', 'phone', 'pigeon'),
      email: fc.oneof(fc.emailAddress(), anyText),
      phone: fc.oneof(fc.constantFrom('07700 900982', '01632 960001'), anyText),
      mobile: fc.oneof(fc.constantFrom('07700 900982'), anyText),
    },
    { requiredKeys: [] },
  ),
);

/** Bodies that are not what the route wants: not JSON, almost JSON, deep, huge, binary. */
const oddBody = fc.oneof(
  fc.constantFrom(
    '', 'null', 'true', '1', '"text"', '[]', '{}', '{', '}', '{"a":1', '{"a":1}}', "{'a':1}", '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', '\ufeff{}', '{"a":"\\ud800"}',
    '{"a":1,"a":2}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', 'uprn=100070000112&serviceId=refuse', '<?xml version="1.0"?><a>1</a>',
    '------x\r\nContent-Disposition: form-data; name="uprn"\r\n\r\n1\r\n------x--\r\n', '{"uprn":1e999}', '{"uprn":-0}', '{"description":"\\u0000"}', '\u0000\u0000\u0000',
  ),
  anyText,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 8_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 1, max: 8_000 }).map((n) => `{"uprn":"100070000112","contact":${'['.repeat(n)}${']'.repeat(n)}}`),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => JSON.stringify({ description: 'x'.repeat(n) })),
  fc.integer({ min: 1, max: 4_000 }).map((n) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])))),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

interface Case extends RawRequest {
  /** What the failure message calls it. */
  name: string;
}

const clip = (text: string, most: number) => (text.length > most ? `${text.slice(0, most)}…(${text.length} characters)` : text);
const describeCase = (c: Case) =>
  `${c.name}: ${c.method} ${clip(c.path, 300)} headers=${clip(JSON.stringify(c.headers ?? {}), 400)} body=${c.body === undefined ? 'none' : clip(JSON.stringify(c.body.toString()), 200)}${c.chunked ? ' (chunked)' : ''}`;

/** Cases print short in fast-check's counterexamples too. */
const printable = (c: Case): Case => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) });

/** The request line and headers stay under Node's 16 kB limit (what happens over it has its own test). */
const headSize = (c: Case) => c.path.length + Object.entries(c.headers ?? {}).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
const fits = (cases: fc.Arbitrary<Case>) => cases.filter((c) => headSize(c) < 14_000).map(printable);

/** Answers by route and status, printed at the end: a fuzzer that only ever hears 400 is not reaching far. */
const statuses = new Map<string, Map<number, number>>();
async function checked(c: Case): Promise<RawResponse> {
  const response = await rawRequest(server, c);
  const byStatus = statuses.get(c.name) ?? new Map<number, number>();
  byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
  statuses.set(c.name, byStatus);
  if (process.env.FUZZ_DEBUG) console.log(response.status, describeCase(c), clip(response.text, 300));
  expectSafeAnswer(response, describeCase(c), { head: c.method === 'HEAD' });
  return response;
}
const check = async (c: Case): Promise<void> => void (await checked(c));

const get = (name: string, path: fc.Arbitrary<string>, q: fc.Arbitrary<string>) =>
  fc.tuple(path, q, fc.oneof(fc.constant({}), headers), fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS')).map(([p, s, h, method]): Case => ({ name, method, path: p + s, headers: h }));

const often = (arbitrary: fc.Arbitrary<Case>) => ({ weight: 3, arbitrary });
const sometimes = (arbitrary: fc.Arbitrary<Case>) => ({ weight: 1, arbitrary });
const readRoutes: fc.Arbitrary<Case> = fc.oneof(
  often(get('addresses', fc.constant('/api/v1/addresses'), query({ postcode: postcode() }))),
  often(get('collections', segment(uprn()).map((u) => `/api/v1/waste/properties/${u}/collections`), query({ from: date(), to: date(), lang: lang() }))),
  often(get('garden offer', segment(uprn()).map((u) => `/api/v1/waste/properties/${u}/garden`), query({ lang: lang() }))),
  often(get('calendar', segment(uprn()).map((u) => `/api/v1/waste/properties/${u}/collections.ics`), query({ lang: lang() }))),
  sometimes(get('catalogue', fc.constant('/api/v1/repairs/catalogue'), query({ lang: lang() }))),
  often(get('repair property', segment(uprn()).map((u) => `/api/v1/repairs/properties/${u}`), query({ lang: lang() }))),
  often(get('slots', fc.constant('/api/v1/repairs/slots'), query({ sor: param(late(() => real.sors)), uprn: uprn(), weeks: small() }))),
  often(get('read repair', segment(reference()).map((r) => `/api/v1/repairs/${r}`), query({ postcode: postcode(), lang: lang() }))),
  often(get('repair status', segment(reference()).map((r) => `/api/v1/repairs/${r}/status`), query({ postcode: postcode(), lang: lang() }))),
  sometimes(get('openapi', fc.constantFrom('/api/v1/openapi.json', '/oruk/openapi.json'), query({}))),
  sometimes(get('health', fc.constantFrom('/healthz', '/readyz'), query({}))),
  sometimes(get('oruk root', fc.constantFrom('/oruk', '/oruk/'), query({}))),
  {
    weight: 6,
    arbitrary: get(
      'oruk services',
      fc.constantFrom('/oruk/services', '/oruk/service_at_locations'),
      query({
        search: param(fc.constantFrom('food bank', 'mental health', 'swimming', 'café', 'Cymraeg', 'NOT a*')),
        taxonomy_term_id: param(
          late(() => real.termIds),
          fc.array(fc.uuid().map(String), { maxLength: 25 }).map((ids) => ids.join(',')),
        ),
        page: small(),
        per_page: small(),
        postcode: postcode(),
        proximity: param(fc.constantFrom('1', '1000', '100000', '100001', '0.5', '1e5', '-1')),
      }),
    ),
  },
  often(get('oruk service', segment(uuid(() => real.serviceIds)).map((id) => `/oruk/services/${id}`), query({}))),
  often(get('oruk taxonomy', fc.constant('/oruk/taxonomy_terms'), query({ page: small(), per_page: small(), parent_id: uuid(() => real.termIds) }))),
  sometimes(get('bulky catalogue', fc.constant('/api/v1/waste/bulky/catalogue'), query({}))),
  often(get('bulky dates', segment(uprn()).map((u) => `/api/v1/waste/properties/${u}/bulky-dates`), query({ items: param(fc.constantFrom('sofa:1', 'sofa:2,mattress:1', 'tyres:1', 'sofa:0', 'piano', ',', 'sofa:1,sofa:1', 'chair:99')), lang: lang() }))),
  often(get('read bulky booking', segment(reference()).map((r) => `/api/v1/waste/bulky-bookings/${r}`), query({ lang: lang() }))),
);

const missedFields = {
  uprn: fc.oneof(late(() => real.missed.uprns), fc.constantFrom(...UPRNS)),
  serviceId: fc.oneof(late(() => real.missed.serviceIds), fc.constantFrom('refuse', 'recycling', 'garden', 'food')),
  collectionDate: fc.oneof({ weight: 2, arbitrary: late(() => real.missed.dates) }, { weight: 1, arbitrary: fc.constant(TODAY) }),
  binOutInTime: fc.constant(true),
  contact: wasteContact,
};
const containerFields = {
  uprn: fc.oneof(fc.constant('100070000112'), fc.constantFrom(...UPRNS)),
  containerId: fc.constantFrom('refuse', 'recycling', 'food', 'garden'),
  reason: fc.constantFrom('lost', 'stolen', 'damaged', 'new-property', 'additional'),
  contact: wasteContact,
};
const gardenFields = {
  uprn: fc.oneof(fc.constantFrom('100070000245', '100070000179', '100070000112', '100070000345'), fc.constantFrom(...UPRNS)),
  bins: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 50 }) }),
  concession: fc.boolean(),
  contact: wasteContact,
};
const repairFields = {
  uprn: fc.oneof({ weight: 3, arbitrary: fc.constant('100070000274') }, { weight: 1, arbitrary: fc.constantFrom(...UPRNS) }),
  reporter: fc.constantFrom('tenant', 'tenant', 'tenant', 'leaseholder'),
  leafId: fc.oneof({ weight: 3, arbitrary: fc.constant('tap-dripping') }, { weight: 1, arbitrary: late(() => real.leafIds) }),
  description: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('The tap drips.', '  The tap drips.\r\nAll night.  ', 'Mae’r tap yn diferu.', '🔧'.repeat(500)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 490, maxLength: 510 }) },
  ),
  photoIds: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), anyText), { maxLength: 5 }) }),
  contact: repairContact,
};
const bulkyFields = {
  uprn: fc.oneof({ weight: 3, arbitrary: fc.constant('100070000112') }, { weight: 1, arbitrary: fc.constantFrom(...UPRNS) }),
  items: fc.oneof(
    { weight: 3, arbitrary: fc.constant([{ id: 'sofa', quantity: 1 }]) },
    { weight: 1, arbitrary: fc.array(fc.record({ id: fc.constantFrom('sofa', 'mattress', 'tyres', 'asbestos', 'piano', 'SOFA'), quantity: fc.integer({ min: -2, max: 60 }) }), { maxLength: 8 }) },
  ),
  location: fc.oneof({ weight: 3, arbitrary: fc.constant('front-garden') }, { weight: 1, arbitrary: fc.constantFrom('driveway', 'kerbside', 'other', 'roof') }),
  locationDetail: fc.oneof({ weight: 3, arbitrary: fc.constant('By the side gate') }, { weight: 1, arbitrary: anyText }),
  // 9 High Street's bulky collections are on Tuesdays: mostly those, so bookings get through.
  collectionDate: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...Array.from({ length: 35 }, (_, i) => addDays(TODAY, i)).filter((day) => new Date(`${day}T12:00:00Z`).getUTCDay() === 2)) },
    { weight: 1, arbitrary: fc.constantFrom(...Array.from({ length: 35 }, (_, i) => addDays(TODAY, i)), '2026-02-30', 'tomorrow') },
  ),
  contact: wasteContact,
};
const bulkyChangeFields = { collectionDate: fc.constantFrom(...Array.from({ length: 35 }, (_, i) => addDays(TODAY, i)), 'next week') };
const bulkyPath = () => ({
  good: fc.tuple(fc.stringMatching(/^[23456789A-HJKMNP-Z]{8}$/), fc.constantFrom('', '?lang=cy')).map(([r, l]) => `/api/v1/waste/bulky-bookings/${r}${l}`),
  fuzzed: fc.tuple(segment(reference()), query({ lang: lang() })).map(([r, q]) => `/api/v1/waste/bulky-bookings/${r}${q}`),
});
const moveFields = { slotId: late(() => real.slotIds) };
const cancelFields = { reason: fc.constantFrom('fixed', 'no-longer-needed', 'other', 'wrong'), detail: fc.oneof(fc.constant('Fixed it myself.'), anyText) };

const jsonHeaders = fc
  .tuple(
    headers,
    fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
    fc.oneof({ weight: 3, arbitrary: fc.oneof(fc.uuid().map(String), fc.constantFrom('fuzz-1', 'fuzz-2')) }, { weight: 1, arbitrary: idempotencyKey }, { weight: 1, arbitrary: fc.constant(undefined) }),
    fc.boolean(),
  )
  .map(([h, type, key, plain]) => ({ ...(plain ? {} : h), 'Content-Type': type, ...(key === undefined ? {} : { 'Idempotency-Key': key }) }) as Record<string, string>);
/** What a well-behaved client sends: JSON, and a fresh key or one of a few reused ones (so replays and reuse are exercised). */
const goodHeaders = fc
  .oneof(fc.uuid().map(String), fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3'))
  .map((key) => ({ 'Content-Type': 'application/json', 'Idempotency-Key': key }) as Record<string, string>);

/**
 * A write: often a valid request (so storage, idempotency and notifications run, and fuzzed
 * values in one field at a time reach the deeper checks); otherwise fuzzed path, headers and body.
 */
function write(name: string, method: string, paths: { good: fc.Arbitrary<string>; fuzzed: fc.Arbitrary<string> }, fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Case> {
  const valid = fc.tuple(paths.good, goodHeaders, fc.oneof({ weight: 2, arbitrary: fc.record(fields).map((b) => JSON.stringify(b)) }, { weight: 3, arbitrary: shaped(fields) }));
  const fuzzed = fc.tuple(paths.fuzzed, jsonHeaders, fc.oneof({ weight: 3, arbitrary: shaped(fields) }, { weight: 2, arbitrary: oddBody }));
  return fc
    .tuple(fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: fuzzed }), fc.boolean())
    .map(([[path, h, body], chunked]): Case => ({ name, method, path, headers: h, body, chunked }));
}

const repairPath = () => ({
  good: fc.tuple(fc.constantFrom(...REFERENCES), fc.constantFrom('', '&lang=cy')).map(([r, l]) => `/api/v1/repairs/${r}?postcode=AN1%201AA${l}`),
  fuzzed: fc.tuple(segment(reference()), query({ postcode: postcode(), lang: lang() })).map(([r, q]) => `/api/v1/repairs/${r}${q}`),
});

/** Without the manage link: ask for a one-time code, and exchange it (codes the fuzzer cannot know, so mostly wrong). */
const codeFields = { postcode: postcode() };
const tokenFields = { postcode: postcode(), code: param(fc.stringMatching(/^[0-9]{6}$/), fc.constantFrom('123 456', '000000', '1234567')) };
const codePath = (action: 'code' | 'token') => ({
  good: fc.tuple(fc.constantFrom(...REFERENCES), fc.constantFrom('', '?lang=cy')).map(([r, l]) => `/api/v1/repairs/${r}/${action}${l}`),
  fuzzed: fc.tuple(segment(reference()), query({ lang: lang() })).map(([r, q]) => `/api/v1/repairs/${r}/${action}${q}`),
});

const writeRoutes = (): fc.Arbitrary<Case> =>
  fc.oneof(
    write('missed collection', 'POST', { good: fc.constant('/api/v1/waste/missed-collections'), fuzzed: query({}).map((q) => `/api/v1/waste/missed-collections${q}`) }, missedFields),
    write('container request', 'POST', { good: fc.constant('/api/v1/waste/container-requests'), fuzzed: query({}).map((q) => `/api/v1/waste/container-requests${q}`) }, containerFields),
    write('garden subscription', 'POST', { good: fc.constantFrom('/api/v1/waste/garden-subscriptions', '/api/v1/waste/garden-subscriptions?lang=cy'), fuzzed: query({ lang: lang() }).map((q) => `/api/v1/waste/garden-subscriptions${q}`) }, gardenFields),
    write('repair', 'POST', { good: fc.constantFrom('/api/v1/repairs', '/api/v1/repairs?lang=cy'), fuzzed: query({ lang: lang() }).map((q) => `/api/v1/repairs${q}`) }, repairFields),
    write('move repair', 'PATCH', repairPath(), moveFields),
    write('cancel repair', 'DELETE', repairPath(), cancelFields),
    write('repair code', 'POST', codePath('code'), codeFields),
    write('repair token', 'POST', codePath('token'), tokenFields),
    write('bulky booking', 'POST', { good: fc.constantFrom('/api/v1/waste/bulky-bookings', '/api/v1/waste/bulky-bookings?lang=cy'), fuzzed: query({ lang: lang() }).map((q) => `/api/v1/waste/bulky-bookings${q}`) }, bulkyFields),
    write('move bulky booking', 'PATCH', bulkyPath(), bulkyChangeFields),
    write('cancel bulky booking', 'DELETE', bulkyPath(), { note: fc.oneof(fc.constant(undefined), anyText) }),
  );

/**
 * A real JPEG or PNG, then cut short, with a byte changed, with bytes inserted, or with something
 * appended: most must be refused (the structure or a CRC breaks); the rest must be whole images.
 */
const mutatedImage = fc
  .tuple(fc.constantFrom(jpeg(), png(), png(1, 1)), fc.constantFrom('cut', 'flip', 'insert', 'append', 'none'), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }))
  .map(([image, how, at, bytes]) => {
    const i = at % image.length;
    const out = Buffer.from(image);
    if (how === 'cut') return out.subarray(0, i);
    if (how === 'flip') out[i] = out[i]! ^ (bytes[0]! || 1);
    if (how === 'insert') return Buffer.concat([out.subarray(0, i), bytes, out.subarray(i)]);
    if (how === 'append') return Buffer.concat([out, bytes]);
    return out;
  });

/** Uploads: any bytes, any declared type, real images mangled, the start of a real image with garbage after it. */
const uploads: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof(fc.constantFrom('image/jpeg', 'image/png', 'image/jpg', 'IMAGE/PNG; q=1', 'image/gif', 'image/webp', 'application/json', ''), headerText),
    fc.oneof(
      mutatedImage,
      mutatedImage,
      fc.uint8Array({ maxLength: 4_000 }),
      fc.uint8Array({ maxLength: 2_000 }).map((b) => Uint8Array.from([0xff, 0xd8, 0xff, ...b])),
      fc.uint8Array({ maxLength: 2_000 }).map((b) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...b])),
      fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...b])),
    ),
    fc.boolean(),
    query({}),
  )
  .map(([type, bytes, chunked, q]): Case => ({ name: 'photo', method: 'POST', path: `/api/v1/repairs/photos${q}`, headers: type === '' ? {} : { 'Content-Type': type }, body: Buffer.from(bytes), chunked }));

/** Any method on any path, known or not, with any body. */
const anywhere: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'),
    fc.constantFrom('', '/api', '/api/v1', '/api/v2', '/oruk', '/api/v1/waste', '/api/v1/repairs', '/api/v1/repairs/photos', '/api/v1/waste/properties'),
    fc.array(segment(anyText), { maxLength: 4 }),
    fc.constantFrom('', '/', '//', '/.', '/..', '.json', '.ics', '%2F', ';x=1'),
    query({}),
    headers,
    fc.option(oddBody, { nil: undefined }),
  )
  .map(([method, prefix, segments, suffix, q, h, body]): Case => {
    const path = `${prefix}/${segments.join('/')}${suffix}`.replace(/^\/?/, '/') + q;
    return { name: 'anywhere', method, path, headers: h, ...(body === undefined || method === 'HEAD' ? {} : { body }) };
  });

/**
 * The staff API: mostly with the real token (so filters, paging, CSV and replay are reached),
 * sometimes a wrong or malformed one; any Origin (none may get CORS).
 */
const staffAuthorization = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(`Bearer ${STAFF_TOKEN}`, `bearer ${STAFF_TOKEN}`) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bearer ', `Bearer ${STAFF_TOKEN}x`, `Basic ${STAFF_TOKEN}`, `Bearer ${STAFF_TOKEN.slice(1)}`) },
  { weight: 1, arbitrary: headerText },
);
const staffHeaders = fc
  .tuple(fc.oneof(fc.constant({}), headers), staffAuthorization, fc.constantFrom(undefined, 'text/csv', 'application/json'))
  .map(([h, authorization, accept]) => ({ ...h, Authorization: authorization, ...(accept ? { Accept: accept } : {}) }) as Record<string, string>);
const instant = () => param(fc.constantFrom(TODAY, `${TODAY}T00:00:00Z`, `${TODAY}T10:00:00+01:00`, '2026-02-30', '2026-12-03T25:00:00Z'), date());
const staffRoutes: fc.Arbitrary<Case> = fc.oneof(
  fc
    .tuple(
      query({
        type: param(fc.constantFrom('missed-collection', 'container-request', 'repair')),
        delivery: param(fc.constantFrom('pending', 'delivering', 'delivered', 'dead', 'none')),
        since: instant(),
        until: instant(),
        page: small(),
        pageSize: small(),
        format: param(fc.constantFrom('json', 'csv')),
      }),
      staffHeaders,
      fc.constantFrom('GET', 'GET', 'HEAD', 'OPTIONS'),
    )
    .map(([q, h, method]): Case => ({ name: 'staff submissions', method, path: `/api/v1/staff/submissions${q}`, headers: h })),
  fc
    .tuple(query({ status: param(fc.constantFrom('pending', 'delivering', 'delivered', 'dead')), page: small(), pageSize: small() }), staffHeaders)
    .map(([q, h]): Case => ({ name: 'staff deliveries', method: 'GET', path: `/api/v1/staff/deliveries${q}`, headers: h })),
  fc
    .tuple(query({ status: param(fc.constantFrom('pending', 'sending', 'sent', 'failed')), page: small(), pageSize: small() }), staffHeaders)
    .map(([q, h]): Case => ({ name: 'staff notifications', method: 'GET', path: `/api/v1/staff/notifications${q}`, headers: h })),
  fc
    .tuple(segment(uuid(() => real.eventIds)), staffHeaders, fc.constantFrom('POST', 'POST', 'GET', 'DELETE'), fc.option(oddBody, { nil: undefined }))
    .map(([id, h, method, body]): Case => ({ name: 'staff replay', method, path: `/api/v1/staff/deliveries/${id}/replay`, headers: h, ...(body === undefined ? {} : { body }) })),
);

/**
 * A charged container request's payment (GOV.UK Pay): its real reference and token mostly, or
 * another request's, a wrong, malformed or missing token; any method, language and body.
 */
const paymentAuthorization = fc.oneof(
  { weight: 3, arbitrary: late(() => [`Bearer ${real.payment.token}`]) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bearer ', `Bearer ${'A'.repeat(43)}`, 'Basic dXNlcjpwYXNz') },
  { weight: 1, arbitrary: headerText },
);
const paymentRoutes: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: late(() => [real.payment.reference]) }, { weight: 1, arbitrary: fc.constantFrom(...REFERENCES) }, { weight: 1, arbitrary: segment(reference()) }),
    query({ lang: lang() }),
    fc.oneof(fc.constant({}), headers),
    paymentAuthorization,
    fc.constantFrom('GET', 'GET', 'POST', 'POST', 'HEAD', 'OPTIONS', 'DELETE'),
    fc.option(oddBody, { nil: undefined }),
    fc.constantFrom('container-requests', 'container-requests', 'garden-subscriptions'),
  )
  .map(([r, q, h, authorization, method, body, collection]): Case => ({
    name: `${collection} payment`,
    method,
    path: `/api/v1/waste/${collection}/${r}/payment${q}`,
    headers: { ...h, Authorization: authorization },
    ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body }),
  }));

describe('request fuzzing: no request makes the API fail, leak or answer an error without a problem', () => {
  it('reads: addresses, collections and calendars, the repairs catalogue, property, slots and repairs, the ORUK directory', async () => {
    await fc.assert(fc.asyncProperty(fits(readRoutes), check), runs(200));
  }, 90_000);

  it('writes: missed collections, container requests, repairs, moving and cancelling repairs, one-time codes and tokens', async () => {
    await fc.assert(fc.asyncProperty(fits(writeRoutes()), check), runs(350));
  }, 90_000);

  it('container payments: reading and retrying a payment with good, wrong and garbage tokens; Pay\'s key never leaves', async () => {
    const sent = await server.get('/api/v1/waste/container-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uprn: '100070000112', containerId: 'refuse', reason: 'lost' }),
    });
    const receipt = (await sent.json()) as { reference: string; payment?: { token: string } };
    expect(receipt.payment?.token).toBeTruthy();
    real.payment = { reference: receipt.reference, token: receipt.payment!.token };
    await fc.assert(
      fc.asyncProperty(fits(paymentRoutes), async (c) => {
        const response = await checked(c);
        expect(response.text, describeCase(c)).not.toContain(STUB_KEY);
        if (response.status < 400 && c.method !== 'HEAD' && c.method !== 'OPTIONS') expect(response.headers['cache-control'], describeCase(c)).toBe('no-store');
      }),
      runs(80),
    );
    expect(pay.refused).toEqual([]);
  }, 90_000);

  it('the staff API: filters, paging, CSV and replay, with good, wrong and garbage tokens; never CORS', async () => {
    // Some dead deliveries, so replays succeed as well as being refused.
    await server.db.updateTable('handoff_deliveries').set({ status: 'dead' }).execute();
    real.eventIds = (await server.db.selectFrom('handoff_deliveries').select('event_id').limit(20).execute()).map((r) => r.event_id);
    await fc.assert(
      fc.asyncProperty(fits(staffRoutes), async (c) => {
        const response = await checked(c);
        expect(response.headers['access-control-allow-origin'], describeCase(c)).toBeUndefined();
        // (A HEAD answer has no body to cache, and Hono rebuilds it without the middleware's headers.)
        if (response.status < 400 && c.method !== 'HEAD') expect(response.headers['cache-control'], describeCase(c)).toBe('no-store');
      }),
      runs(120),
    );
  }, 90_000);

  it('photo uploads: any bytes under any declared type', async () => {
    await fc.assert(fc.asyncProperty(fits(uploads), check), runs(80));
  }, 90_000);

  it('any method on any path, with any headers and body', async () => {
    await fc.assert(fc.asyncProperty(fits(anywhere), check), runs(120));
  }, 90_000);

  it('hand-picked extremes: the body limit, deep nesting, huge and repeated parameters, chunked bodies', async () => {
    const big = (n: number) => JSON.stringify({ uprn: '100070000112', description: 'x'.repeat(n) });
    const json = { 'Content-Type': 'application/json', 'Idempotency-Key': 'fuzz-extreme' };
    const cases: Case[] = [
      { name: 'just under the body limit', method: 'POST', path: '/api/v1/waste/missed-collections', headers: json, body: big(64 * 1024 - 60) },
      { name: 'just over the body limit', method: 'POST', path: '/api/v1/waste/missed-collections', headers: json, body: big(64 * 1024) },
      { name: 'over the body limit, chunked', method: 'POST', path: '/api/v1/repairs', headers: json, body: big(200 * 1024), chunked: true },
      { name: '1 MB, chunked', method: 'PATCH', path: '/api/v1/repairs/RPX4T8WN?postcode=AN1%201AA', headers: json, body: big(1024 * 1024), chunked: true },
      { name: 'deep arrays', method: 'POST', path: '/api/v1/waste/container-requests', headers: json, body: '['.repeat(30_000) + ']'.repeat(30_000) },
      { name: 'deep objects', method: 'POST', path: '/api/v1/repairs', headers: json, body: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) },
      { name: 'deep field', method: 'POST', path: '/api/v1/repairs', headers: json, body: `{"contact":${'{"email":'.repeat(5_000)}1${'}'.repeat(5_000)}}` },
      { name: 'many fields', method: 'POST', path: '/api/v1/waste/missed-collections', headers: json, body: JSON.stringify(Object.fromEntries(Array.from({ length: 6_000 }, (_, i) => [`f${i}`, i]))) },
      { name: 'long keys', method: 'POST', path: '/api/v1/waste/missed-collections', headers: json, body: JSON.stringify({ ['<script>'.repeat(2_000)]: 1 }) },
      { name: 'repeated parameters', method: 'GET', path: `/oruk/services?${Array.from({ length: 500 }, (_, i) => `page=${i}&search=a${i}`).join('&')}` },
      { name: 'a long search', method: 'GET', path: `/oruk/services?search=${'a%20'.repeat(2_000)}` },
      { name: 'many search words', method: 'GET', path: `/oruk/services?search=${Array.from({ length: 60 }, (_, i) => `w${i}`).join('+')}` },
      { name: 'many taxonomy terms', method: 'GET', path: `/oruk/services?taxonomy_term_id=${Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',')}` },
      { name: 'a long postcode', method: 'GET', path: `/api/v1/addresses?postcode=${'A'.repeat(8_000)}` },
      { name: 'a long UPRN', method: 'GET', path: `/api/v1/waste/properties/${'1'.repeat(8_000)}/collections` },
      { name: 'a long reference', method: 'GET', path: `/api/v1/repairs/${'R'.repeat(8_000)}?postcode=AN1%201AA` },
      { name: 'a huge range', method: 'GET', path: '/api/v1/waste/properties/100070000112/collections?from=0001-01-01&to=9999-12-31' },
      { name: 'the furthest page', method: 'GET', path: '/oruk/service_at_locations?page=10000&per_page=100&postcode=AN1%201AA&proximity=100000' },
      { name: 'a malformed escape in a path', method: 'GET', path: '/oruk/services/%E0%A4%A' },
      { name: 'a NUL in a path', method: 'GET', path: '/api/v1/repairs/properties/%00' },
      { name: 'a dot-dot path', method: 'GET', path: '/api/v1/../../../etc/passwd' },
      { name: 'an absolute URL as the target', method: 'GET', path: 'http://evil.example/api/v1/addresses?postcode=AN1%201AA' },
      { name: 'a long Idempotency-Key', method: 'POST', path: '/api/v1/waste/missed-collections', headers: { ...json, 'Idempotency-Key': 'k'.repeat(8_000) }, body: '{}' },
      { name: 'a long Content-Type', method: 'POST', path: '/api/v1/repairs', headers: { 'Content-Type': `application/json;${' a=b;'.repeat(1_500)}`, 'Idempotency-Key': 'x' }, body: '{}' },
      { name: 'a long If-None-Match', method: 'GET', path: '/api/v1/repairs/catalogue', headers: { 'If-None-Match': 'W/"x",'.repeat(1_500) } },
      { name: 'a long X-Forwarded-For', method: 'GET', path: '/healthz', headers: { 'X-Forwarded-For': '10.0.0.1, '.repeat(1_000) } },
    ];
    for (const c of cases) await check(c);
  });

  it('leaves the API healthy: ready, nothing logged as an unhandled error, no prototype polluted', async () => {
    expect((await server.get('/readyz')).status).toBe(200);
    expect(errorLogs).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const table = [...statuses].map(([name, byStatus]) => `  ${name}: ${[...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`);
    console.log(`fuzz answers by route and status:\n${table.join('\n')}`);
  });
});

/**
 * Requests refused before Hono sees them: by @hono/node-server while it builds the Request (a
 * backslash in the path, a Host header that is not a host, an absolute URL it cannot parse), or
 * by Node's HTTP parser (a request head over 16 kB, bytes that are not HTTP). These answer a bare
 * 400/431 today (no body, `text/plain` or no Content-Type); they should be problems like
 * every other refusal.
 */
describe('requests refused by the HTTP layer still get a problem', () => {
  const cases: [string, () => Promise<RawResponse>][] = [
    ['a backslash in the path', () => rawRequest(server, { method: 'GET', path: '/api/v1\\addresses?postcode=AN1%201AA' })],
    ['a Host header with a path in it', () => rawRequest(server, { method: 'GET', path: '/healthz', headers: { Host: 'evil.example/x' } })],
    ['a Host header with a space in it', () => rawRequest(server, { method: 'GET', path: '/healthz', headers: { Host: 'a b' } })],
    ['an absolute URL that is not a URL', () => rawRequest(server, { method: 'GET', path: 'http://[::1/api/v1/addresses' })],
    ['a URL over 16 kB', () => rawRequest(server, { method: 'GET', path: `/api/v1/addresses?postcode=${'A'.repeat(17_000)}` })],
    ['headers over 16 kB', () => rawRequest(server, { method: 'GET', path: '/healthz', headers: { 'X-Padding': 'x'.repeat(17_000) } })],
    ['a control character in a header', () => socketRequest(server, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\n\r\n')],
    ['a method HTTP does not have', () => socketRequest(server, 'FETCH /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')],
    ['a request line that is not HTTP', () => socketRequest(server, 'hello\r\n\r\n')],
  ];
  it.each(cases)('%s', async (name, send) => {
    const response = await send();
    expect(response.status, name).toBeGreaterThanOrEqual(400);
    expectSafeAnswer(response, name);
  });
});
