import { readBulkyBookingReceipt, validate } from '@council-kit/contracts';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilDb } from '../src/db/database.js';
import { releaseUnpaidBulkyOnce } from '../src/waste/bulky/unpaid.js';
import { book, booking, bulkyApp, bulkyDatabase, BULKY_DAY, manageBooking, settableClock, TUESDAYS } from './bulky-support.js';
import { startPayStub, STUB_KEY, type PayStub } from './pay-stub.js';
import type { TestDatabase } from './test-database.js';

// With GOV.UK Pay (the stub on 127.0.0.1), a charged bulky booking holds its slots unpaid for
// BULKY_UNPAID_HOLD_MINUTES, then is cancelled and gives them back, unless a payment is under way
// or made. The clock is the app's, moved by the test; the sweep is called directly.
const HOLD = 180;
let db: CouncilDb;
let database: TestDatabase;
let stub: PayStub;
let app: Hono;
const clock = settableClock();
const at = (minutes: number) => new Date(Date.parse(`${BULKY_DAY}T10:00:00Z`) + minutes * 60_000).toISOString();
const release = () => releaseUnpaidBulkyOnce({ db, clock, holdMinutes: HOLD });

beforeAll(async () => {
  ({ db, database } = await bulkyDatabase());
  stub = await startPayStub();
  app = bulkyApp(db, clock, { pay: { apiKey: STUB_KEY, baseUrl: stub.url, returnUrl: 'https://www.anytown.example/bins/paid' }, bulkyUnpaidHoldMinutes: HOLD });
});

afterAll(async () => {
  await stub?.close();
  await db?.destroy();
  await database?.cleanup();
});

const slotsBooked = async (date: string) => Number((await db.selectFrom('bulky_capacity').select('booked').where('date', '=', date).executeTakeFirst())?.booked ?? 0);
const bookingRow = (reference: string) => db.selectFrom('bulky_bookings').select(['status', 'cancel_reason']).where('reference', '=', reference).executeTakeFirstOrThrow();
const paymentState = async (reference: string, token: string, method = 'GET') =>
  app.request(`/api/v1/waste/bulky-bookings/${reference}/payment`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
async function newBooking(date: string) {
  clock.set(at(0));
  const response = await book(app, booking(date));
  expect(response.status).toBe(201);
  return { ...validate(readBulkyBookingReceipt, await response.json()), paymentId: stub.payments.at(-1)!.paymentId };
}

describe('unpaid bulky bookings with GOV.UK Pay', () => {
  it('gives back the slots of a booking whose payment failed, once its hold has run out, and says why on its manage link', async () => {
    const date = TUESDAYS[1]!;
    const before = await slotsBooked(date);
    const receipt = await newBooking(date);
    expect(await slotsBooked(date)).toBe(before + 3);
    stub.settle(receipt.paymentId, 'failed', 'P0010');
    expect((await paymentState(receipt.reference, receipt.payment!.token)).status).toBe(200);

    // A minute inside the hold: the resident may still pay again.
    clock.set(at(HOLD - 1));
    expect(await release()).toBe(0);
    expect(await bookingRow(receipt.reference)).toEqual({ status: 'booked', cancel_reason: null });

    clock.set(at(HOLD));
    expect(await release()).toBe(1);
    expect(await bookingRow(receipt.reference)).toEqual({ status: 'cancelled', cancel_reason: 'unpaid' });
    expect(await slotsBooked(date)).toBe(before);
    // Once only: a second sweep (or a second server) gives nothing back twice.
    expect(await release()).toBe(0);
    expect(await slotsBooked(date)).toBe(before);

    const manage = await manageBooking(app, 'GET', receipt.reference, receipt.manageToken);
    expect(manage.status).toBe(403);
    expect(((await manage.json()) as { detail: string }).detail).toMatch(/not paid for in time/);
    // Nothing left to pay, and the back office never heard of it.
    expect((await paymentState(receipt.reference, receipt.payment!.token, 'POST')).status).toBe(404);
    expect(await db.selectFrom('handoff_deliveries').select('type').where('reference', '=', receipt.reference).execute()).toEqual([]);
  });

  it('keeps a booking while its payment is under way on Pay’s page, and one that is paid, however long ago it was made', async () => {
    const date = TUESDAYS[2]!;
    const before = await slotsBooked(date);
    const onPay = await newBooking(date);
    const paid = await newBooking(date);
    stub.settle(paid.paymentId, 'success');
    expect((await paymentState(paid.reference, paid.payment!.token)).status).toBe(200);

    clock.set(at(HOLD * 10));
    expect(await release()).toBe(0);
    expect(await bookingRow(onPay.reference)).toEqual({ status: 'booked', cancel_reason: null });
    expect(await bookingRow(paid.reference)).toEqual({ status: 'booked', cancel_reason: null });
    expect(await slotsBooked(date)).toBe(before + 6);
  });

  it('records a resident’s own cancellation as theirs', async () => {
    const receipt = await newBooking(TUESDAYS[3]!);
    expect((await manageBooking(app, 'DELETE', receipt.reference, receipt.manageToken)).status).toBe(200);
    expect(await bookingRow(receipt.reference)).toEqual({ status: 'cancelled', cancel_reason: 'resident' });
  });
});
