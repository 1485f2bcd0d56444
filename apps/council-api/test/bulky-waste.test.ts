import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkyProblemTypes, problemTypes, readBulkyBooking, readBulkyBookingReceipt, readBulkyCatalogue, readBulkyDates, validate } from '@council-kit/contracts';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import type { CouncilDb } from '../src/db/database.js';
import { anytownBulkyCatalogue } from '../src/waste/bulky/catalogue.js';
import { book, booking, bulkyApp, bulkyDatabase, COMMUNAL_FLAT, HIGH_STREET, manageBooking, settableClock, TUESDAYS } from './bulky-support.js';
import { tempDir } from './helpers.js';
import type { TestDatabase } from './test-database.js';

let db: CouncilDb;
let database: TestDatabase;
let app: Hono;
const clock = settableClock();
let tokens = 0;
const token = () => `bulky-test-token-${String(++tokens).padStart(4, '0')}`.padEnd(43, 'x');

beforeAll(async () => {
  ({ db, database } = await bulkyDatabase());
  app = bulkyApp(db, clock, {}, token);
});

afterAll(async () => {
  await db?.destroy();
  await database?.cleanup();
});

const json = async (response: Promise<Response> | Response) => {
  const r = await response;
  return { status: r.status, headers: r.headers, body: (await r.json()) as Record<string, unknown> };
};
const capacity = (date: string) => db.selectFrom('bulky_capacity').select(['capacity', 'booked']).where('round_id', '=', 'bulky-tue').where('date', '=', date).executeTakeFirst();
const outboxFor = (reference: string) => db.selectFrom('notify_outbox').selectAll().where('reference', '=', reference).execute();

describe('the catalogue and the dates', () => {
  it('serves Anytown’s catalogue in English and Welsh, with refused items and where to take them', async () => {
    const { status, body } = await json(app.request('/api/v1/waste/bulky/catalogue'));
    expect(status).toBe(200);
    const catalogue = validate(readBulkyCatalogue, body);
    expect(catalogue.items.find((item) => item.id === 'fridge-freezer')).toMatchObject({ label: { en: 'Fridge or freezer', cy: 'Oergell neu rewgell' }, price: 2500, slots: 2 });
    expect(catalogue.refused.find((item) => item.id === 'tyres')?.instead.cy).toMatch(/teiars/);
  });

  it('offers the property’s collection weekday for four weeks, from the app clock’s today', async () => {
    const { status, body } = await json(app.request(`/api/v1/waste/properties/${HIGH_STREET}/bulky-dates?items=sofa:1`));
    expect(status).toBe(200);
    expect(validate(readBulkyDates, body)).toEqual({ uprn: HIGH_STREET, address: '9 High Street, Anytown, AN1 1AA', dates: TUESDAYS });
  });

  it('drops tomorrow once its cut-off (midday today) has passed', async () => {
    const late = bulkyApp(db, settableClock('2026-12-07T12:00:00Z'));
    const { body } = await json(late.request(`/api/v1/waste/properties/${HIGH_STREET}/bulky-dates`));
    expect(body.dates).toEqual(TUESDAYS.slice(1));
  });

  it('drops a date without room for the items asked about, keeps it for fewer', async () => {
    await db.insertInto('bulky_capacity').values({ round_id: 'bulky-tue', date: TUESDAYS[2]!, capacity: 20, booked: 18 }).execute();
    const big = await json(app.request(`/api/v1/waste/properties/${HIGH_STREET}/bulky-dates?items=sofa:1,mattress:1`));
    expect(big.body.dates).toEqual([TUESDAYS[0], TUESDAYS[1], TUESDAYS[3]]);
    const small = await json(app.request(`/api/v1/waste/properties/${HIGH_STREET}/bulky-dates?items=sofa`));
    expect(small.body.dates).toEqual(TUESDAYS);
  });

  it('answers clearly for a communal flat, an unknown property, bad items and refused ones', async () => {
    expect((await json(app.request(`/api/v1/waste/properties/${COMMUNAL_FLAT}/bulky-dates`))).body.type).toBe(bulkyProblemTypes.notServed);
    expect((await json(app.request('/api/v1/waste/properties/999999999999/bulky-dates'))).status).toBe(404);
    const bad = await json(app.request(`/api/v1/waste/properties/${HIGH_STREET}/bulky-dates?items=${encodeURIComponent('<script>:1')}`));
    expect(bad.status).toBe(400);
    const refused = await json(app.request(`/api/v1/waste/properties/${HIGH_STREET}/bulky-dates?items=tyres:2&lang=cy`));
    expect(refused).toMatchObject({ status: 422, body: { type: bulkyProblemTypes.itemRefused } });
    expect(String(refused.body.detail)).toMatch(/teiars/);
  });
});

describe('booking', () => {
  it('books, takes the slots, queues the back office and an English or Welsh confirmation, and answers the manage token once', async () => {
    const before = (await capacity(TUESDAYS[1]!))?.booked ?? 0;
    const { status, body } = await json(book(app, booking(TUESDAYS[1]!), undefined, 'cy'));
    expect(status).toBe(201);
    const receipt = validate(readBulkyBookingReceipt, body);
    expect(receipt).toMatchObject({ amount: 3500, collectionDate: TUESDAYS[1], paymentUrl: `${'https://pay.anytown.example/waste'}/${receipt.reference}` });
    expect(receipt.manageToken).toMatch(/^bulky-test-token-/);
    expect((await capacity(TUESDAYS[1]!))!.booked).toBe(before + 3);
    const [message] = await outboxFor(receipt.reference);
    expect(message).toMatchObject({ template_id: 'bulky-booked-email', lang: 'cy' });
    const personalisation = JSON.parse(message!.personalisation as string) as Record<string, string>;
    expect(personalisation).toMatchObject({ items: '1 × Soffa, 1 × Matres', amount: '£35.00', collection_date: 'dydd Mawrth 15 Rhagfyr 2026', payment_required: 'yes' });
    expect(JSON.stringify(message)).not.toContain(receipt.manageToken);
    const handoff = await db.selectFrom('handoff_deliveries').select(['type']).where('reference', '=', receipt.reference).execute();
    expect(handoff.map((row) => row.type)).toEqual(['bulky.booked']);
    const stored = await db.selectFrom('bulky_bookings').select(['manage_token_hash']).where('reference', '=', receipt.reference).executeTakeFirstOrThrow();
    expect(stored.manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays the same key and body without booking twice, with a fresh token that replaces the first', async () => {
    const first = await json(book(app, booking(TUESDAYS[3]!), 'bulky-replay'));
    const second = await json(book(app, booking(TUESDAYS[3]!), 'bulky-replay'));
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(second.body.reference).toBe(first.body.reference);
    expect((await capacity(TUESDAYS[3]!))!.booked).toBe(3);
    expect((await manageBooking(app, 'GET', String(first.body.reference), String(first.body.manageToken))).status).toBe(404);
    expect((await manageBooking(app, 'GET', String(first.body.reference), String(second.body.manageToken))).status).toBe(200);
    const reused = await json(book(app, booking(TUESDAYS[1]!), 'bulky-replay'));
    expect(reused.body.type).toBe(problemTypes.idempotencyKeyReused);
  });

  it('refuses what it cannot collect, too many items, a date not offered, a property it does not serve, and takes no slots', async () => {
    const before = (await capacity(TUESDAYS[0]!))?.booked ?? 0;
    const refused = await json(book(app, booking(TUESDAYS[0]!, { items: [{ id: 'sofa', quantity: 1 }, { id: 'asbestos', quantity: 1 }] })));
    expect(refused).toMatchObject({ status: 422, body: { type: bulkyProblemTypes.itemRefused, errors: [{ path: '/items/1/id' }] } });
    const many = await json(book(app, booking(TUESDAYS[0]!, { items: [{ id: 'chair', quantity: anytownBulkyCatalogue.maxItems + 1 }] })));
    expect(many).toMatchObject({ status: 400, body: { errors: [{ path: '/items' }] } });
    const twice = await json(book(app, booking(TUESDAYS[0]!, { items: [{ id: 'chair', quantity: 1 }, { id: 'chair', quantity: 2 }] })));
    expect(twice.status).toBe(400);
    const wednesday = await json(book(app, booking('2026-12-09')));
    expect(wednesday).toMatchObject({ status: 400, body: { errors: [{ path: '/collectionDate' }] } });
    const other = await json(book(app, booking(TUESDAYS[0]!, { location: 'other' })));
    expect(other).toMatchObject({ status: 400, body: { errors: [{ path: '/locationDetail' }] } });
    const flat = await json(book(app, booking(TUESDAYS[0]!, { uprn: COMMUNAL_FLAT })));
    expect(flat.body.type).toBe(bulkyProblemTypes.notServed);
    expect((await capacity(TUESDAYS[0]!))?.booked ?? 0).toBe(before);
  });

  it('answers "date just filled" for a full date and for one whose cut-off has passed', async () => {
    await db.insertInto('bulky_capacity').values({ round_id: 'bulky-tue', date: '2027-01-05', capacity: 20, booked: 19 }).execute();
    const later = bulkyApp(db, settableClock('2026-12-14T10:00:00Z'));
    expect((await json(book(later, booking('2027-01-05')))).body.type).toBe(bulkyProblemTypes.dateFull);
    const afterCutoff = bulkyApp(db, settableClock('2026-12-07T12:00:00Z'));
    expect((await json(book(afterCutoff, booking(TUESDAYS[0]!)))).body.type).toBe(bulkyProblemTypes.dateFull);
  });

  it('refuses hostile and malformed bodies with 400s naming the fields, never a 500', async () => {
    const hostile = [
      { ...booking(TUESDAYS[0]!), items: [{ id: "sofa'; drop table bulky_bookings; --", quantity: 1 }] },
      { ...booking(TUESDAYS[0]!), items: [{ id: 'sofa', quantity: -1 }] },
      { ...booking(TUESDAYS[0]!), items: [{ id: 'sofa', quantity: 1e9 }] },
      { ...booking(TUESDAYS[0]!), items: [] },
      { ...booking(TUESDAYS[0]!), items: 'sofa' },
      { ...booking(TUESDAYS[0]!), location: 'roof' },
      { ...booking(TUESDAYS[0]!), collectionDate: '2026-02-30' },
      { ...booking(TUESDAYS[0]!), locationDetail: 'x'.repeat(201), location: 'other' },
      { ...booking(TUESDAYS[0]!), uprn: '../../etc/passwd' },
      { ...booking(TUESDAYS[0]!), extra: true },
      null,
      [],
    ];
    for (const body of hostile) {
      const answer = await json(book(app, body));
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.type).toBe(problemTypes.validation);
    }
    const noKey = await app.request('/api/v1/waste/bulky-bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(booking(TUESDAYS[0]!)) });
    expect(noKey.status).toBe(400);
  });
});

describe('managing a booking with its manage token', () => {
  it('reads, moves (the slots move with it) and cancels (the slots come back), then the token has expired', async () => {
    const created = validate(readBulkyBookingReceipt, (await json(book(app, booking(TUESDAYS[0]!)))).body);
    const read = await json(manageBooking(app, 'GET', created.reference, created.manageToken));
    expect(validate(readBulkyBooking, read.body)).toMatchObject({ status: 'booked', collectionDate: TUESDAYS[0], changeable: true, changeUntil: '2026-12-07T12:00:00.000Z', items: [{ id: 'sofa', label: 'Sofa', quantity: 1 }, { id: 'mattress', label: 'Mattress', quantity: 1 }] });
    const [from, to] = [(await capacity(TUESDAYS[0]!))!.booked, (await capacity(TUESDAYS[3]!))!.booked];
    const moved = await json(manageBooking(app, 'PATCH', created.reference, created.manageToken, { collectionDate: TUESDAYS[3] }));
    expect(moved).toMatchObject({ status: 200, body: { collectionDate: TUESDAYS[3] } });
    expect([(await capacity(TUESDAYS[0]!))!.booked, (await capacity(TUESDAYS[3]!))!.booked]).toEqual([from - 3, to + 3]);
    const notOffered = await json(manageBooking(app, 'PATCH', created.reference, created.manageToken, { collectionDate: '2026-12-10' }));
    expect(notOffered.status).toBe(400);
    const cancelled = await json(manageBooking(app, 'DELETE', created.reference, created.manageToken));
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', changeable: false } });
    expect((await capacity(TUESDAYS[3]!))!.booked).toBe(to);
    expect((await json(manageBooking(app, 'GET', created.reference, created.manageToken))).body.type).toBe(problemTypes.manageLinkExpired);
    const templates = (await outboxFor(created.reference)).map((row) => row.template_id);
    expect(templates).toEqual(['bulky-booked-email', 'bulky-changed-email', 'bulky-cancelled-email']);
    const events = (await db.selectFrom('handoff_deliveries').select('type').where('reference', '=', created.reference).execute()).map((row) => row.type).sort();
    expect(events).toEqual(['bulky.booked', 'bulky.cancelled', 'bulky.rescheduled']);
  });

  it('needs the token: none is a 401 saying what to send; a wrong one, another booking’s or one in the URL is the same 404', async () => {
    const one = validate(readBulkyBookingReceipt, (await json(book(app, booking(TUESDAYS[1]!)))).body);
    const two = validate(readBulkyBookingReceipt, (await json(book(app, booking(TUESDAYS[1]!)))).body);
    const none = await json(manageBooking(app, 'GET', one.reference, undefined));
    expect(none).toMatchObject({ status: 401, body: { type: problemTypes.manageTokenRequired } });
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    const wrong = await json(manageBooking(app, 'PATCH', one.reference, two.manageToken, { collectionDate: TUESDAYS[2] }));
    expect(wrong).toMatchObject({ status: 404 });
    const unknown = await json(manageBooking(app, 'GET', 'ZZZZZZZZ', one.manageToken));
    expect(unknown.body).toEqual(wrong.body);
    const inUrl = await json(app.request(`/api/v1/waste/bulky-bookings/${one.reference}?token=${one.manageToken}`));
    expect(inUrl.status).toBe(401);
    expect((await json(manageBooking(app, 'DELETE', one.reference, 'garbage'))).status).toBe(404);
    expect(JSON.stringify([none.body, wrong.body, unknown.body])).not.toContain(one.manageToken);
    // Nothing changed.
    expect((await db.selectFrom('bulky_bookings').select(['collection_date', 'status']).where('reference', '=', one.reference).executeTakeFirstOrThrow())).toEqual({ collection_date: TUESDAYS[1], status: 'booked' });
  });

  it('closes changes at the cut-off: midday the working day before (a clear problem), on a fixed clock', async () => {
    const created = validate(readBulkyBookingReceipt, (await json(book(app, booking(TUESDAYS[1]!)))).body);
    const before = bulkyApp(db, settableClock('2026-12-14T11:59:00Z'));
    expect((await json(manageBooking(before, 'GET', created.reference, created.manageToken))).body.changeable).toBe(true);
    const after = bulkyApp(db, settableClock('2026-12-14T12:00:00Z'));
    expect((await json(manageBooking(after, 'GET', created.reference, created.manageToken))).body.changeable).toBe(false);
    const move = await json(manageBooking(after, 'PATCH', created.reference, created.manageToken, { collectionDate: TUESDAYS[2] }));
    expect(move).toMatchObject({ status: 422, body: { type: bulkyProblemTypes.changeClosed } });
    const cancel = await json(manageBooking(after, 'DELETE', created.reference, created.manageToken));
    expect(cancel).toMatchObject({ status: 422, body: { type: bulkyProblemTypes.changeClosed } });
    expect((await db.selectFrom('bulky_bookings').select('status').where('reference', '=', created.reference).executeTakeFirstOrThrow()).status).toBe('booked');
  });

  it('refuses guessing: after 5 wrong tokens at a booking, even the right one waits', async () => {
    const created = validate(readBulkyBookingReceipt, (await json(book(app, booking(TUESDAYS[2]!, { items: [{ id: 'chair', quantity: 1 }] })))).body);
    for (let i = 0; i < 5; i++) expect((await manageBooking(app, 'GET', created.reference, token())).status).toBe(404);
    const blocked = await manageBooking(app, 'GET', created.reference, created.manageToken);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).toMatch(/^\d+$/);
  });
});

describe('BULKY_CATALOGUE_FILE', () => {
  it('serves a council’s own catalogue, and refuses to start on a bad one, naming the path', () => {
    const { dir, cleanup } = tempDir();
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ ...anytownBulkyCatalogue, version: 'mine', items: [{ id: 'piano', label: { en: 'Piano', cy: 'Piano' }, price: 5000, slots: 4 }] }));
      const own = bulkyApp(db, clock, { bulkyCatalogueFile: good });
      return Promise.resolve(own.request('/api/v1/waste/bulky/catalogue'))
        .then((r) => r.json())
        .then((body) => {
          expect(body).toMatchObject({ version: 'mine', items: [{ id: 'piano' }] });
          const bad = join(dir, 'bad.json');
          writeFileSync(bad, JSON.stringify({ ...anytownBulkyCatalogue, items: [{ id: 'sofa', label: { en: 'Sofa', cy: 'Soffa' }, price: -1, slots: 1 }] }));
          expect(() => bulkyApp(db, clock, { bulkyCatalogueFile: bad })).toThrow(ConfigError);
          expect(() => bulkyApp(db, clock, { bulkyCatalogueFile: bad })).toThrow(/items\[0\]\.price/);
          writeFileSync(bad, JSON.stringify({ ...anytownBulkyCatalogue, refused: [{ id: 'sofa', label: { en: 'x', cy: 'x' }, instead: { en: 'x', cy: 'x' } }] }));
          expect(() => bulkyApp(db, clock, { bulkyCatalogueFile: bad })).toThrow(/refused\[0\]\.id/);
          expect(() => bulkyApp(db, clock, { bulkyCatalogueFile: join(dir, 'missing.json') })).toThrow(/cannot be read/);
        })
        .finally(cleanup);
    } catch (error) {
      cleanup();
      throw error;
    }
  });
});
