import { addDays, problemTypes, readCollectionsResult, readSubmissionReceipt, reportWindowEnd, todayInLondon } from '@council-kit/contracts';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import type { Notifier, NotifyOptions } from '../src/notify.js';
import { pipelineProblemTypes } from '../src/http/problems.js';
import { wasteProblemTypes } from '../src/waste/problems.js';
import { REFERENCE_ALPHABET } from '../src/http/references.js';
import { longDate, TODAY } from './dates.js';
import { movableClock, postJson, row, rows, startTestServer, type TestServer } from './helpers.js';
import { reportableToday, roundCollections, type LastCollection } from './waste-support.js';

// Most of these tests run on the suite's day (TODAY) and report collections that can be reported
// missed on it, found from the seed's rounds (waste-support.ts): a different property for each
// test, so no report meets another as a duplicate. "Calendar rules, on named dates" at the end
// pins the report window to particular days instead.
const NINE_HIGH_STREET = '100070000112'; // AN1 1AA: Tuesdays, garden active
const TWO_HIGH_STREET = '100070000057'; // rubbish marked not_collected on its collection days
const THREE_HIGH_STREET = '100070000084';
const ELEVEN_HIGH_STREET = '100070000179'; // garden expired
const THURSDAY_HOUSE = '100070003288'; // 1 Mill Road, AN1 5AA, Thursdays
const CASTLE_HOUSE_FLAT = '100070007641'; // communal bins
const MISSED = '/api/v1/waste/missed-collections';
const CONTAINERS = '/api/v1/waste/container-requests';
const REFERENCE = new RegExp(`^[${REFERENCE_ALPHABET}]{8}$`);
const serviceNames: Record<string, string> = { refuse: 'Rubbish', recycling: 'Recycling', food: 'Food waste', garden: 'Garden waste' };

const clock = movableClock(TODAY);
const logLines: string[] = [];
let server: TestServer;
/** Collections that can be reported missed today, each on a property of its own, none with a crew state. */
let open: LastCollection[];
/** Each round's collections from five weeks before today to five weeks after. */
let roundDates: Map<string, string[]>;

beforeAll(async () => {
  server = await startTestServer({ clock, rateLimitPerMinute: 100_000, logger: createLogger('info', (line) => logLines.push(line)) });
  const withStates = new Set(
    (await rows(server, sql<{ uprn: string }>`select uprn from waste_property_rounds where demo_today_state is not null`)).map((r) => r.uprn),
  );
  open = (await reportableToday(server.db, TODAY, 200)).filter((c) => !withStates.has(c.uprn)).slice(0, 14);
  expect(open).toHaveLength(14);
  roundDates = await roundCollections(server.db, addDays(TODAY, -35), addDays(TODAY, 35));
});

afterAll(async () => {
  await server?.stop();
});

afterEach(() => clock.set(TODAY));

/** The collection `n` of {@link open}, as a report's fields. */
const collection = (n: number) => ({ uprn: open[n]!.uprn, serviceId: open[n]!.serviceId, collectionDate: open[n]!.collectionDate });
/** A round's collections before and after today (none today). */
const datesOf = (c: LastCollection) => {
  const dates = roundDates.get(c.roundId)!;
  return { before: dates.filter((d) => d < TODAY), after: dates.filter((d) => d > TODAY) };
};
const addressOf = async (uprn: string) => readCollectionsResult(await (await server.get(`/api/v1/waste/properties/${uprn}/collections`)).json(), '').address;

const query = <T>(statement: RawBuilder<T>): Promise<T[]> => rows(server, statement);

const count = async (table: string) => (await row(server, sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`)).n;

async function send(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await postJson(server, path, body, headers);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, text, json: JSON.parse(text) as Record<string, unknown> };
}

/** A report of the first open collection (or of `overrides`). */
const missed = (overrides: Record<string, unknown> = {}) => ({ ...collection(0), binOutInTime: true, contact: {}, ...overrides });
/** A well-formed report, for the tests of malformed ones (built before the server is up: its date never matters). */
const shaped = (overrides: Record<string, unknown> = {}) => ({
  uprn: NINE_HIGH_STREET,
  serviceId: 'refuse',
  collectionDate: TODAY,
  binOutInTime: true,
  contact: {},
  ...overrides,
});

describe('POST /api/v1/waste/missed-collections', () => {
  it('stores a report, answers 201 with a reference, and queues the confirmations', async () => {
    const before = await count('notify_outbox');
    const logged = logLines.length;
    const { status, json } = await send(MISSED, missed({ contact: { email: ' resident@example.com ', phone: '+44 7700 900982' } }), {
      'Idempotency-Key': 'first-report',
    });
    expect(status).toBe(201);
    const receipt = readSubmissionReceipt(json, '');
    expect(receipt).toEqual({ reference: expect.stringMatching(REFERENCE) });

    const { uprn, serviceId, collectionDate } = collection(0);
    const [stored] = await query(sql<{ created_at: string }>`select * from missed_collection_reports where reference = ${receipt.reference}`);
    expect(stored).toEqual({
      reference: receipt.reference,
      uprn,
      service_id: serviceId,
      collection_date: collectionDate,
      bin_out_in_time: 1,
      contact_email: 'resident@example.com',
      contact_phone: '07700900982',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(todayInLondon(new Date(stored!.created_at))).toBe(TODAY); // the app's clock, not the machine's
    const outbox = await query(sql<{ channel: string; template_id: string; recipient: string; personalisation: string; reference: string }>`select channel, template_id, recipient, personalisation, reference from notify_outbox where reference = ${receipt.reference} order by id`);
    const personalisation = { reference: receipt.reference, address: await addressOf(uprn), service: serviceNames[serviceId], collection_date: longDate(collectionDate) };
    expect(outbox.map((row) => ({ ...row, personalisation: JSON.parse(row.personalisation) }))).toEqual([
      { channel: 'email', template_id: 'missed-collection-email', recipient: 'resident@example.com', personalisation, reference: receipt.reference },
      { channel: 'sms', template_id: 'missed-collection-sms', recipient: '07700900982', personalisation, reference: receipt.reference },
    ]);
    expect(await count('notify_outbox')).toBe(before + 2);

    // The request log names the route, never the UPRN, the contact details or the reference.
    const lines = logLines.slice(logged).join('\n');
    expect(lines).toMatch(/"route":"\/api\/v1\/waste\/missed-collections","status":201/);
    expect(lines).not.toMatch(new RegExp(`resident|07700|${uprn}|first-report`));
    expect(lines).not.toContain(receipt.reference);
  });

  it('writes the confirmation in the language of the form (lang=cy), and refuses a language it does not speak', async () => {
    const { uprn, serviceId, collectionDate } = collection(12);
    expect((await send(`${MISSED}?lang=de`, missed({ ...collection(12), contact: { email: 'preswylydd@example.com' } }))).status).toBe(400);
    const { status, json } = await send(`${MISSED}?lang=cy`, missed({ ...collection(12), contact: { email: 'preswylydd@example.com' } }));
    expect(status).toBe(201);
    const welsh = readCollectionsResult(await (await server.get(`/api/v1/waste/properties/${uprn}/collections?lang=cy`)).json(), '');
    const [message] = await query(sql<{ personalisation: string }>`select personalisation from notify_outbox where reference = ${json.reference as string}`);
    expect(JSON.parse(message!.personalisation)).toEqual({
      reference: json.reference,
      address: welsh.address,
      service: welsh.services.find((s) => s.id === serviceId)!.name,
      collection_date: longDate(collectionDate, 'cy'),
    });
    expect(JSON.parse(message!.personalisation).collection_date).toMatch(/^dydd /);
  });

  it('does not store a second report of the same collection: 200, the first reference, duplicate', async () => {
    const first = await send(MISSED, missed(collection(1)));
    expect(first.status).toBe(201);
    const reports = await count('missed_collection_reports');
    const outbox = await count('notify_outbox');
    for (const headers of [{}, { 'Idempotency-Key': 'another-key' }] as Record<string, string>[]) {
      const again = await send(MISSED, missed({ ...collection(1), contact: { email: 'someone@example.com' } }), headers);
      expect(again.status).toBe(200);
      expect(readSubmissionReceipt(again.json, '')).toEqual({ reference: first.json.reference, duplicate: true });
    }
    expect(await count('missed_collection_reports')).toBe(reports);
    expect(await count('notify_outbox')).toBe(outbox);
  });

  it('sends nothing when no contact details were given', async () => {
    const before = await count('notify_outbox');
    const { status, json } = await send(MISSED, missed(collection(2)));
    expect(status).toBe(201);
    expect(await count('notify_outbox')).toBe(before);
    expect(await query(sql`select contact_email, contact_phone from missed_collection_reports where reference = ${json.reference}`)).toEqual([
      { contact_email: null, contact_phone: null },
    ]);
    // A landline is kept for the council to call, but cannot take a text.
    const landline = await send(MISSED, missed({ ...collection(3), contact: { phone: '01632 960001' } }));
    expect(landline.status).toBe(201);
    expect(await count('notify_outbox')).toBe(before);
    expect(await query(sql`select contact_phone from missed_collection_reports where reference = ${landline.json.reference}`)).toEqual([{ contact_phone: '01632960001' }]);
  });

  it('refuses a collection whose report window has closed, or has not opened, with a 422 problem', async () => {
    const before = await count('missed_collection_reports');
    const c = open[4]!;
    const { before: earlier, after: later } = datesOf(c);
    const old = earlier.filter((d) => d < c.collectionDate).at(-1)!; // the collection before the last
    expect(reportWindowEnd(old) < TODAY).toBe(true);
    for (const [today, date, why] of [
      [TODAY, old, 'an earlier collection, its window long closed'],
      [addDays(c.until, 1), c.collectionDate, 'the window closed at the end of its second working day'],
      [TODAY, later[0]!, 'a future collection'],
      [later[0]!, later[0]!, 'collection day, and the crew has not said it was missed'],
    ]) {
      clock.set(today!);
      const { status, type, json } = await send(MISSED, missed({ uprn: c.uprn, serviceId: c.serviceId, collectionDate: date }));
      expect(status, `${why}: ${date} on ${today}`).toBe(422);
      expect(type).toBe('application/problem+json');
      expect(json).toMatchObject({ type: wasteProblemTypes.reportWindowClosed, status: 422, errors: [{ path: '/collectionDate' }] });
    }
    expect(await count('missed_collection_reports')).toBe(before);
  });

  it('accepts a report on collection day once the crew has marked it not collected', async () => {
    // 2 High Street's rubbish shows not_collected on its collection days: the next one from today.
    const [{ round_id }] = (await rows(server, sql<{ round_id: string }>`select round_id from waste_property_rounds where uprn = ${TWO_HIGH_STREET} and service_id = 'refuse'`)) as [{ round_id: string }];
    const day = roundDates.get(round_id)!.find((d) => d >= TODAY)!;
    clock.set(day);
    const { status, json } = await send(MISSED, missed({ uprn: TWO_HIGH_STREET, serviceId: 'refuse', collectionDate: day }));
    expect(status).toBe(201);
    expect(json.reference).toMatch(REFERENCE);
  });

  it.each([
    ['an unknown UPRN', () => ({ uprn: '999999999999' }), 400, '/uprn'],
    ['a service the property does not have', () => ({ serviceId: 'glass' }), 400, '/serviceId'],
    [
      'a day with no collection',
      () => {
        // The first day after the open collection that is not a collection of its round.
        let day = addDays(open[0]!.collectionDate, 1);
        while (roundDates.get(open[0]!.roundId)!.includes(day)) day = addDays(day, 1);
        return { collectionDate: day };
      },
      400,
      '/collectionDate',
    ],
    ['a flat with communal bins', () => ({ uprn: CASTLE_HOUSE_FLAT }), 400, '/serviceId'],
  ])('refuses %s with a 400 problem', async (_name, overrides, status, path) => {
    const { status: actual, json } = await send(MISSED, missed(overrides()));
    expect(actual).toBe(status);
    expect(json).toMatchObject({ type: problemTypes.validation, errors: [{ path }] });
  });

  it('refuses garden waste without an active subscription with a 422 problem', async () => {
    // The last collection of the garden round 11 High Street would be on, were it subscribed.
    const [{ round_id }] = (await rows(server, sql<{ round_id: string }>`select round_id from waste_property_rounds where uprn = ${ELEVEN_HIGH_STREET} and service_id = 'garden'`)) as [{ round_id: string }];
    const collectionDate = roundDates.get(round_id)!.filter((d) => d < TODAY).at(-1)!;
    const { status, json } = await send(MISSED, missed({ uprn: ELEVEN_HIGH_STREET, serviceId: 'garden', collectionDate }));
    expect(status).toBe(422);
    expect(json).toMatchObject({ type: wasteProblemTypes.subscriptionRequired, errors: [{ path: '/serviceId' }] });
  });
});

describe('invalid request bodies', () => {
  const hostile = '<script>alert(1)</script>';
  const missed = shaped;
  const cases: [string, unknown, string | undefined][] = [
    ['an empty object', {}, '/uprn'],
    ['missing serviceId', { ...missed(), serviceId: undefined }, '/serviceId'],
    ['a numeric UPRN', missed({ uprn: 100070000112 }), '/uprn'],
    ['a 13-digit UPRN', missed({ uprn: '1000700001121' }), '/uprn'],
    ['an SQL-ish UPRN', missed({ uprn: "1' OR '1'='1" }), '/uprn'],
    ['a hostile serviceId', missed({ serviceId: hostile }), '/serviceId'],
    ['a serviceId that is an object', missed({ serviceId: { id: 'refuse' } }), '/serviceId'],
    ['a date in another format', missed({ collectionDate: '24/11/2026' }), '/collectionDate'],
    ['a date that does not exist', missed({ collectionDate: '2026-02-30' }), '/collectionDate'],
    ['binOutInTime false', missed({ binOutInTime: false }), '/binOutInTime'],
    ['binOutInTime "yes"', missed({ binOutInTime: 'yes' }), '/binOutInTime'],
    ['binOutInTime missing', { ...missed(), binOutInTime: undefined }, '/binOutInTime'],
    ['an unknown field', missed({ notes: 'hello' }), '/notes'],
    ['a hostile unknown field', missed({ [hostile.repeat(50)]: 1 }), undefined],
    ['contact as a string', missed({ contact: 'resident@example.com' }), '/contact'],
    ['contact null', missed({ contact: null }), '/contact'],
    ['an invalid email', missed({ contact: { email: 'not-an-email' } }), '/contact/email'],
    ['a hostile email', missed({ contact: { email: hostile } }), '/contact/email'],
    ['an empty email', missed({ contact: { email: '' } }), '/contact/email'],
    ['an invalid phone', missed({ contact: { phone: '12345' } }), '/contact/phone'],
    ['a huge phone', missed({ contact: { phone: '0'.repeat(5000) } }), '/contact/phone'],
    ['an unknown contact field', missed({ contact: { email: 'a@example.com', address: '1 High Street' } }), '/contact/address'],
    ['an array', [missed()], ''],
    ['null', null, ''],
    ['a string', 'refuse', ''],
    ['a number', 42, ''],
    ['a huge string field', missed({ serviceId: 'x'.repeat(60_000) }), '/serviceId'],
  ];

  it.each(cases)('refuses %s with a 400 problem and stores nothing', async (_name, body, path) => {
    const before = await count('missed_collection_reports');
    const { status, type, text, json } = await send(MISSED, JSON.stringify(body));
    expect(status).toBe(400);
    expect(type).toBe('application/problem+json');
    expect(json).toMatchObject({ type: problemTypes.validation, status: 400, title: expect.any(String) });
    const errors = json.errors as { path: string; message: string }[];
    expect(errors.length).toBeGreaterThan(0);
    if (path !== undefined) expect(errors.map((e) => e.path)).toContain(path);
    expect(text).not.toContain('<script>alert');
    expect(text.length).toBeLessThan(4000);
    expect(await count('missed_collection_reports')).toBe(before);
  });

  it('lists every problem at once', async () => {
    const { json } = await send(MISSED, { uprn: 'x', serviceId: 7, collectionDate: 'soon', binOutInTime: 'no', contact: { email: 'x' }, extra: 1 });
    expect((json.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(
      ['/binOutInTime', '/collectionDate', '/contact/email', '/extra', '/serviceId', '/uprn'].sort(),
    );
  });

  it.each([
    ['not JSON', '{"uprn": ', 'application/json', 400],
    ['JSON sent as text/plain', JSON.stringify(missed()), 'text/plain', 415],
    ['a form post', 'uprn=100070000112', 'application/x-www-form-urlencoded', 415],
  ])('refuses %s with a problem', async (_name, body, contentType, status) => {
    for (const path of [MISSED, CONTAINERS]) {
      const response = await fetch(new URL(path, server.url), { method: 'POST', headers: { 'Content-Type': contentType }, body });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status, type: status === 415 ? problemTypes.unsupportedMediaType : problemTypes.validation });
    }
  });

  it('refuses an oversized body with a 413 problem', async () => {
    for (const path of [MISSED, CONTAINERS]) {
      const { status, json } = await send(path, missed({ contact: { email: `${'a'.repeat(70_000)}@example.com` } }));
      expect(status).toBe(413);
      expect(json).toMatchObject({ type: problemTypes.payloadTooLarge });
    }
  });

  it.each(['', 'x'.repeat(256), 'has space', 'naïve'])('refuses the Idempotency-Key %j with a 400 problem', async (key) => {
    const { status, json } = await send(MISSED, missed(), { 'Idempotency-Key': key });
    expect(status).toBe(400);
    expect(json).toMatchObject({ type: problemTypes.validation, errors: [{ path: '/headers/Idempotency-Key' }] });
  });

  it('never answers a 5xx to a fuzzed body', async () => {
    const values = [null, true, 0, -1, 1e308, '', ' ', '\u0000', 'é', hostile, [], {}, [1], { a: 1 }, addDays(TODAY, -1), TODAY, '100070000112', 'refuse'];
    let seed = 7;
    const pick = () => values[(seed = (seed * 16807) % 2147483647) % values.length];
    for (let i = 0; i < 60; i++) {
      const body = { uprn: pick(), serviceId: pick(), collectionDate: pick(), binOutInTime: pick(), contact: pick(), containerId: pick(), reason: pick() };
      for (const path of [MISSED, CONTAINERS]) {
        const { status } = await send(path, body);
        expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(status, JSON.stringify(body)).toBeLessThan(500);
      }
    }
  });
});

describe('Idempotency-Key', () => {
  it('answers the same key and body with the same status and body, storing one record', async () => {
    const body = missed({ ...collection(5), contact: { email: 'ten@example.com' } });
    const reports = await count('missed_collection_reports');
    const outbox = await count('notify_outbox');
    const first = await send(MISSED, body, { 'Idempotency-Key': 'key-one' });
    const second = await send(MISSED, body, { 'Idempotency-Key': 'key-one' });
    // The same JSON with its keys in another order is the same request.
    const reordered = await send(MISSED, Object.fromEntries(Object.entries(body).reverse()), { 'Idempotency-Key': 'key-one' });
    expect(first.status).toBe(201);
    for (const again of [second, reordered]) {
      expect(again.status).toBe(first.status);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('missed_collection_reports')).toBe(reports + 1);
    expect(await count('notify_outbox')).toBe(outbox + 1);
    expect(await query(sql`select count(*) as n from idempotency_keys where key = 'key-one'`)).toEqual([{ n: 1 }]);
  });

  it('replays the answer even after the report window has closed', async () => {
    const body = missed(collection(6));
    const first = await send(MISSED, body, { 'Idempotency-Key': 'late-retry' });
    expect(first.status).toBe(201);
    clock.set(addDays(open[6]!.until, 1));
    const retry = await send(MISSED, body, { 'Idempotency-Key': 'late-retry' });
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    // The same report without the key is now refused: the window really has closed.
    expect((await send(MISSED, { ...body, contact: { email: 'late@example.com' } }, { 'Idempotency-Key': 'too-late' })).status).toBe(422);
  });

  it('refuses the same key with a different body with a 422 problem', async () => {
    const first = await send(MISSED, missed(collection(7)), { 'Idempotency-Key': 'key-two' });
    expect(first.status).toBe(201);
    const reports = await count('missed_collection_reports');
    const other = await send(MISSED, missed({ ...collection(7), serviceId: open[7]!.serviceId === 'food' ? 'refuse' : 'food' }), { 'Idempotency-Key': 'key-two' });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ type: pipelineProblemTypes.idempotencyKeyReused, status: 422 });
    expect(await count('missed_collection_reports')).toBe(reports);
  });

  it('scopes keys to the operation', async () => {
    const a = await send(MISSED, missed(collection(8)), { 'Idempotency-Key': 'shared-key' });
    const b = await send(CONTAINERS, { uprn: open[8]!.uprn, containerId: 'food', reason: 'lost' }, { 'Idempotency-Key': 'shared-key' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json.reference).not.toBe(a.json.reference);
  });

  it('does not keep a refused request, so the resident can correct it and retry with the same key', async () => {
    const old = datesOf(open[9]!).before.filter((d) => d < open[9]!.collectionDate).at(-1)!; // its window closed long ago
    const refused = await send(MISSED, missed({ ...collection(9), collectionDate: old }), { 'Idempotency-Key': 'fix-and-retry' });
    expect(refused.status).toBe(422);
    const fixed = await send(MISSED, missed(collection(9)), { 'Idempotency-Key': 'fix-and-retry' });
    expect(fixed.status).toBe(201);
  });

  it('stores exactly one record for 20 concurrent identical POSTs with one key', async () => {
    const body = missed({ ...collection(10), contact: { email: 'flat2@example.com' } });
    const outbox = await count('notify_outbox');
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(MISSED, body, { 'Idempotency-Key': 'concurrent-key' })));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await query(sql`select count(*) as n from missed_collection_reports where uprn = ${open[10]!.uprn}`)).toEqual([{ n: 1 }]);
    expect(await count('notify_outbox')).toBe(outbox + 1);
  });

  it('stores exactly one record for 20 concurrent identical POSTs without a key (the rest are duplicates)', async () => {
    const body = missed(collection(11));
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(MISSED, body)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(19);
    const reference = answers.find((a) => a.status === 201)!.json.reference;
    for (const answer of answers.filter((a) => a.status === 200)) expect(answer.json).toEqual({ reference, duplicate: true });
    expect(await query(sql`select count(*) as n from missed_collection_reports where uprn = ${open[11]!.uprn}`)).toEqual([{ n: 1 }]);
  });
});

describe('POST /api/v1/waste/container-requests', () => {
  const request = (overrides: Record<string, unknown> = {}) => ({ uprn: NINE_HIGH_STREET, containerId: 'refuse', reason: 'lost', contact: {}, ...overrides });

  it.each([
    ['refuse', 'lost', true],
    ['refuse', 'stolen', true],
    ['recycling', 'damaged', true],
    ['recycling', 'additional', true],
    ['garden', 'damaged', true],
    ['refuse', 'new-property', false],
    ['garden', 'new-property', false],
    ['food', 'lost', false],
    ['food', 'additional', false],
  ])('%s, %s: charged %s', async (containerId, reason, charged) => {
    const { status, json } = await send(CONTAINERS, request({ containerId, reason }));
    expect(status).toBe(201);
    const receipt = readSubmissionReceipt(json, '');
    expect(receipt.reference).toMatch(REFERENCE);
    if (charged) {
      expect(receipt.paymentUrl).toBe(`https://pay.anytown.example/waste/${receipt.reference}`);
      expect(new URL(receipt.paymentUrl!).protocol).toBe('https:');
    } else {
      expect(receipt).toEqual({ reference: receipt.reference });
    }
    expect(await query(sql`select uprn, container_id, reason, charged, payment_url from container_requests where reference = ${receipt.reference}`)).toEqual([
      { uprn: NINE_HIGH_STREET, container_id: containerId, reason, charged: charged ? 1 : 0, payment_url: receipt.paymentUrl ?? null },
    ]);
  });

  it('queues confirmations only when contact details were given', async () => {
    const before = await count('notify_outbox');
    const silent = await send(CONTAINERS, request());
    expect(silent.status).toBe(201);
    expect(await count('notify_outbox')).toBe(before);

    const told = await send(CONTAINERS, request({ contact: { email: 'bins@example.com', phone: '07700 900 123' } }));
    const messages = await query(sql<{ channel: string; template_id: string; recipient: string; personalisation: string }>`select channel, template_id, recipient, personalisation from notify_outbox where reference = ${told.json.reference} order by id`);
    expect(messages.map((r) => [r.channel, r.template_id, r.recipient])).toEqual([
      ['email', 'container-request-email', 'bins@example.com'],
      ['sms', 'container-request-sms', '07700900123'],
    ]);
    expect(JSON.parse(messages[0]!.personalisation)).toEqual({
      reference: told.json.reference,
      address: '9 High Street, Anytown, AN1 1AA',
      container: 'Rubbish (black wheelie bin)',
      reason: 'Lost',
      payment_required: 'yes',
      payment_url: `https://pay.anytown.example/waste/${told.json.reference}`,
    });
  });

  it('writes the confirmation in Welsh when the form was in Welsh (lang=cy)', async () => {
    const told = await send(`${CONTAINERS}?lang=cy`, request({ contact: { email: 'biniau@example.com' } }));
    expect(told.status).toBe(201);
    const [message] = await query(sql<{ personalisation: string }>`select personalisation from notify_outbox where reference = ${told.json.reference as string}`);
    expect(JSON.parse(message!.personalisation)).toMatchObject({ container: 'Sbwriel (bin olwynion du)', reason: 'Ar goll', payment_required: 'yes' });
  });

  it('refuses a container the property does not have, or garden waste without a subscription', async () => {
    const flat = await send(CONTAINERS, request({ uprn: CASTLE_HOUSE_FLAT }));
    expect(flat.status).toBe(400);
    expect(flat.json).toMatchObject({ type: problemTypes.validation, errors: [{ path: '/containerId' }] });
    const expired = await send(CONTAINERS, request({ uprn: ELEVEN_HIGH_STREET, containerId: 'garden', reason: 'damaged' }));
    expect(expired.status).toBe(422);
    expect(expired.json).toMatchObject({ type: wasteProblemTypes.subscriptionRequired, errors: [{ path: '/containerId' }] });
    const unknown = await send(CONTAINERS, request({ uprn: '999999999999' }));
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ errors: [{ path: '/uprn' }] });
  });

  it.each([
    [{ containerId: 'glass' }, '/containerId'],
    [{ containerId: 'REFUSE' }, '/containerId'],
    [{ reason: 'bored' }, '/reason'],
    [{ reason: undefined }, '/reason'],
    [{ uprn: 12 }, '/uprn'],
    [{ paymentUrl: 'https://evil.example' }, '/paymentUrl'],
    [{ contact: { email: 'nope' } }, '/contact/email'],
  ])('refuses %j with a 400 problem', async (overrides, path) => {
    const { status, json } = await send(CONTAINERS, request(overrides));
    expect(status).toBe(400);
    expect((json.errors as { path: string }[]).map((e) => e.path)).toContain(path);
  });

  it('handles Idempotency-Key the same way', async () => {
    const before = await count('container_requests');
    const first = await send(CONTAINERS, request({ reason: 'stolen' }), { 'Idempotency-Key': 'bin-key' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(CONTAINERS, request({ reason: 'stolen' }), { 'Idempotency-Key': 'bin-key' })));
    for (const again of answers) {
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
    }
    expect(await count('container_requests')).toBe(before + 1);
    const other = await send(CONTAINERS, request({ reason: 'damaged' }), { 'Idempotency-Key': 'bin-key' });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ type: pipelineProblemTypes.idempotencyKeyReused });
  });
});

describe('configuration and collaborators', () => {
  it('follows the council’s charge rule and payment URL from config', async () => {
    const other = await startTestServer({
      env: { CONTAINER_CHARGES: 'food:additional', PAYMENT_URL_BASE: 'https://pay.example.gov.uk/bins/' },
      clock,
    });
    try {
      const lost = await send2(other, CONTAINERS, { uprn: NINE_HIGH_STREET, containerId: 'refuse', reason: 'lost' });
      expect(lost.status).toBe(201);
      expect(lost.json.paymentUrl).toBeUndefined();
      const extra = await send2(other, CONTAINERS, { uprn: NINE_HIGH_STREET, containerId: 'food', reason: 'additional' });
      expect(extra.json.paymentUrl).toBe(`https://pay.example.gov.uk/bins/${extra.json.reference}`);
    } finally {
      await other.stop();
    }
  });

  it('sends through a Notify-shaped client, and keeps the submission when sending fails', async () => {
    const calls: [string, string, string, NotifyOptions][] = [];
    const notifier: Notifier = {
      sendEmail: async (templateId, emailAddress, options) => {
        calls.push(['email', templateId, emailAddress, options]);
        throw new Error('Notify is down');
      },
      sendSms: async (templateId, phoneNumber, options) => {
        calls.push(['sms', templateId, phoneNumber, options]);
        return { id: 'x' };
      },
    };
    const lines: string[] = [];
    const other = await startTestServer({
      clock,
      notifier,
      notifyTemplates: { missedCollectionEmail: 'tpl-e', missedCollectionSms: 'tpl-s', containerRequestEmail: 'c-e', containerRequestSms: 'c-s' },
      logger: createLogger('warn', (line) => lines.push(line)),
    });
    try {
      const { status, json } = await send2(other, MISSED, missed({ contact: { email: 'r@example.com', phone: '07700900982' } }));
      expect(status).toBe(201);
      expect(calls).toEqual([
        ['email', 'tpl-e', 'r@example.com', { personalisation: expect.objectContaining({ reference: json.reference }), reference: json.reference }],
        ['sms', 'tpl-s', '07700900982', { personalisation: expect.objectContaining({ service: serviceNames[open[0]!.serviceId] }), reference: json.reference }],
      ]);
      expect(lines.some((line) => line.includes('notification failed'))).toBe(true);
      expect(lines.join('\n')).not.toMatch(/r@example\.com|07700900982/);
      expect(await rows(other, sql`select count(*) as n from missed_collection_reports`)).toEqual([{ n: 1 }]);
      expect(await rows(other, sql`select count(*) as n from notify_outbox`)).toEqual([{ n: 0 }]);
    } finally {
      await other.stop();
    }
  });

  it('retries a reference that is already taken (across kinds), and keeps references unique', async () => {
    const candidates = ['AAAAAAAA', 'AAAAAAAA', 'BBBBBBBB', 'AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC'];
    const other = await startTestServer({ clock, newReference: () => candidates.shift() ?? 'ZZZZZZZZ' });
    try {
      const a = await send2(other, MISSED, missed());
      const b = await send2(other, MISSED, missed(collection(1)));
      const c = await send2(other, CONTAINERS, { uprn: NINE_HIGH_STREET, containerId: 'food', reason: 'lost' });
      expect([a.json.reference, b.json.reference, c.json.reference]).toEqual(['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']);
    } finally {
      await other.stop();
    }
  });

  it('makes references of 8 unambiguous characters', async () => {
    const { randomReference } = await import('../src/http/references.js');
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const reference = randomReference();
      expect(reference).toMatch(REFERENCE);
      expect(reference).not.toMatch(/[01OIL]/);
      seen.add(reference);
    }
    expect(seen.size).toBe(2000);
  });
});

describe('calendar rules, on named dates', () => {
  // A server of its own on a clock set to particular days of 2026, whatever the suite's day.
  const named = movableClock('2026-11-25');
  let other: TestServer;
  beforeAll(async () => {
    other = await startTestServer({ clock: named, rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await other?.stop();
  });
  const report = (uprn: string, serviceId: string, collectionDate: string) => send2(other, MISSED, { uprn, serviceId, collectionDate, binOutInTime: true });

  it('closes the window at the end of the second working day, and never opens it early', async () => {
    // 3 High Street (AN1 1AA, Tuesdays): rubbish on Tuesday 10 and Tuesday 24 November 2026.
    for (const [today, date] of [
      ['2026-11-25', '2026-11-10'], // a real rubbish collection, two weeks ago
      ['2026-11-27', '2026-11-24'], // the window closed at the end of Thursday 26th
      ['2026-11-25', '2026-12-08'], // a future collection
      ['2026-11-24', '2026-11-24'], // collection day, and the crew has not said it was missed
    ]) {
      named.set(today!);
      const { status, json } = await report(THREE_HIGH_STREET, 'refuse', date!);
      expect(status, `${today} ${date}`).toBe(422);
      expect(json).toMatchObject({ type: wasteProblemTypes.reportWindowClosed });
    }
    named.set('2026-11-26'); // the last day
    expect((await report(THREE_HIGH_STREET, 'refuse', '2026-11-24')).status).toBe(201);
  });

  it('accepts the last day of the window across a weekend', async () => {
    named.set('2026-11-23'); // Monday: Thursday 19th's food collection is reportable until today
    expect((await report(THURSDAY_HOUSE, 'food', '2026-11-19')).status).toBe(201);
  });

  it('does not count bank holidays: Thursday 2 April 2026’s collection is reportable until Wednesday 8 April', async () => {
    // Good Friday (3 April) and Easter Monday (6 April) are not working days. Two Thursday houses
    // in 1 Mill Road's postcode: one reports on the last day, the other a day late.
    const neighbours = await rows(other, sql<{ uprn: string }>`select pr.uprn from waste_property_rounds pr join addresses a on a.uprn = pr.uprn where pr.service_id = 'food' and pr.round_id = 'food-thu' and a.postcode = 'AN1 5AA' order by pr.uprn`);
    const [first, second] = neighbours.map((r) => r.uprn);
    expect(second).toBeDefined();
    named.set('2026-04-08');
    expect((await report(first!, 'food', '2026-04-02')).status).toBe(201);
    named.set('2026-04-09');
    const late = await report(second!, 'food', '2026-04-02');
    expect(late.status).toBe(422);
    expect(late.json).toMatchObject({ type: wasteProblemTypes.reportWindowClosed, detail: expect.stringContaining('until 2026-04-08') });
  });

  it('accepts a report on collection day once the crew has marked it not collected', async () => {
    named.set('2026-12-08'); // a rubbish Tuesday at AN1 1AA: 2 High Street's shows not_collected
    const { status, json } = await report(TWO_HIGH_STREET, 'refuse', '2026-12-08');
    expect(status).toBe(201);
    expect(json.reference).toMatch(REFERENCE);
  });
});

async function send2(target: TestServer, path: string, body: unknown) {
  const response = await postJson(target, path, body);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
