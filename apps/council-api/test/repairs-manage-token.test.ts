import { createHash } from 'node:crypto';
import { problemTypes, readRepair, readRepairProperty, readRepairSlots, readRepairStatusSummary, readReportedRepair, validate } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { seedRepairReferences } from '../src/repairs/seed.js';
import { TODAY } from './dates.js';
import { row, rows, startTestServer, type TestServer } from './helpers.js';
import { bearer, homes, manage, postRepair, reportWithToken, sendJson, tapReport, type Homes } from './repairs-helpers.js';

/**
 * Only the reporter can read, move or cancel a repair (issue 21). Before this, anyone could
 * list a council block's communal repairs by any flat's UPRN (public numbers), read each one's
 * reference, and then read, move or cancel it with the block's shared postcode. Now the list
 * carries no reference or description, and a repair is managed only with the manage token given
 * once when it was reported, sent as `Authorization: Bearer <token>`.
 */

/** Deterministic tokens: 43 base64url characters, numbered, so a test knows which one a repair got. */
const tokenNumber = { next: 0 };
const testToken = (n: number) => `test-manage-token-${String(n).padStart(4, '0')}`.padEnd(43, 'x');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const logLines: string[] = [];
let server: TestServer;
let home: Homes;
beforeAll(async () => {
  server = await startTestServer({
    clock: fixedClock(TODAY),
    rateLimitPerMinute: 100_000,
    trustProxy: true,
    newManageToken: () => testToken(++tokenNumber.next),
    logger: createLogger('info', (line) => logLines.push(line)),
  });
  home = await homes(server);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Each test its own client address (behind the trusted proxy), so their wrong guesses never add up. */
let clients = 0;
const client = () => ({ 'X-Forwarded-For': `198.51.100.${++clients}` });
const problemOf = async (response: Response) => ({ status: response.status, body: (await response.json()) as { type: string; detail?: string } });
const statusOf = async (reference: string) => (await row(server, sql<{ status: string }>`select status from repairs where reference = ${reference}`)).status;
const freeSlot = async () => validate(readRepairSlots, await (await server.get(`/api/v1/repairs/slots?sor=20110&uprn=${home.flat1}&weeks=6`)).json()).slots;
const communalReport = () => ({ ...tapReport(home.flat3), reporter: 'leaseholder', leafId: 'bin-store-light', description: 'The bin store light is out; I am away until Friday.' });

describe('a neighbour cannot read, move or cancel a repair (regression: issue 21)', () => {
  it('the communal list shows what, where, when and the status: no reference, no description', async () => {
    const reported = await reportWithToken(server, communalReport());
    const response = await server.get(`/api/v1/repairs/properties/${home.flat1}`);
    const raw = (await response.json()) as { communalRepairs: Record<string, unknown>[] };
    expect(raw.communalRepairs.length).toBeGreaterThanOrEqual(2);
    for (const listed of raw.communalRepairs) {
      expect(Object.keys(listed).sort()).toEqual(['label', 'leafId', 'locationLabel', 'reportedOn', 'status']);
    }
    const text = JSON.stringify(raw);
    for (const secret of [reported.reference, seedRepairReferences.communalOpen, 'away until Friday', reported.manageToken]) expect(text).not.toContain(secret);
    expect(validate(readRepairProperty, raw).communalRepairs).toEqual(expect.arrayContaining([expect.objectContaining({ leafId: 'bin-store-light', status: 'awaiting-appointment' })]));
  });

  it('with a leaked reference and the shared postcode: 401 saying what to send, and the repair is untouched', async () => {
    const reported = await reportWithToken(server, communalReport());
    const path = `/api/v1/repairs/${reported.reference}?postcode=AN1%201AA`;
    const slot = (await freeSlot())[0]!;
    for (const response of [
      await server.get(path, { headers: client() }),
      await sendJson(server, 'PATCH', path, { slotId: slot.id }, client()),
      await sendJson(server, 'DELETE', path, { reason: 'fixed' }, client()),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const problem = (await response.json()) as { type: string; detail: string };
      expect(problem.type).toBe(problemTypes.manageTokenRequired);
      expect(problem.detail).toContain('Authorization: Bearer');
      expect(problem.detail).toContain('/status?postcode=');
      expect(JSON.stringify(problem)).not.toContain('away until Friday');
    }
    expect(await statusOf(reported.reference)).toBe('awaiting-appointment');
    // A token in the query string is never read (URLs are logged): still 401.
    expect((await server.get(`/api/v1/repairs/${reported.reference}?token=${reported.manageToken}`, { headers: client() })).status).toBe(401);
  });

  it('reference and postcode still find a repair: its status only', async () => {
    const reported = await reportWithToken(server, communalReport());
    const response = await server.get(`/api/v1/repairs/${reported.reference.toLowerCase()}/status?postcode=an11aa`, { headers: client() });
    expect(response.status).toBe(200);
    const raw = await response.json();
    expect(raw).toEqual({ reference: reported.reference, status: 'awaiting-appointment' });
    expect(validate(readRepairStatusSummary, raw)).toEqual(raw);
    const cancelled = await server.get(`/api/v1/repairs/${seedRepairReferences.cancelled}/status?postcode=AN1%201AA`, { headers: client() });
    expect(await cancelled.json()).toEqual({ reference: seedRepairReferences.cancelled, status: 'cancelled' });
    // A wrong postcode and an unknown reference: one answer.
    const headers = client();
    const answers = await Promise.all(
      [`${reported.reference}/status?postcode=AN1%201AB`, 'RPZZZZZZ/status?postcode=AN1%201AA', 'nope/status?postcode=AN1%201AA'].map(async (p) => {
        const r = await server.get(`/api/v1/repairs/${p}`, { headers });
        return `${r.status} ${await r.text()}`;
      }),
    );
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
    expect(answers[0]).toMatch(/^404 /);
    expect((await server.get(`/api/v1/repairs/${reported.reference}/status`, { headers: client() })).status).toBe(400);
  });
});

describe('the manage token', () => {
  it('is given once, in the POST answer: 256 bits as base64url, stored only as its SHA-256', async () => {
    const response = await postRepair(server, tapReport(home.flat1, { contact: { preference: 'email', email: 'token@example.com' } }));
    expect(response.status).toBe(201);
    const reported = validate(readReportedRepair, await response.json());
    expect(reported.manageToken).toBe(testToken(tokenNumber.next));
    const stored = await row(server, sql<{ manage_token_hash: string }>`select manage_token_hash from repairs where reference = ${reported.reference}`);
    expect(stored.manage_token_hash).toBe(sha256(reported.manageToken));
    // Nowhere else: not in the answer kept for replays, not in the outbox.
    const everywhere = JSON.stringify([
      await rows(server, sql`select * from repairs where reference = ${reported.reference}`),
      await rows(server, sql`select scope, body from idempotency_keys`),
      await rows(server, sql`select personalisation from notify_outbox where reference = ${reported.reference}`),
    ]);
    expect(everywhere).not.toContain(reported.manageToken);
  });

  it('the real default: 43 base64url characters, a new one each time', async () => {
    const { randomManageToken } = await import('../src/http/manage-token.js');
    const tokens = new Set(Array.from({ length: 50 }, randomManageToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads the repair, moves it and cancels it; then it has expired', async () => {
    const [first, second] = await freeSlot();
    const reported = await reportWithToken(server, tapReport(home.flat1, { slotId: first!.id }));
    const { reference, manageToken: token } = reported;
    const read = await manage(server, 'GET', reference, token, undefined, '?lang=cy');
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(validate(readRepair, await read.json())).toMatchObject({ reference, label: 'Mae tap yn diferu', description: 'The cold tap in the kitchen drips all the time.' });

    const moved = await manage(server, 'PATCH', reference, token, { slotId: second!.id });
    expect(moved.status).toBe(200);
    expect(validate(readRepair, await moved.json())).toMatchObject({ appointment: { date: second!.date, period: second!.period } });

    const cancelled = await manage(server, 'DELETE', reference, token, { reason: 'fixed' });
    expect(cancelled.status).toBe(200);
    expect(validate(readRepair, await cancelled.json())).toMatchObject({ status: 'cancelled' });

    // Closed: the token no longer reads or changes anything.
    for (const response of [await manage(server, 'GET', reference, token), await manage(server, 'PATCH', reference, token, { slotId: first!.id }), await manage(server, 'DELETE', reference, token, { reason: 'fixed' })]) {
      expect(await problemOf(response)).toMatchObject({ status: 403, body: { type: problemTypes.manageLinkExpired } });
    }
    expect(await statusOf(reference)).toBe('cancelled');
  });

  it('a completed repair’s token has expired too', async () => {
    const reported = await reportWithToken(server, tapReport(home.councilHouse));
    await sql`update repairs set status = 'completed' where reference = ${reported.reference}`.execute(server.db);
    expect(await problemOf(await manage(server, 'GET', reported.reference, reported.manageToken))).toMatchObject({ status: 403, body: { type: problemTypes.manageLinkExpired } });
  });

  it('a wrong token, another repair’s token, a malformed header and an unknown reference get one answer', async () => {
    const mine = await reportWithToken(server, tapReport(home.flat1));
    const theirs = await reportWithToken(server, tapReport(home.flat2));
    const headers = client();
    const attempt = async (reference: string, authorization: string) => {
      const response = await fetch(new URL(`/api/v1/repairs/${reference}`, server.url), { headers: { ...headers, Authorization: authorization } });
      return `${response.status} ${await response.text()}`;
    };
    const answers = [
      await attempt(mine.reference, `Bearer ${theirs.manageToken}`),
      await attempt(mine.reference, `Bearer ${mine.manageToken.slice(0, -1)}y`),
      await attempt(mine.reference, 'Basic dXNlcjpwYXNz'),
      await attempt('RPZZZZZZ', `Bearer ${mine.manageToken}`),
    ];
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
    expect(answers[0]).toMatch(/^404 /);
    expect(await statusOf(mine.reference)).toBe('awaiting-appointment');
  });

  it('a repeated report (same key, same body) gives a new token and ends the first', async () => {
    const key = `replay-${tokenNumber.next}`;
    const body = tapReport(home.flat2);
    const first = validate(readReportedRepair, await (await postRepair(server, body, key)).json());
    const again = await postRepair(server, body, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const replayed = validate(readReportedRepair, await again.json());
    expect(replayed.reference).toBe(first.reference);
    expect(replayed.manageToken).not.toBe(first.manageToken);
    expect((await manage(server, 'GET', first.reference, first.manageToken, undefined)).status).toBe(404);
    expect((await manage(server, 'GET', first.reference, replayed.manageToken)).status).toBe(200);
  });

  it('never appears in the request log', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    await manage(server, 'GET', reported.reference, reported.manageToken);
    await server.get(`/api/v1/repairs/${reported.reference}/status?postcode=AN1%201AA`);
    const text = logLines.join('\n');
    expect(text).toContain('/repairs/:reference');
    for (const secret of [reported.manageToken, reported.reference, 'AN1']) expect(text).not.toContain(secret);
  });
});

describe('wrong guesses are limited per repair and per client', () => {
  /** A whole minute, so the window is easy to reason about on both stores. */
  const T0 = 1_900_000_000_000;

  it('per repair: after 5 wrong tokens from anywhere, even the right one waits for the window to end', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 1_000);
    const wrong = `Bearer ${'w'.repeat(43)}`;
    for (let i = 0; i < 5; i++) {
      const response = await fetch(new URL(`/api/v1/repairs/${reported.reference}`, server.url), { headers: { ...client(), Authorization: wrong } });
      expect(response.status, `guess ${i + 1}`).toBe(404);
    }
    const blocked = await fetch(new URL(`/api/v1/repairs/${reported.reference}`, server.url), { headers: { ...client(), ...bearer(reported.manageToken) } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await problemOf(blocked)).toMatchObject({ body: { type: problemTypes.rateLimited } });
    // The status route for the same repair is limited too.
    expect((await server.get(`/api/v1/repairs/${reported.reference}/status?postcode=AN1%201AA`, { headers: client() })).status).toBe(429);
    // Another repair is not.
    const other = await reportWithToken(server, tapReport(home.flat2));
    expect((await fetch(new URL(`/api/v1/repairs/${other.reference}`, server.url), { headers: { ...client(), ...bearer(other.manageToken) } })).status).toBe(200);

    vi.setSystemTime(T0 + 62_000);
    expect((await fetch(new URL(`/api/v1/repairs/${reported.reference}`, server.url), { headers: { ...client(), ...bearer(reported.manageToken) } })).status).toBe(200);
  });

  it('per client: after 10 wrong guesses across repairs (tokens or postcodes), that client waits; others do not', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 120_000);
    const guesser = client();
    for (let i = 0; i < 10; i++) {
      // Different (unknown) references each time, so no one repair's limit is reached.
      const reference = `RP${'ABCDEFGHJK'[i]}ZZZZZ`;
      const response =
        i % 2
          ? await server.get(`/api/v1/repairs/${reference}/status?postcode=AN1%201AA`, { headers: guesser })
          : await fetch(new URL(`/api/v1/repairs/${reference}`, server.url), { headers: { ...guesser, Authorization: `Bearer ${'g'.repeat(43)}` } });
      expect(response.status, `guess ${i + 1}`).toBe(404);
    }
    expect((await fetch(new URL(`/api/v1/repairs/${reported.reference}`, server.url), { headers: { ...guesser, ...bearer(reported.manageToken) } })).status).toBe(429);
    expect((await fetch(new URL(`/api/v1/repairs/${reported.reference}`, server.url), { headers: { ...client(), ...bearer(reported.manageToken) } })).status).toBe(200);
  });

  it('the right token is never counted: the reporter can use it again and again', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    const headers = client();
    for (let i = 0; i < 15; i++) {
      expect((await fetch(new URL(`/api/v1/repairs/${reported.reference}`, server.url), { headers: { ...headers, ...bearer(reported.manageToken) } })).status, `read ${i + 1}`).toBe(200);
    }
  });
});
