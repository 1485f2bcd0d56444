import { readBulkyBookingReceipt, readPaymentState, validate } from '@council-kit/contracts';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilDb } from '../src/db/database.js';
import { httpPayClient } from '../src/waste/pay-client.js';
import { whenPaid } from '../src/waste/payable-registry.js';
import { pollPaymentsOnce } from '../src/waste/payment-poller.js';
import { paymentToken } from '../src/waste/payment-token.js';
import { book, booking, bulkyApp, bulkyDatabase, manageBooking, settableClock, TUESDAYS } from './bulky-support.js';
import { startPayStub, STUB_KEY, type PayStub } from './pay-stub.js';
import type { TestDatabase } from './test-database.js';

// Bulky waste bookings paid through GOV.UK Pay (the stub on 127.0.0.1), as a payable kind of
// payable-registry.ts: the payment starts once the booking is stored, and the back office hears
// of the booking only once it is paid.
const RETURN = 'https://www.anytown.example/bins/bulky-waste';
let db: CouncilDb;
let database: TestDatabase;
let stub: PayStub;
let app: Hono;
const clock = settableClock();
let tokens = 0;
const manageToken = () => `bulky-pay-token-${String(++tokens).padStart(4, '0')}`.padEnd(43, 'x');

beforeAll(async () => {
  ({ db, database } = await bulkyDatabase());
  stub = await startPayStub();
  app = bulkyApp(db, clock, { pay: { apiKey: STUB_KEY, baseUrl: stub.url, returnUrl: 'https://www.anytown.example/bins/paid' }, bulkyPayReturnUrl: RETURN }, manageToken);
});

afterAll(async () => {
  await stub?.close();
  await db?.destroy();
  await database?.cleanup();
});

const handoffs = async (reference: string) =>
  (await db.selectFrom('handoff_deliveries').select(['type', 'body']).where('reference', '=', reference).orderBy('created_at').execute()).map((row) => ({
    type: row.type,
    data: (JSON.parse(row.body) as { data: Record<string, unknown> }).data,
  }));
const paymentPath = (reference: string) => `/api/v1/waste/bulky-bookings/${reference}/payment`;
const readPayment = async (reference: string, token: string, method = 'GET') => {
  const response = await app.request(paymentPath(reference), { method, headers: { Authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}) }, ...(method === 'POST' ? { body: '{}' } : {}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const receiptOf = async (response: Response) => {
  expect(response.status).toBe(201);
  return validate(readBulkyBookingReceipt, await response.json());
};

describe('a bulky waste booking with GOV.UK Pay', () => {
  it('starts the payment on Pay with the booking, back to the bulky waste page, and hands it to the back office once paid', async () => {
    const receipt = await receiptOf(await book(app, booking(TUESDAYS[1]!)));
    const token = paymentToken(STUB_KEY, receipt.reference);
    expect(receipt).toMatchObject({ amount: 3500, collectionDate: TUESDAYS[1], payment: { status: 'created', amount: 3500, token } });
    expect(receipt.manageToken).toMatch(/^bulky-pay-token-/);
    const created = stub.payments.at(-1)!;
    expect(created).toMatchObject({ amount: 3500, reference: receipt.reference, language: 'en', returnUrl: `${RETURN}?payment=${receipt.reference}&token=${token}` });
    expect(created.description).toBe(`Bulky waste collection ${receipt.reference}: Tuesday 15 December 2026`);
    expect(receipt.paymentUrl).toBe(`https://card.payments.example/secure/${created.sessionId}`);
    // Not for the crews until it is paid.
    expect(await handoffs(receipt.reference)).toEqual([]);

    stub.settle(created.paymentId, 'success');
    const paid = await readPayment(receipt.reference, token);
    expect(validate(readPaymentState, paid.body)).toEqual({ reference: receipt.reference, status: 'paid', amount: 3500 });
    await readPayment(receipt.reference, token);
    const events = await handoffs(receipt.reference);
    expect(events.map((event) => event.type)).toEqual(['bulky.booked']);
    expect(events[0]!.data).toMatchObject({ collectionDate: TUESDAYS[1], amount: 3500, payment: { status: 'paid', amount: 3500 }, paymentUrl: null });
    // Another kind's payment route does not answer for it.
    expect((await app.request(`/api/v1/waste/garden-subscriptions/${receipt.reference}/payment`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
    expect(stub.refused).toEqual([]);
  });

  it('pays in Welsh for a booking moved before it was paid: the back office gets the date it now has, and no move', async () => {
    const receipt = await receiptOf(await book(app, booking(TUESDAYS[0]!, { items: [{ id: 'chair', quantity: 2 }] }), undefined, 'cy'));
    const created = stub.payments.at(-1)!;
    expect(created).toMatchObject({ amount: 1000, language: 'cy', description: `Casgliad gwastraff swmpus ${receipt.reference}: dydd Mawrth 8 Rhagfyr 2026` });
    expect((await manageBooking(app, 'PATCH', receipt.reference, receipt.manageToken, { collectionDate: TUESDAYS[2] })).status).toBe(200);
    expect(await handoffs(receipt.reference)).toEqual([]);

    stub.settle(created.paymentId, 'success');
    await readPayment(receipt.reference, receipt.payment!.token);
    const events = await handoffs(receipt.reference);
    expect(events.map((event) => event.type)).toEqual(['bulky.booked']);
    expect(events[0]!.data).toMatchObject({ collectionDate: TUESDAYS[2], language: 'cy', payment: { status: 'paid', amount: 1000 } });
    // Paid and handed off: a later move is the back office's to hear of.
    expect((await manageBooking(app, 'PATCH', receipt.reference, receipt.manageToken, { collectionDate: TUESDAYS[3] })).status).toBe(200);
    // (One clock instant for both: their order in the table is not asserted.)
    expect((await handoffs(receipt.reference)).map((event) => event.type).sort()).toEqual(['bulky.booked', 'bulky.rescheduled']);
  });

  it('a failed payment can be paid again; a booking cancelled unpaid has nothing to pay, and the back office hears of it only if a payment under way completes', async () => {
    const receipt = await receiptOf(await book(app, booking(TUESDAYS[3]!, { items: [{ id: 'table', quantity: 1 }] })));
    const token = receipt.payment!.token;
    stub.settle(stub.payments.at(-1)!.paymentId, 'failed', 'P0030');
    expect((await readPayment(receipt.reference, token)).body).toMatchObject({ status: 'cancelled' });
    const again = await readPayment(receipt.reference, token, 'POST');
    expect(again).toMatchObject({ status: 201, body: { status: 'created', amount: 1000 } });

    expect((await manageBooking(app, 'DELETE', receipt.reference, receipt.manageToken)).status).toBe(200);
    expect((await readPayment(receipt.reference, token, 'POST')).status).toBe(404);
    expect(await handoffs(receipt.reference)).toEqual([]);

    // The payment started before the cancellation goes through after it (the resident paid in
    // another tab): the poller records it, and the back office hears of the booking and of its
    // cancellation, so it can refund.
    stub.settle(stub.payments.at(-1)!.paymentId, 'success');
    const later = settableClock('2026-12-07T10:10:00Z');
    await pollPaymentsOnce({ db, clock: later, pay: httpPayClient({ apiKey: STUB_KEY, baseUrl: stub.url, returnUrl: RETURN }), onPaid: whenPaid(later) });
    const events = await handoffs(receipt.reference);
    expect(events.map((event) => event.type).sort()).toEqual(['bulky.booked', 'bulky.cancelled']);
    expect(events.find((event) => event.type === 'bulky.booked')!.data).toMatchObject({ payment: { status: 'paid', amount: 1000 } });
  });
});
