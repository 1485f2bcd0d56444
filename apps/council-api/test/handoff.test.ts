import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../src/clock.js';
import { deliverOnce, HANDOFF_BACKOFF_MS, HANDOFF_MAX_ATTEMPTS } from '../src/handoff/deliver.js';
import { createLogger } from '../src/logger.js';
import { purgeExpired } from '../src/retention/purge.js';
import { TODAY } from './dates.js';
import { startReceiver } from './handoff-receiver.js';
import { movableClock, postJson, rows, startTestServer, type TestServer } from './helpers.js';
import { homes, manage, postRepair, reportWithToken, tapReport, type Homes } from './repairs-helpers.js';
import { reportableToday, type LastCollection } from './waste-support.js';

/**
 * Delivery to the back office: every accepted submission queued in its own transaction, once;
 * `deliverOnce` against a stub receiver on 127.0.0.1 that checks the signature; retries with
 * backoff by the clock given, dead letters, leases. Runs on SQLite and (npm test) PostgreSQL.
 */

const SECRET = 'handoff-test-secret-0123456789abcdef';
const STAFF_TOKEN = 'staff-token-for-tests-0123456789abcdef';
const clock = movableClock(TODAY);
const logLines: string[] = [];
const logger = createLogger('info', (line) => logLines.push(line));
let server: TestServer;
let home: Homes;
let open: LastCollection[];
let receiver: Awaited<ReturnType<typeof startReceiver>>;

/** A clock at an exact instant, for deliverOnce: moved by the test, never by the real time. */
function instantClock(start: Date): Clock & { advance(ms: number): void } {
  let at = start.getTime();
  return { today: () => new Date(at).toISOString().slice(0, 10), now: () => new Date(at), advance: (ms) => (at += ms) };
}

interface Delivery {
  event_id: string;
  type: string;
  reference: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}
const deliveriesOf = (reference: string) =>
  rows(server, sql<Delivery>`select event_id, type, reference, body, status, attempts, next_attempt_at, last_error from handoff_deliveries where reference = ${reference} order by created_at, event_id`);
const countAll = async () => Number((await rows(server, sql<{ n: number }>`select count(*) as n from handoff_deliveries`))[0]!.n);
/** Marks everything queued so far delivered, so a delivery test sees only its own events. */
const settleAll = () => sql`update handoff_deliveries set status = 'delivered' where status <> 'delivered'`.execute(server.db);
const deliver = (at: Clock, url = receiver.url) => deliverOnce({ db: server.db, clock: at, logger, url, secret: SECRET });

beforeAll(async () => {
  server = await startTestServer({ clock, rateLimitPerMinute: 100_000, logger, staffApiTokens: [STAFF_TOKEN] });
  home = await homes(server);
  open = await reportableToday(server.db, TODAY, 3);
  receiver = await startReceiver(SECRET);
});

afterAll(async () => {
  await receiver?.close();
  await server?.stop();
});

beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer(204);
});

describe('queued with the submission', () => {
  it('a missed collection: one missed-collection.reported event, not queued again by a replay or a duplicate', async () => {
    const { uprn, serviceId, collectionDate } = open[0]!;
    const body = { uprn, serviceId, collectionDate, binOutInTime: true, contact: { email: 'resident@example.com' } };
    const first = await postJson(server, '/api/v1/waste/missed-collections', body, { 'Idempotency-Key': 'handoff-missed-1' });
    expect(first.status).toBe(201);
    const { reference } = (await first.json()) as { reference: string };
    // The same key again (a replay) and another key (the same collection: a duplicate).
    expect((await postJson(server, '/api/v1/waste/missed-collections', body, { 'Idempotency-Key': 'handoff-missed-1' })).status).toBe(201);
    expect((await postJson(server, '/api/v1/waste/missed-collections', body, { 'Idempotency-Key': 'handoff-missed-2' })).status).toBe(200);

    const [event, ...more] = await deliveriesOf(reference);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ type: 'missed-collection.reported', status: 'pending', attempts: 0 });
    const envelope = JSON.parse(event!.body) as Record<string, unknown>;
    expect(envelope).toEqual({
      id: event!.event_id,
      version: 1,
      type: 'missed-collection.reported',
      occurredAt: expect.stringMatching(new RegExp(`^${TODAY}T`)) as unknown,
      data: expect.objectContaining({ reference, uprn, serviceId, collectionDate, contact: { email: 'resident@example.com', phone: null } }) as unknown,
    });
    expect((envelope.data as { address: string }).address).toMatch(/, AN\d/);
  });

  it('a container request: container.requested with its charge and payment link', async () => {
    const response = await postJson(server, '/api/v1/waste/container-requests', { uprn: open[1]!.uprn, containerId: 'refuse', reason: 'lost', contact: { phone: '07700 900123' } });
    expect(response.status).toBe(201);
    const { reference, paymentUrl } = (await response.json()) as { reference: string; paymentUrl?: string };
    const [event, ...more] = await deliveriesOf(reference);
    expect(more).toEqual([]);
    expect(JSON.parse(event!.body)).toMatchObject({ type: 'container.requested', data: { reference, containerId: 'refuse', reason: 'lost', charged: true, paymentUrl, contact: { phone: '07700900123' } } });
  });

  it('a repair: reported, rescheduled and cancelled, one event each; a refused report queues nothing', async () => {
    const slots = ((await (await server.get(`/api/v1/repairs/slots?sor=20110&uprn=${home.flat1}&weeks=6`)).json()) as { slots: { id: string; date: string; period: string }[] }).slots;
    const { reference, manageToken } = await reportWithToken(server, tapReport(home.flat1, { slotId: slots[0]!.id, contact: { preference: 'email', email: 'tenant@example.com' } }));
    expect((await manage(server, 'PATCH', reference, manageToken, { slotId: slots[1]!.id })).status).toBe(200);
    expect((await manage(server, 'DELETE', reference, manageToken, { reason: 'fixed' })).status).toBe(200);

    const events = await deliveriesOf(reference);
    expect(events.map((e) => e.type)).toEqual(['repair.reported', 'repair.rescheduled', 'repair.cancelled']);
    const [reported, moved, cancelled] = events.map((e) => JSON.parse(e.body) as { data: Record<string, unknown> });
    expect(reported!.data).toMatchObject({ reference, sor: '20110', trade: 'plumber', appointment: { date: slots[0]!.date, period: slots[0]!.period }, contact: { preference: 'email', email: 'tenant@example.com' } });
    expect(moved!.data).toMatchObject({ appointment: { date: slots[1]!.date, period: slots[1]!.period }, previousAppointment: { date: slots[0]!.date, period: slots[0]!.period } });
    expect(cancelled!.data).toMatchObject({ reason: 'fixed' });
    // The manage token never leaves the API.
    expect(events.some((e) => e.body.includes(manageToken))).toBe(false);

    const before = await countAll();
    expect((await postRepair(server, tapReport(home.privateHome))).status).toBe(422);
    expect(await countAll()).toBe(before);
  });
});

describe('deliverOnce', () => {
  it('POSTs the stored body, signed, with its event id; 2xx is delivered and not sent again', async () => {
    await settleAll();
    const { reference } = await reportWithToken(server, tapReport(home.flat2));
    const [queued] = await deliveriesOf(reference);
    const at = instantClock(new Date(clock.now().getTime() + 1000));

    expect(await deliver(at)).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.raw).toBe(queued!.body);
    expect(got!.signatureOk).toBe(true);
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['x-council-kit-event-id']).toBe(queued!.event_id);
    expect((await deliveriesOf(reference))[0]).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });

    expect(await deliver(at)).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it('a signature made with another secret does not verify at the receiver', async () => {
    await settleAll();
    await reportWithToken(server, tapReport(home.flat2));
    await deliverOnce({ db: server.db, clock: instantClock(new Date(clock.now().getTime() + 1000)), logger, url: receiver.url, secret: `${SECRET}-not` });
    expect(receiver.received.map((r) => r.signatureOk)).toEqual([false]);
  });

  it('retries a failure after 1 min, 5 min, 30 min, 2 h, 6 h and 24 h, then dead-letters it; staff replay it and it is delivered', async () => {
    await settleAll();
    const { reference } = await reportWithToken(server, tapReport(home.flat3, { contact: { preference: 'email', email: 'secret-person@example.com' } }));
    const [{ event_id: eventId }] = (await deliveriesOf(reference)) as [Delivery];
    const at = instantClock(new Date(clock.now().getTime() + 1000));
    receiver.answer(503);

    for (let attempt = 1; attempt <= HANDOFF_MAX_ATTEMPTS; attempt++) {
      const last = attempt === HANDOFF_MAX_ATTEMPTS;
      expect(await deliver(at)).toEqual({ delivered: 0, retrying: last ? 0 : 1, dead: last ? 1 : 0 });
      const [stored] = await deliveriesOf(reference);
      expect(stored).toMatchObject({ status: last ? 'dead' : 'pending', attempts: attempt, last_error: 'HTTP 503' });
      if (last) break;
      const wait = HANDOFF_BACKOFF_MS[attempt - 1]!;
      expect(Date.parse(stored!.next_attempt_at) - at.now().getTime()).toBe(wait);
      // Not before its time…
      at.advance(wait - 1);
      expect(await deliver(at)).toEqual({ delivered: 0, retrying: 0, dead: 0 });
      at.advance(1);
    }
    expect(HANDOFF_BACKOFF_MS).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 86_400_000]);
    expect(receiver.received).toHaveLength(HANDOFF_MAX_ATTEMPTS);
    at.advance(10 * 86_400_000);
    expect(await deliver(at)).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    // Logged by event id and status: never the body's contact details.
    const logged = logLines.filter((line) => line.includes(eventId));
    expect(logged.length).toBe(HANDOFF_MAX_ATTEMPTS);
    expect(logged.some((line) => line.includes('secret-person'))).toBe(false);

    const staff = { Authorization: `Bearer ${STAFF_TOKEN}` };
    expect(server.config.staffApiTokens).toEqual([STAFF_TOKEN]);
    const dead = (await (await server.get('/api/v1/staff/deliveries?status=dead', { headers: staff })).json()) as { items: { eventId: string; lastError: string; attempts: number }[] };
    expect(dead.items).toEqual([expect.objectContaining({ eventId, lastError: 'HTTP 503', attempts: HANDOFF_MAX_ATTEMPTS })]);
    const replay = (id: string) => fetch(new URL(`/api/v1/staff/deliveries/${id}/replay`, server.url), { method: 'POST', headers: staff });
    const replayed = await replay(eventId);
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toMatchObject({ eventId, status: 'pending', attempts: 0 });
    expect((await replay(eventId)).status).toBe(409);
    expect((await replay(randomUUID())).status).toBe(404);
    expect((await replay('not-a-uuid')).status).toBe(404);

    receiver.answer(200);
    expect(await deliver(at)).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect((await deliveriesOf(reference))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('a network error is a retry, recorded by its name only', async () => {
    await settleAll();
    const { reference } = await reportWithToken(server, tapReport(home.councilHouse));
    const closed = await startReceiver(SECRET);
    await closed.close();
    const at = instantClock(new Date(clock.now().getTime() + 1000));
    expect(await deliver(at, closed.url)).toEqual({ delivered: 0, retrying: 1, dead: 0 });
    const [stored] = await deliveriesOf(reference);
    expect(stored!.status).toBe('pending');
    expect(stored!.last_error).toMatch(/^TypeError( ECONNREFUSED)?$/);
  });

  it('takes back a delivery whose claim lapsed (a worker that died mid-attempt), not one still held', async () => {
    await settleAll();
    const { reference } = await reportWithToken(server, tapReport(home.flat1));
    const at = instantClock(new Date(clock.now().getTime() + 1000));
    const lease = (ms: number) => new Date(at.now().getTime() + ms).toISOString();
    await sql`update handoff_deliveries set status = 'delivering', attempts = 1, claimed_until = ${lease(60_000)} where reference = ${reference}`.execute(server.db);
    expect(await deliver(at)).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    await sql`update handoff_deliveries set claimed_until = ${lease(-1)} where reference = ${reference}`.execute(server.db);
    expect(await deliver(at)).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect((await deliveriesOf(reference))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('two workers at once (two instances): every event is sent once', async () => {
    await settleAll();
    const references: string[] = [];
    for (let i = 0; i < 6; i++) references.push((await reportWithToken(server, tapReport(home.flat2, { description: `Drip ${i}` }))).reference);
    const at = instantClock(new Date(clock.now().getTime() + 1000));
    const results = await Promise.all([deliverOnce({ db: server.db, clock: at, logger, url: receiver.url, secret: SECRET, limit: 4 }), deliver(at), deliver(at)]);
    expect(results.reduce((sum, r) => sum + r.delivered, 0)).toBe(6);
    const ids = receiver.received.map((r) => r.headers['x-council-kit-event-id']);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('retention: events older than RETENTION_DAYS are deleted whatever their state (they hold contact details); younger ones are kept', async () => {
    const delivered = (await reportWithToken(server, tapReport(home.flat1))).reference;
    const pending = (await reportWithToken(server, tapReport(home.flat2))).reference;
    const dead = (await reportWithToken(server, tapReport(home.flat3))).reference;
    await settleAll();
    await sql`update handoff_deliveries set status = 'pending' where reference = ${pending}`.execute(server.db);
    await sql`update handoff_deliveries set status = 'dead' where reference = ${dead}`.execute(server.db);
    const after = (days: number) => instantClock(new Date(clock.now().getTime() + days * 86_400_000));
    expect((await purgeExpired({ db: server.db, clock: after(89), retentionDays: 90, logger })).handoffDeliveries).toBe(0);
    expect((await deliveriesOf(pending)).map((d) => d.status)).toEqual(['pending']);
    expect((await deliveriesOf(dead)).map((d) => d.status)).toEqual(['dead']);
    const counts = await purgeExpired({ db: server.db, clock: after(91), retentionDays: 90, logger });
    expect(counts.handoffDeliveries).toBeGreaterThanOrEqual(3);
    for (const reference of [delivered, pending, dead]) expect(await deliveriesOf(reference)).toEqual([]);
    expect((await purgeExpired({ db: server.db, clock: after(91), retentionDays: 90, logger })).handoffDeliveries).toBe(0);
  });
});
