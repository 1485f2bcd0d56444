import { createHash } from 'node:crypto';
import { problemTypes, readManageCodeSent, readManageTokenGrant, readRepair, validate } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock, type Clock } from '../src/clock.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { seedRepairReferences } from '../src/repairs/seed.js';
import { TODAY } from './dates.js';
import { postJson, rows, startTestServer, type TestServer } from './helpers.js';
import { bearer, homes, manage, reportWithToken, tapReport, type Homes } from './repairs-helpers.js';

/**
 * Managing a repair without its manage link (issue 21): the reference and postcode ask for a
 * one-time code, sent by Notify to the contact details on the repair; the code is exchanged once
 * for a manage token. And the manage link itself, in the confirmation, when REPAIRS_MANAGE_URL is set.
 */

const MANAGE_URL = 'https://www.anytown.example/repairs/appointment/';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The app's clock: the suite's day, moved on by the tests (codes expire by it, not by the wall clock). */
const start = fixedClock(TODAY).now().getTime();
let shift = 0;
const clock: Clock = { today: () => TODAY, now: () => new Date(start + shift) };

/** Codes the tests can predict: 6 digits, numbered. */
let codes = 0;
const nextCode = () => String(100_000 + ++codes);

const logLines: string[] = [];
let server: TestServer;
let home: Homes;
beforeAll(async () => {
  server = await startTestServer({
    clock,
    rateLimitPerMinute: 100_000,
    trustProxy: true,
    repairsManageUrl: MANAGE_URL,
    newManageCode: nextCode,
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
const client = () => ({ 'X-Forwarded-For': `203.0.113.${++clients}` });
const askCode = (reference: string, postcode: string, headers = client(), query = '') => postJson(server, `/api/v1/repairs/${reference}/code${query}`, { postcode }, headers);
const exchange = (reference: string, postcode: string, code: string, headers = client()) => postJson(server, `/api/v1/repairs/${reference}/token`, { postcode, code }, headers);
const answer = async (response: Response) => `${response.status} ${await response.text()}`;
const outbox = (reference: string) =>
  rows(server, sql<{ template_id: string; recipient: string; personalisation: string; channel: string }>`select template_id, recipient, personalisation, channel from notify_outbox where reference = ${reference} and template_id like 'repair-code-%' order by id`);
const emailed = () => tapReport(home.flat2, { contact: { preference: 'email', email: 'jo.bloggs@example.com', mobile: '07700 900123' } });

describe('a one-time code, for a resident without the manage link', () => {
  it('goes by text to the mobile on the repair, stored only as a hash; exchanged once for a second working token', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    const sent = await askCode(reported.reference.toLowerCase(), 'an11aa');
    expect(sent.status).toBe(202);
    expect(sent.headers.get('cache-control')).toBe('no-store');
    expect(validate(readManageCodeSent, await sent.json())).toEqual({ channel: 'sms', hint: '*** 982' });
    const code = String(100_000 + codes);
    const [message, ...more] = await outbox(reported.reference);
    expect(more).toEqual([]);
    expect(message).toEqual({ template_id: 'repair-code-sms', channel: 'sms', recipient: '07700900982', personalisation: JSON.stringify({ code, reference: reported.reference }) });
    const [stored] = await rows(server, sql<{ code_hash: string; attempts: number }>`select code_hash, attempts from repair_codes where reference = ${reported.reference}`);
    expect(stored).toEqual({ code_hash: sha256(`${reported.reference}:${code}`), attempts: 0 });

    const granted = await exchange(reported.reference, 'AN1 1AA', code.replace(/(\d{3})/, '$1 '));
    expect(granted.status).toBe(201);
    const grant = validate(readManageTokenGrant, await granted.json());
    expect(grant.reference).toBe(reported.reference);
    expect(grant.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(grant.manageToken).not.toBe(reported.manageToken);
    const [kept] = await rows(server, sql<{ token_hash: string }>`select token_hash from repair_manage_tokens where reference = ${reported.reference}`);
    expect(kept!.token_hash).toBe(sha256(grant.manageToken));

    // Both tokens work: the emailed link keeps working beside the code's.
    for (const token of [grant.manageToken, reported.manageToken]) {
      expect(validate(readRepair, await (await manage(server, 'GET', reported.reference, token)).json()).reference).toBe(reported.reference);
    }
    // Used once: the same code again is refused, and the code is gone.
    expect((await exchange(reported.reference, 'AN1 1AA', code)).status).toBe(422);
    expect(await rows(server, sql`select * from repair_codes where reference = ${reported.reference}`)).toEqual([]);
    // Closing the repair ends both tokens.
    expect((await manage(server, 'DELETE', reported.reference, grant.manageToken, { reason: 'fixed' })).status).toBe(200);
    for (const token of [grant.manageToken, reported.manageToken]) expect((await manage(server, 'GET', reported.reference, token)).status).toBe(403);
  });

  it('goes by email when the resident chose email, masked in the answer', async () => {
    const reported = await reportWithToken(server, emailed());
    const sent = await askCode(reported.reference, 'AN1 1AA', client(), '?lang=cy');
    expect(await sent.json()).toEqual({ channel: 'email', hint: 'j***@e***.com' });
    expect(await outbox(reported.reference)).toEqual([expect.objectContaining({ template_id: 'repair-code-email', channel: 'email', recipient: 'jo.bloggs@example.com' })]);
    // In the language asked for, so a council's Welsh template (`repair-code-email.cy`) is used.
    expect(await rows(server, sql`select lang from notify_outbox where reference = ${reported.reference} and template_id = 'repair-code-email'`)).toEqual([{ lang: 'cy' }]);
  });

  it('is not sent again within a minute; after that a new code replaces the old', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat3));
    const headers = client();
    expect((await askCode(reported.reference, 'AN1 1AA', headers)).status).toBe(202);
    const first = String(100_000 + codes);
    shift += 30_000;
    const again = await askCode(reported.reference, 'AN1 1AA', headers);
    expect(await answer(again)).toBe(`202 ${JSON.stringify({ channel: 'sms', hint: '*** 982' })}`);
    expect(await outbox(reported.reference)).toHaveLength(1);
    shift += 31_000;
    expect((await askCode(reported.reference, 'AN1 1AA', headers)).status).toBe(202);
    const second = String(100_000 + codes);
    expect(second).not.toBe(first);
    expect((await outbox(reported.reference)).map((m) => JSON.parse(m.personalisation).code)).toEqual([first, second]);
    expect((await exchange(reported.reference, 'AN1 1AA', first, headers)).status).toBe(422);
    expect((await exchange(reported.reference, 'AN1 1AA', second, headers)).status).toBe(201);
  });

  it('expires after 15 minutes by the app’s clock', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    await askCode(reported.reference, 'AN1 1AA');
    const code = String(100_000 + codes);
    shift += 15 * 60_000 + 1_000;
    expect(await (await exchange(reported.reference, 'AN1 1AA', code)).json()).toMatchObject({ type: problemTypes.manageCodeNotValid });
  });

  it('a wrong code, a wrong postcode, an unknown reference and an expired code get one answer', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat2));
    const expired = await reportWithToken(server, tapReport(home.flat3));
    await askCode(expired.reference, 'AN1 1AA');
    const expiredCode = String(100_000 + codes);
    shift += 16 * 60_000;
    await askCode(reported.reference, 'AN1 1AA');
    const code = String(100_000 + codes);
    const answers = [
      await answer(await exchange(reported.reference, 'AN1 1AA', code === '999999' ? '999998' : '999999')),
      await answer(await exchange(reported.reference, 'AN1 1AB', code)),
      await answer(await exchange('RPZZZZZZ', 'AN1 1AA', code)),
      await answer(await exchange('nope', 'AN1 1AA', code)),
      await answer(await exchange(expired.reference, 'AN1 1AA', expiredCode)),
    ];
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
    expect(answers[0]).toMatch(/^422 /);
    expect(answers[0]).toContain(problemTypes.manageCodeNotValid);
    // Still works after those tries (under 5 at this repair).
    expect((await exchange(reported.reference, 'AN1 1AA', code)).status).toBe(201);
  });

  it('five wrong codes end it, and they count as wrong guesses at the repair', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_900_000_000_000);
    await askCode(reported.reference, 'AN1 1AA');
    const code = String(100_000 + codes);
    for (let i = 0; i < 5; i++) expect((await exchange(reported.reference, 'AN1 1AA', `00000${i}`)).status, `wrong code ${i + 1}`).toBe(422);
    // The repair's wrong guesses are used up: even the right code waits (and other routes too).
    const blocked = await exchange(reported.reference, 'AN1 1AA', code);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await manage(server, 'GET', reported.reference, reported.manageToken)).status).toBe(429);
    // A minute on, the repair may be tried again, but the code has had its 5 tries.
    vi.setSystemTime(1_900_000_062_000);
    expect((await exchange(reported.reference, 'AN1 1AA', code)).status).toBe(422);
    expect((await manage(server, 'GET', reported.reference, reported.manageToken)).status).toBe(200);
  });

  it('a code sent for once: two exchanges at the same moment give one token', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat2));
    await askCode(reported.reference, 'AN1 1AA');
    const code = String(100_000 + codes);
    const results = await Promise.all([exchange(reported.reference, 'AN1 1AA', code), exchange(reported.reference, 'AN1 1AA', code), exchange(reported.reference, 'AN1 1AA', code)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422]);
  });

  it('is not sent for a wrong postcode or unknown reference (the status route’s 404), a closed repair, or a repair without email or mobile', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    const headers = client();
    const notFound = [await answer(await askCode(reported.reference, 'AN1 1AB', headers)), await answer(await askCode('RPZZZZZZ', 'AN1 1AA', headers)), await answer(await server.get(`/api/v1/repairs/RPZZZZZZ/status?postcode=AN1%201AA`, { headers }))];
    expect(new Set(notFound)).toEqual(new Set([notFound[0]]));
    expect(notFound[0]).toMatch(/^404 /);
    expect(await (await askCode(seedRepairReferences.cancelled, 'AN1 1AA')).json()).toMatchObject({ status: 422, type: problemTypes.repairClosed });
    const byPhone = await reportWithToken(server, tapReport(home.flat1, { contact: { preference: 'phone', phone: '01632 960001' } }));
    expect(await (await askCode(byPhone.reference, 'AN1 1AA')).json()).toMatchObject({ status: 422, type: problemTypes.noContactDetails });
    expect(await outbox(byPhone.reference)).toEqual([]);
    expect(await outbox(reported.reference)).toEqual([]);
  });

  it('refuses bodies that are not the contract’s', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    const path = `/api/v1/repairs/${reported.reference}`;
    expect((await postJson(server, `${path}/code`, { postcode: 'nowhere' })).status).toBe(400);
    expect((await postJson(server, `${path}/code`, '{"postcode":')).status).toBe(400);
    expect((await postJson(server, `${path}/code?lang=fr`, { postcode: 'AN1 1AA' })).status).toBe(400);
    expect((await fetch(new URL(`${path}/code`, server.url), { method: 'POST', body: 'postcode=AN1+1AA', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect(await (await postJson(server, `${path}/token`, { postcode: 'AN1 1AA', code: '12345x', extra: 1 })).json()).toMatchObject({
      status: 400,
      errors: [
        { path: '/extra', message: 'This field is not allowed' },
        { path: '/code', message: 'Enter the 6-digit code we sent you' },
      ],
    });
  });

  it('neither the code nor the token is ever in the request log', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat3));
    await askCode(reported.reference, 'AN1 1AA');
    const code = String(100_000 + codes);
    const grant = (await (await exchange(reported.reference, 'AN1 1AA', code)).json()) as { manageToken: string };
    await fetch(new URL(`/api/v1/repairs/${reported.reference}`, server.url), { headers: bearer(grant.manageToken) });
    const text = logLines.join('\n');
    expect(text).toContain('/repairs/:reference/token');
    for (const secret of [code, grant.manageToken, reported.reference, 'AN1']) expect(text).not.toContain(secret);
  });
});

describe('the manage link in the confirmation (REPAIRS_MANAGE_URL)', () => {
  it('carries the page, the reference and the token in the fragment, as the element reads it', async () => {
    const reported = await reportWithToken(server, tapReport(home.flat1));
    const [message] = await rows(server, sql<{ personalisation: string }>`select personalisation from notify_outbox where reference = ${reported.reference} and template_id = 'repair-reported-sms'`);
    const link = new URL((JSON.parse(message!.personalisation) as { manage_link: string }).manage_link);
    expect(`${link.origin}${link.pathname}`).toBe(MANAGE_URL);
    expect(link.search).toBe('');
    expect(Object.fromEntries(new URLSearchParams(link.hash.slice(1)))).toEqual({ reference: reported.reference, token: reported.manageToken });
    expect((await manage(server, 'GET', reported.reference, new URLSearchParams(link.hash.slice(1)).get('token')!)).status).toBe(200);
  });

  it('is an https URL with no query or fragment; unset by default', () => {
    expect(loadConfig({}).repairsManageUrl).toBeUndefined();
    expect(loadConfig({ REPAIRS_MANAGE_URL: MANAGE_URL }).repairsManageUrl).toBe(MANAGE_URL);
    for (const bad of ['/repairs/appointment', 'http://www.anytown.example/repairs', 'https://www.anytown.example/repairs?x=1', 'https://www.anytown.example/repairs#token=1', 'javascript:alert(1)']) {
      expect(() => loadConfig({ REPAIRS_MANAGE_URL: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ REPAIRS_MANAGE_URL: bad }), bad).toThrow(/REPAIRS_MANAGE_URL/);
    }
  });
});
