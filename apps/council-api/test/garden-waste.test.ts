import { readGardenOffer, readGardenReceipt, readPaymentState } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/clock.js';
import { paymentToken } from '../src/waste/payment-token.js';
import { postJson, rows, startTestServer, type TestServer } from './helpers.js';
import { startPayStub, STUB_KEY, type PayStub } from './pay-stub.js';

// Garden waste subscriptions on a named day (3 December 2026: a late starter pays 4 months of 12,
// £15.00 a bin at Anytown's £45), with the seed's properties: 9 High Street (active subscription),
// 11 High Street (lapsed), the pharmacy (never subscribed) and a flat with no garden collection.
const ACTIVE = '100070000112';
const LAPSED = '100070000179';
const NEVER = '100070000245';
const NO_GARDEN = '100070000345';
const SUBSCRIBE = '/api/v1/waste/garden-subscriptions';
const offerPath = (uprn: string, lang = 'en') => `/api/v1/waste/properties/${uprn}/garden?lang=${lang}`;

let day = '2026-12-03';
const clock: Clock = { today: () => day, now: () => new Date(`${day}T09:00:00Z`) };
let server: TestServer;

const offer = async (uprn: string, lang = 'en') => {
  const response = await server.get(offerPath(uprn, lang));
  expect(response.status).toBe(200);
  return readGardenOffer(await response.json(), '');
};
const subscribe = (body: unknown, headers: Record<string, string> = {}, lang = 'en', on: { url: string } = server) => postJson(on, `${SUBSCRIBE}?lang=${lang}`, body, headers);
const handoffs = async (on: TestServer, reference: string) =>
  (await rows(on, sql<{ type: string; body: string }>`select type, body from handoff_deliveries where reference = ${reference}`)).map((r) => ({ type: r.type, data: (JSON.parse(r.body) as { data: Record<string, unknown> }).data }));
const subscription = async (on: TestServer, uprn: string) =>
  rows(on, sql<{ status: string; expires_on: string; bins: number | null }>`select status, expires_on, bins from waste_garden_subscriptions where uprn = ${uprn}`);

beforeAll(async () => {
  server = await startTestServer({ clock, rateLimitPerMinute: 100_000 });
});
afterAll(async () => server?.stop());

describe('GET /waste/properties/{uprn}/garden', () => {
  it('offers a property never subscribed this year’s remaining months, priced by the server for each number of bins', async () => {
    expect(await offer(NEVER)).toMatchObject({
      uprn: NEVER,
      eligible: true,
      subscription: { status: 'none' },
      canSubscribe: true,
      renewal: false,
      starts: '2026-12-03',
      expires: '2027-03-31',
      months: 4,
      prices: [
        { bins: 1, amount: 1500, concessionAmount: 750 },
        { bins: 2, amount: 3000, concessionAmount: 1500 },
        { bins: 3, amount: 4500, concessionAmount: 2250 },
      ],
      terms: { pricePerBin: 4500, maxBins: 3, yearStart: '04-01', proRata: 'monthly', concession: { description: 'Half price' } },
    });
    const { collectionsStart } = await offer(NEVER);
    // The first garden collection once the stickers can have arrived (10 days).
    expect(collectionsStart! >= '2026-12-13' && collectionsStart! <= '2027-03-31').toBe(true);
  });

  it('answers in Welsh with ?lang=cy', async () => {
    const { terms } = await offer(NEVER, 'cy');
    expect(terms.concession?.description).toBe('Hanner pris');
    expect(terms.cancellation).toMatch(/ad-daliad/);
    expect(terms.stickers).toMatch(/sticer/);
  });

  it('shows an active subscription and when it can be renewed, with nothing to buy yet', async () => {
    const active = await offer(ACTIVE);
    expect(active).toMatchObject({ eligible: true, subscription: { status: 'active', bins: 1, expires: '2028-03-31' }, canSubscribe: false, renewFrom: '2028-02-04', prices: [] });
  });

  it('offers a lapsed subscriber a renewal from today with their bins', async () => {
    expect(await offer(LAPSED)).toMatchObject({ subscription: { status: 'expired', expires: '2026-03-31' }, canSubscribe: true, renewal: true, starts: '2026-12-03', months: 4 });
  });

  it('says a property without garden collections cannot subscribe', async () => {
    expect(await offer(NO_GARDEN)).toMatchObject({ eligible: false, canSubscribe: false, prices: [] });
  });

  it('refuses a malformed UPRN or language (400) and answers 404 for an unknown property', async () => {
    expect((await server.get('/api/v1/waste/properties/12ab/garden')).status).toBe(400);
    expect((await server.get(offerPath(NEVER, 'fr'))).status).toBe(400);
    const unknown = await server.get(offerPath('999999999999'));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('POST /waste/garden-subscriptions without GOV.UK Pay', () => {
  it('stores the subscription at the server’s price, hands it to the back office and confirms it in the form’s language', async () => {
    const response = await subscribe({ uprn: NEVER, bins: 2, concession: true, contact: { email: 'sam@example.com' } }, {}, 'cy');
    expect(response.status).toBe(201);
    const receipt = readGardenReceipt(await response.json(), '');
    expect(receipt).toMatchObject({ amount: 1500, renewal: false, starts: '2026-12-03', expires: '2027-03-31' });
    expect(receipt.paymentUrl).toBeUndefined();
    expect(receipt.payment).toBeUndefined();
    const [event] = await handoffs(server, receipt.reference);
    expect(event).toMatchObject({ type: 'garden-subscription.requested', data: { uprn: NEVER, bins: 2, concession: true, amount: 1500, payment: null, language: 'cy' } });
    const [message] = await rows(server, sql<{ template_id: string; personalisation: string }>`select template_id, personalisation from notify_outbox where reference = ${receipt.reference}`);
    expect(message!.template_id).toBe('garden-subscription-email');
    expect(JSON.parse(message!.personalisation)).toMatchObject({ reference: receipt.reference, bins: '2', amount: '£15.00', payment_link_to_follow: 'yes', expires: 'dydd Mercher 31 Mawrth 2027' });
    // Not active until the council has taken payment.
    expect(await subscription(server, NEVER)).toEqual([]);
  });

  it('answers a replay of the same Idempotency-Key with the first reference, storing nothing twice', async () => {
    const key = { 'Idempotency-Key': 'garden-replay-1' };
    const body = { uprn: LAPSED, bins: 1 };
    const first = (await (await subscribe(body, key)).json()) as { reference: string };
    const again = await subscribe(body, key);
    expect(((await again.json()) as { reference: string }).reference).toBe(first.reference);
    expect(await rows(server, sql`select reference from garden_subscriptions where uprn = ${LAPSED}`)).toHaveLength(1);
    expect((await subscribe({ uprn: LAPSED, bins: 2 }, key)).status).toBe(422);
  });

  it('refuses a property without garden collections, and one already subscribed and not yet due', async () => {
    const none = await subscribe({ uprn: NO_GARDEN, bins: 1 });
    expect(none.status).toBe(422);
    expect(((await none.json()) as { type: string }).type).toBe('https://council-kit.dev/problems/garden-not-available');
    const active = await subscribe({ uprn: ACTIVE, bins: 1 });
    expect(active.status).toBe(422);
    expect(((await active.json()) as { detail: string }).detail).toContain('2028-02-04');
  });

  it.each([
    [{ uprn: NEVER, bins: 4 }, '/bins'],
    [{ uprn: NEVER, bins: 0 }, '/bins'],
    [{ uprn: NEVER, bins: '2' }, '/bins'],
    [{ uprn: NEVER, bins: 1.5 }, '/bins'],
    [{ uprn: NEVER, bins: 1, concession: 'yes' }, '/concession'],
    [{ uprn: NEVER, bins: 1, price: 1 }, '/price'],
    [{ uprn: '<script>', bins: 1 }, '/uprn'],
    [{ uprn: NEVER, bins: 1, contact: { email: '"><img src=x onerror=alert(1)>' } }, '/contact/email'],
    [{ uprn: '999999999999', bins: 1 }, '/uprn'],
  ])('refuses %o at %s with a problem, never a 500', async (body, path) => {
    const response = await subscribe(body);
    expect([400, 422]).toContain(response.status);
    const problem = (await response.json()) as { errors?: { path: string }[] };
    expect(problem.errors?.map((e) => e.path)).toContain(path);
  });

  it('refuses a body that is not JSON', async () => {
    expect((await subscribe('{"uprn":')).status).toBe(400);
  });
});

describe('POST /waste/garden-subscriptions with GOV.UK Pay', () => {
  let stub: PayStub;
  let paying: TestServer;
  const RETURN = 'https://www.anytown.example/bins/garden-waste/';

  beforeAll(async () => {
    stub = await startPayStub();
    paying = await startTestServer({
      clock,
      rateLimitPerMinute: 100_000,
      pay: { apiKey: STUB_KEY, baseUrl: stub.url, returnUrl: 'https://www.anytown.example/bins/paid' },
      env: { GARDEN_PAY_RETURN_URL: RETURN },
    });
  });
  afterAll(async () => {
    await paying?.stop();
    await stub?.close();
    day = '2026-12-03';
  });

  it('renews across the year boundary: pays the whole next year, and the subscription runs on once Pay says paid', async () => {
    day = '2027-03-20';
    await paying.db.updateTable('waste_garden_subscriptions').set({ status: 'active', expires_on: '2027-03-31', bins: 2 }).where('uprn', '=', LAPSED).execute();
    const before = await (await paying.get(offerPath(LAPSED))).json();
    expect(readGardenOffer(before, '')).toMatchObject({ renewal: true, starts: '2027-04-01', expires: '2028-03-31', months: 12, subscription: { bins: 2 } });

    const response = await subscribe({ uprn: LAPSED, bins: 2 }, {}, 'en', paying);
    expect(response.status).toBe(201);
    const receipt = readGardenReceipt(await response.json(), '');
    const token = paymentToken(STUB_KEY, receipt.reference);
    expect(receipt).toMatchObject({ amount: 9000, renewal: true, starts: '2027-04-01', expires: '2028-03-31', payment: { status: 'created', amount: 9000, token } });
    const created = stub.payments.at(-1)!;
    expect(created).toMatchObject({ amount: 9000, reference: receipt.reference, returnUrl: `${RETURN}?payment=${receipt.reference}&token=${token}` });
    expect(created.description).toBe(`Garden waste renewal ${receipt.reference}: 2 bins`);
    expect(receipt.paymentUrl).toBe(`https://card.payments.example/secure/${created.sessionId}`);
    // Nothing for the back office, and no new expiry, until it is paid.
    expect(await handoffs(paying, receipt.reference)).toEqual([]);

    stub.settle(created.paymentId, 'success');
    const path = `${SUBSCRIBE}/${receipt.reference}/payment`;
    const paid = await paying.get(path, { headers: { Authorization: `Bearer ${token}` } });
    expect(readPaymentState(await paid.json(), '')).toEqual({ reference: receipt.reference, status: 'paid', amount: 9000 });
    expect(await subscription(paying, LAPSED)).toEqual([{ status: 'active', expires_on: '2028-03-31', bins: 2 }]);
    await paying.get(path, { headers: { Authorization: `Bearer ${token}` } });
    expect((await handoffs(paying, receipt.reference)).map((e) => e.data.payment)).toEqual([{ status: 'paid', amount: 9000 }]);
    // Another kind's payment route does not answer for it.
    expect((await paying.get(`/api/v1/waste/container-requests/${receipt.reference}/payment`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
    expect(stub.refused).toEqual([]);
  });

  it('starts a late starter’s payment in Welsh, and a failed one can be paid again', async () => {
    day = '2026-12-03';
    const response = await subscribe({ uprn: NEVER, bins: 1 }, {}, 'cy', paying);
    const receipt = readGardenReceipt(await response.json(), '');
    expect(stub.payments.at(-1)).toMatchObject({ amount: 1500, language: 'cy', description: `Tanysgrifiad gwastraff gardd ${receipt.reference}: 1 bin` });
    stub.settle(stub.payments.at(-1)!.paymentId, 'failed', 'P0030');
    const headers = { Authorization: `Bearer ${receipt.payment!.token}` };
    const again = await paying.get(`${SUBSCRIBE}/${receipt.reference}/payment?lang=cy`, { method: 'POST', headers });
    expect(again.status).toBe(201);
    expect(await subscription(paying, NEVER)).toEqual([]);
  });
});
