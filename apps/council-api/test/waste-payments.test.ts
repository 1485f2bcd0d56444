import { readPaymentState, readSubmissionReceipt } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/clock.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { enqueueWhenPaid } from '../src/waste/handoff.js';
import { httpPayClient } from '../src/waste/pay-client.js';
import { pollPaymentsOnce } from '../src/waste/payment-poller.js';
import { paymentToken } from '../src/waste/payment-token.js';
import { TODAY } from './dates.js';
import { postJson, rows, startTestServer, type TestServer } from './helpers.js';
import { startPayStub, STUB_KEY, type PayStub } from './pay-stub.js';

// GOV.UK Pay for charged container requests, against a local stub of Pay's API (pay-stub.ts).
// The clock is the suite's day at a fixed time, moved forward by the tests that need minutes to pass.
const NINE_HIGH_STREET = '100070000112';
const CONTAINERS = '/api/v1/waste/container-requests';
const RETURN_URL = 'https://www.anytown.example/bins/paid';
const payConfig = (url: string) => ({ apiKey: STUB_KEY, baseUrl: url, returnUrl: RETURN_URL });

let offsetMs = 0;
const start = Date.parse(`${TODAY}T09:00:00Z`);
const clock: Clock = { today: () => TODAY, now: () => new Date(start + offsetMs) };
const logLines: string[] = [];
let stub: PayStub;
let server: TestServer;

beforeAll(async () => {
  stub = await startPayStub();
  server = await startTestServer({
    clock,
    rateLimitPerMinute: 100_000,
    pay: payConfig(stub.url),
    containerPrices: { refuse: 3500, recycling: 3500, garden: 4000 },
    logger: createLogger('info', (line) => logLines.push(line)),
  });
});

afterAll(async () => {
  await server?.stop();
  await stub?.close();
  // Whatever happened, the key went to Pay only.
  expect(logLines.join('\n')).not.toContain(STUB_KEY);
});

/** Requests a lost bin (charged unless `containerId` is food); answers the receipt. */
async function request(containerId = 'refuse', lang = 'en', headers: Record<string, string> = {}) {
  const response = await postJson(server, `${CONTAINERS}?lang=${lang}`, { uprn: NINE_HIGH_STREET, containerId, reason: 'lost' }, headers);
  const text = await response.text();
  expect(text).not.toContain(STUB_KEY);
  return { status: response.status, receipt: readSubmissionReceipt(JSON.parse(text), '') };
}

const paymentPath = (reference: string) => `${CONTAINERS}/${reference}/payment`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** GET (the return page) or POST (pay again) the payment. */
async function payment(reference: string, token: string, method: 'GET' | 'POST' = 'GET') {
  const response = await server.get(paymentPath(reference), { method, headers: bearer(token) });
  const text = await response.text();
  expect(text).not.toContain(STUB_KEY);
  expect(text).not.toMatch(/pay\d{4}stub/); // never Pay's own ids
  return { status: response.status, body: JSON.parse(text) as unknown };
}

const stored = (reference: string) =>
  rows(server, sql<{ attempt: number; amount: number; status: string; pay_code: string | null }>`select attempt, amount, status, pay_code from payments where reference = ${reference} order by attempt`);

const lastStubPayment = () => stub.payments.at(-1)!;

/** The back-office events queued for a request (a charged one is queued only once paid). */
const handoffs = async (reference: string) =>
  (await rows(server, sql<{ body: string }>`select body from handoff_deliveries where reference = ${reference}`)).map((r) => JSON.parse(r.body) as { type: string; data: { payment: unknown } });

describe('a charged container request with GOV.UK Pay', () => {
  it('creates a payment for the price, in the form’s language, and hands the resident its page', async () => {
    const before = stub.payments.length;
    const { status, receipt } = await request('garden', 'cy');
    expect(status).toBe(201);
    expect(stub.payments).toHaveLength(before + 1);
    const created = lastStubPayment();
    const token = paymentToken(STUB_KEY, receipt.reference);
    expect(created).toMatchObject({ amount: 4000, reference: receipt.reference, language: 'cy', returnUrl: `${RETURN_URL}?payment=${receipt.reference}&token=${token}` });
    expect(created.description).toBe(`Cais am gynhwysydd ${receipt.reference}: Gwastraff gardd`);
    expect(receipt).toEqual({
      reference: receipt.reference,
      paymentUrl: `https://card.payments.example/secure/${created.sessionId}`,
      payment: { status: 'created', amount: 4000, token },
    });
    expect(await stored(receipt.reference)).toEqual([{ attempt: 1, amount: 4000, status: 'created', pay_code: null }]);

    const english = await request('refuse', 'en');
    expect(lastStubPayment()).toMatchObject({ amount: 3500, language: 'en', description: `Container request ${english.receipt.reference}: Rubbish` });
    expect(stub.refused).toEqual([]);
  });

  it('leaves a free request alone: no payment, no token', async () => {
    const before = stub.payments.length;
    const { status, receipt } = await request('food');
    expect(status).toBe(201);
    expect(receipt).toEqual({ reference: receipt.reference });
    expect(stub.payments).toHaveLength(before);
    expect((await handoffs(receipt.reference)).map((e) => [e.type, e.data.payment])).toEqual([['container.requested', null]]);
  });

  it.each([
    ['success', undefined, 'paid'],
    ['failed', 'P0010', 'failed'],
    ['failed', 'P0020', 'failed'],
    ['failed', 'P0030', 'cancelled'],
    ['cancelled', 'P0040', 'cancelled'],
    ['error', 'P0050', 'error'],
  ])('records Pay’s %s (%s) as %s when the resident comes back', async (payStatus, code, recorded) => {
    const { receipt } = await request();
    expect(await handoffs(receipt.reference)).toEqual([]); // not before it is paid
    stub.settle(lastStubPayment().paymentId, payStatus, code);
    const { status, body } = await payment(receipt.reference, receipt.payment!.token);
    // Paid: queued for the back office, once (asking again changes nothing); otherwise not.
    await payment(receipt.reference, receipt.payment!.token);
    expect((await handoffs(receipt.reference)).map((e) => e.data.payment)).toEqual(recorded === 'paid' ? [{ status: 'paid', amount: 3500 }] : []);
    expect(status).toBe(200);
    expect(readPaymentState(body, '')).toEqual({ reference: receipt.reference, status: recorded, amount: 3500 });
    expect(await stored(receipt.reference)).toEqual([{ attempt: 1, amount: 3500, status: recorded, pay_code: code ?? null }]);
  });

  it('says a payment still under way is `created`, with where to carry on paying', async () => {
    const { receipt } = await request();
    stub.settle(lastStubPayment().paymentId, 'submitted');
    const { body } = await payment(receipt.reference, receipt.payment!.token);
    expect(body).toEqual({ reference: receipt.reference, status: 'created', amount: 3500, paymentUrl: receipt.paymentUrl });
  });

  it('shows a payment to its token only: the same 404 for a wrong token, another request’s, an unknown or free reference', async () => {
    const mine = (await request()).receipt;
    const other = (await request()).receipt;
    const free = (await request('food')).receipt;
    expect((await server.get(paymentPath(mine.reference))).status).toBe(401);
    const refused = [
      await payment(mine.reference, other.payment!.token),
      await payment(mine.reference, 'A'.repeat(43)),
      await payment(mine.reference, ''),
      await payment('ZZZZZZZZ', paymentToken(STUB_KEY, 'ZZZZZZZZ')),
      await payment(free.reference, paymentToken(STUB_KEY, free.reference)),
    ];
    for (const answer of refused) expect(answer.status).toBe(404);
    expect(new Set(refused.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect((await payment('2345678', mine.payment!.token)).status).toBe(404);
    expect((await payment(mine.reference.toLowerCase(), mine.payment!.token)).status).toBe(200);
  });

  it('accepts the request when Pay is down, says payment was not started, and starts it on a retry', async () => {
    for (const how of [503, 'drop'] as const) {
      const before = stub.payments.length;
      stub.failNext(how);
      const { status, receipt } = await request();
      expect(status).toBe(201);
      expect(receipt.paymentUrl).toBeUndefined();
      expect(receipt.payment).toMatchObject({ status: 'not-started', amount: 3500 });
      expect(await rows(server, sql`select reference from container_requests where reference = ${receipt.reference}`)).toHaveLength(1);
      expect(stub.payments).toHaveLength(before);

      const retry = await payment(receipt.reference, receipt.payment!.token, 'POST');
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ reference: receipt.reference, status: 'created', amount: 3500, paymentUrl: `https://card.payments.example/secure/${lastStubPayment().sessionId}` });
      expect((await stored(receipt.reference)).map((p) => p.status)).toEqual(['error', 'created']);
    }
    expect(logLines.filter((line) => line.includes('payment could not be started'))).toHaveLength(2);
  });

  it('never makes a second live payment: a retry or a replay while one is under way or paid gives it back', async () => {
    const key = { 'Idempotency-Key': `pay-${Date.now()}` };
    const first = await request('refuse', 'en', key);
    const count = stub.payments.length;
    const replay = await request('refuse', 'en', key);
    expect(replay.receipt).toEqual(first.receipt);
    const retry = await payment(first.receipt.reference, first.receipt.payment!.token, 'POST');
    expect(retry).toEqual({ status: 200, body: { reference: first.receipt.reference, status: 'created', amount: 3500, paymentUrl: first.receipt.paymentUrl } });
    expect(stub.payments).toHaveLength(count);

    // Cancelled: a fresh payment; paid: nothing more.
    stub.settle(lastStubPayment().paymentId, 'failed', 'P0030');
    const again = await payment(first.receipt.reference, first.receipt.payment!.token, 'POST');
    expect(again.status).toBe(201);
    expect(stub.payments).toHaveLength(count + 1);
    stub.settle(lastStubPayment().paymentId, 'success');
    const paid = await payment(first.receipt.reference, first.receipt.payment!.token, 'POST');
    expect(paid).toEqual({ status: 200, body: { reference: first.receipt.reference, status: 'paid', amount: 3500 } });
    expect(stub.payments).toHaveLength(count + 1);
    expect((await stored(first.receipt.reference)).map((p) => p.status)).toEqual(['cancelled', 'paid']);
    // The replayed receipt now says paid, and starts nothing.
    expect((await request('refuse', 'en', key)).receipt.payment?.status).toBe('paid');
    expect(stub.payments).toHaveLength(count + 1);
  });

  it('records, by polling, the payment of a resident who never came back; backs off; gives up after Pay’s session ends', async () => {
    const pay = httpPayClient(payConfig(stub.url));
    const poll = () => pollPaymentsOnce({ db: server.db, clock, pay, limit: 500, onPaid: enqueueWhenPaid(clock) });
    // Settle everything earlier tests left unfinished, so only this test's payments are due.
    offsetMs += 3 * 60 * 60_000;
    await poll();
    const paid = (await request()).receipt;
    const paidId = lastStubPayment().paymentId;
    const abandoned = (await request()).receipt;
    expect(await poll()).toBe(0); // not yet five minutes old

    offsetMs += 6 * 60_000;
    stub.settle(paidId, 'success');
    const gets = stub.gets;
    expect(await poll()).toBe(2);
    expect(stub.gets).toBe(gets + 2);
    expect((await stored(paid.reference))[0]!.status).toBe('paid');
    expect((await stored(abandoned.reference))[0]!.status).toBe('created');
    expect((await handoffs(paid.reference)).map((e) => e.data.payment)).toEqual([{ status: 'paid', amount: 3500 }]);
    expect(await handoffs(abandoned.reference)).toEqual([]);

    offsetMs += 3 * 60_000; // checked 3 minutes ago, after 6 minutes waiting: not due again yet
    expect(await poll()).toBe(0);
    offsetMs += 4 * 60_000;
    expect(await poll()).toBe(1);

    offsetMs += 2 * 60 * 60_000; // past Pay's 90 minutes and the margin
    stub.failNext(503);
    expect(await poll()).toBe(1);
    expect((await stored(abandoned.reference))[0]!.status).toBe('error');
    expect(await poll()).toBe(0);
  });
});

describe('GOV.UK Pay configuration', () => {
  const env = { PAY_API_KEY: 'secret-pay-key', PAY_RETURN_URL: RETURN_URL, CONTAINER_PRICES: 'refuse:3500,recycling:3500,garden:4000' };

  it('reads the key, the return page, the prices and Pay’s address (GOV.UK Pay’s by default)', () => {
    const config = loadConfig(env);
    expect(config.pay).toEqual({ apiKey: 'secret-pay-key', baseUrl: 'https://publicapi.payments.service.gov.uk', returnUrl: RETURN_URL });
    expect(config.containerPrices).toEqual({ refuse: 3500, recycling: 3500, garden: 4000 });
    expect(loadConfig({}).pay).toBeUndefined();
  });

  it.each([
    [{ PAY_RETURN_URL: undefined }, /PAY_RETURN_URL must be set/],
    [{ PAY_RETURN_URL: 'http://www.anytown.example/paid' }, /PAY_RETURN_URL/],
    [{ PAY_RETURN_URL: `${RETURN_URL}?x=1` }, /PAY_RETURN_URL/],
    [{ PAY_BASE_URL: 'http://pay.example' }, /PAY_BASE_URL/],
    [{ CONTAINER_PRICES: 'refuse:35.00' }, /CONTAINER_PRICES/],
    [{ CONTAINER_PRICES: 'glass:100' }, /CONTAINER_PRICES/],
    [{ CONTAINER_PRICES: 'refuse:3500' }, /missing: recycling, garden/],
  ])('refuses %o', (change, message) => {
    const read = () => loadConfig({ ...env, ...change });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
    try {
      read();
    } catch (error) {
      expect(String(error)).not.toContain('secret-pay-key');
    }
  });
});
