import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilDb } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { purgeExpired } from '../src/retention/purge.js';
import { book, booking, bulkyApp, bulkyDatabase, HIGH_STREET, manageBooking, settableClock, TUESDAYS } from './bulky-support.js';
import type { TestDatabase } from './test-database.js';

/**
 * The two paid waste services in the staff submissions list (JSON and CSV) and in the retention
 * purge: bulky bookings lose their contact details `RETENTION_DAYS` after the collection day (or
 * the cancellation), garden subscription requests `RETENTION_DAYS` after the subscription ends.
 * On the bulky tests' clock (Monday 7 December 2026), moved by the purge's own clock.
 */
const TOKEN = 'staff-token-bookings-0123456789abcdef';
/** Anytown Pharmacy: never subscribed to garden waste (a late starter pays £15 a bin until 31 March 2027). */
const PHARMACY = '100070000245';
const EMAIL = 'bookings.resident@example.com';
const PHONE = '07700 900123';
/** As the API stores it (spaces taken out). */
const STORED_PHONE = '07700900123';

let db: CouncilDb;
let database: TestDatabase;
let app: Hono;
const clock = settableClock();
let tokens = 0;
const manageToken = () => `bookings-token-${String(++tokens).padStart(4, '0')}`.padEnd(43, 'x');
const refs = { garden: '', bulky: '', cancelled: '', later: '' };

const post = async (path: string, body: unknown) => {
  const response = await app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as { reference: string; manageToken: string };
};
const staff = (query: string) => app.request(`/api/v1/staff/submissions${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
const purgeOn = (day: string) => purgeExpired({ db, clock: settableClock(`${day}T10:00:00Z`), retentionDays: 90, logger: createLogger('silent'), batchSize: 2 });
const bulkyContact = (reference: string) => db.selectFrom('bulky_bookings').select(['contact_email', 'contact_phone', 'location_detail', 'collection_date', 'amount']).where('reference', '=', reference).executeTakeFirstOrThrow();
const gardenContact = (reference: string) => db.selectFrom('garden_subscriptions').select(['contact_email', 'contact_phone', 'bins', 'amount']).where('reference', '=', reference).executeTakeFirstOrThrow();

beforeAll(async () => {
  ({ db, database } = await bulkyDatabase());
  app = bulkyApp(db, clock, { staffApiTokens: [TOKEN] }, manageToken);
  refs.garden = (await post('/api/v1/waste/garden-subscriptions?lang=cy', { uprn: PHARMACY, bins: 2, contact: { email: EMAIL, phone: PHONE } })).reference;
  refs.bulky = (await post('/api/v1/waste/bulky-bookings', booking(TUESDAYS[0]!, { location: 'other', locationDetail: 'Behind the side gate', contact: { email: EMAIL, phone: PHONE } }))).reference;
  const cancelled = await post('/api/v1/waste/bulky-bookings', booking(TUESDAYS[2]!, { items: [{ id: 'chair', quantity: 1 }] }));
  refs.cancelled = cancelled.reference;
  expect((await manageBooking(app, 'DELETE', cancelled.reference, cancelled.manageToken)).status).toBe(200);
  refs.later = (await book(app, booking(TUESDAYS[3]!, { items: [{ id: 'table', quantity: 1 }] })).then((r) => r.json() as Promise<{ reference: string }>)).reference;
});

afterAll(async () => {
  await db?.destroy();
  await database?.cleanup();
});

describe('the staff submissions list', () => {
  it('lists garden subscriptions and bulky bookings with their status, payment, property and contact', async () => {
    const response = await staff('?pageSize=100');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    const byRef = new Map(items.map((item) => [item.reference, item]));
    expect(byRef.get(refs.garden)).toMatchObject({
      type: 'garden-subscription',
      status: 'received',
      payment: { state: 'required' },
      uprn: PHARMACY,
      address: 'Anytown Pharmacy, 4 High Street, Anytown, AN1 1AA',
      contact: { email: EMAIL, phone: STORED_PHONE },
      details: { bins: 2, concession: false, renewal: false, amount: 3000, starts: '2026-12-07', expires: '2027-03-31', paidAt: null },
      delivery: { state: 'pending' },
    });
    expect(byRef.get(refs.bulky)).toMatchObject({
      type: 'bulky-booking',
      status: 'booked',
      payment: { state: 'required' },
      uprn: HIGH_STREET,
      address: '9 High Street, Anytown, AN1 1AA',
      contact: { email: EMAIL, phone: STORED_PHONE },
      details: { collectionDate: TUESDAYS[0], items: [{ id: 'sofa', label: 'Sofa', quantity: 1 }, { id: 'mattress', label: 'Mattress', quantity: 1 }], slots: 3, amount: 3500, location: 'other', locationDetail: 'Behind the side gate' },
    });
    expect(byRef.get(refs.cancelled)).toMatchObject({ type: 'bulky-booking', status: 'cancelled' });
    expect((byRef.get(refs.cancelled)!.delivery as { events: { type: string }[] }).events.map((e) => e.type).sort()).toEqual(['bulky.booked', 'bulky.cancelled']);
  });

  it('filters by the two types, and exports them as CSV', async () => {
    const garden = (await (await staff('?type=garden-subscription')).json()) as { items: { reference: string }[] };
    expect(garden.items.map((item) => item.reference)).toEqual([refs.garden]);
    const bulky = (await (await staff('?type=bulky-booking')).json()) as { total: number };
    expect(bulky.total).toBe(3);
    const csv = await (await staff('?type=bulky-booking&format=csv')).text();
    const line = csv.split('\r\n').find((l) => l.startsWith(`${refs.bulky},`))!;
    expect(line).toContain(`${refs.bulky},bulky-booking,`);
    expect(line).toContain(`,booked,pending,0,,required,${HIGH_STREET},"9 High Street, Anytown, AN1 1AA",${EMAIL},${STORED_PHONE},`);
  });
});

describe('retention of garden subscriptions and bulky bookings', () => {
  it('blanks a bulky booking’s contact details and where-left text 90 days after its collection day, a cancelled one 90 days after cancelling', async () => {
    // 90 days after the cancellation (7 December, 10:00): not yet.
    expect(await purgeOn('2027-03-07')).toMatchObject({ bulkyBookings: 0, gardenSubscriptions: 0 });
    expect(await purgeOn('2027-03-08')).toMatchObject({ bulkyBookings: 1 });
    expect((await bulkyContact(refs.cancelled)).contact_email).toBeNull();
    expect(await bulkyContact(refs.bulky)).toMatchObject({ contact_email: EMAIL, location_detail: 'Behind the side gate' });
    // The day after the 90th day after the collection (8 December).
    expect(await purgeOn('2027-03-09')).toMatchObject({ bulkyBookings: 1 });
    expect(await bulkyContact(refs.bulky)).toEqual({ contact_email: null, contact_phone: null, location_detail: null, collection_date: TUESDAYS[0], amount: 3500 });
    expect((await bulkyContact(refs.later)).contact_email).toBe('resident@example.com');
    expect(await purgeOn('2027-03-31')).toMatchObject({ bulkyBookings: 1 });
    expect(await purgeOn('2027-03-31')).toMatchObject({ bulkyBookings: 0 });
  });

  it('keeps a garden subscriber’s contact details while the subscription runs and 90 days after it ends (31 March), then blanks them', async () => {
    expect(await purgeOn('2027-06-29')).toMatchObject({ gardenSubscriptions: 0 });
    expect((await gardenContact(refs.garden)).contact_email).toBe(EMAIL);
    expect(await purgeOn('2027-07-01')).toMatchObject({ gardenSubscriptions: 1 });
    expect(await gardenContact(refs.garden)).toEqual({ contact_email: null, contact_phone: null, bins: 2, amount: 3000 });
    expect(await purgeOn('2027-07-02')).toMatchObject({ gardenSubscriptions: 0 });
  });
});
