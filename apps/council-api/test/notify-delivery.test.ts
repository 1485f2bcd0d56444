import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { OutboxNotifier } from '../src/notify.js';
import { maxAgeMs, retryDelaysMs } from '../src/outbox/backoff.js';
import { claimDue, leaseMs } from '../src/outbox/claim.js';
import { drainOutbox, type DrainOptions } from '../src/outbox/drain.js';
import { listNotifications } from '../src/outbox/list.js';
import { createNotifyClient } from '../src/outbox/notify-client.js';
import { loadNotifyTemplates, type NotifyTemplateIds } from '../src/outbox/templates-file.js';
import { TODAY } from './dates.js';
import { movableClock, startTestServer, tempDir, type TestServer } from './helpers.js';
import { startNotifyStub, type NotifyStub } from './notify-stub.js';
import { onPostgres } from './test-database.js';
import { homes, reportWithToken, tapReport } from './repairs-helpers.js';

/**
 * The outbox sender against a local stub of GOV.UK Notify (notify-stub.ts), through the real
 * `notifications-node-client`: what is sent, once; the Welsh templates; retries with backoff by
 * the app's clock; Notify's refusals kept for staff; two senders at once. Runs on SQLite and on
 * PostgreSQL (npm test). The drain is called directly: nothing here waits for a timer.
 */

const ids = {
  missedEmail: '11111111-1111-4111-8111-111111111111',
  missedEmailCy: '22222222-2222-4222-8222-222222222222',
  missedSms: '33333333-3333-4333-8333-333333333333',
  repairSms: '44444444-4444-4444-8444-444444444444',
  repairSmsCy: '55555555-5555-4555-8555-555555555555',
};

const files = tempDir();
const templatesFile = join(files.dir, 'notify-templates.json');
writeFileSync(
  templatesFile,
  JSON.stringify({
    'missed-collection-email': ids.missedEmail,
    'missed-collection-email.cy': ids.missedEmailCy,
    'missed-collection-sms': ids.missedSms,
    'repair-reported-sms': ids.repairSms,
    'repair-reported-sms.cy': ids.repairSmsCy,
  }),
);

let server: TestServer;
const STAFF_TOKEN = 'notify-staff-token-0123456789abcdef0123';
let stub: NotifyStub;
let templates: NotifyTemplateIds;
const logLines: string[] = [];
const logger = createLogger('debug', (line) => logLines.push(line));
/** The sender's clock: moved by hand, so backoff is tested without waiting. */
let at = new Date(`${TODAY}T10:00:00.000Z`);
const clock = { now: () => new Date(at) };
const later = (ms: number) => (at = new Date(at.getTime() + ms));

const drain = (options: Partial<DrainOptions> = {}) =>
  drainOutbox({ db: server.db, client: createNotifyClient(stub.url, stub.apiKey), templates, clock, logger, ...options });
const outbox = () => new OutboxNotifier(server.db, clock);
const personalisation = { reference: 'REF00001', address: '9 High Street, Anytown, AN1 1AA', service: 'Rubbish', collection_date: 'Tuesday 24 November 2026' };
const emailed = (reference: string, lang: 'en' | 'cy' = 'en', to = 'resident@example.com') =>
  outbox().sendEmail('missed-collection-email', to, { personalisation: { ...personalisation, reference }, reference }, lang);
const stored = (reference: string) => server.db.selectFrom('notify_outbox').selectAll().where('reference', '=', reference).orderBy('id').execute();

beforeAll(async () => {
  stub = await startNotifyStub();
  templates = loadNotifyTemplates(templatesFile);
  server = await startTestServer({ clock: movableClock(TODAY), rateLimitPerMinute: 100_000, staffApiTokens: [STAFF_TOKEN] });
});

afterAll(async () => {
  await server?.stop();
  await stub?.close();
  files.cleanup();
});

beforeEach(async () => {
  // Each test starts with an empty outbox and stub, so a drain sends only its own messages.
  await server.db.deleteFrom('notify_outbox').execute();
  stub.received.length = 0;
  stub.refused.length = 0;
  logLines.length = 0;
});

describe('draining the outbox through Notify', () => {
  it('sends each message once, in the shape Notify takes, and records Notify’s id', async () => {
    await emailed('SENDONCE');
    await outbox().sendSms('missed-collection-sms', '07700900982', { personalisation, reference: 'SENDONCE' });

    expect(await drain()).toEqual({ claimed: 2, sent: 2, retrying: 0, failed: 0 });
    expect(stub.refused).toEqual([]);
    expect(stub.received.map(({ id: _, ...message }) => message)).toEqual([
      { channel: 'email', templateId: ids.missedEmail, to: 'resident@example.com', personalisation: { ...personalisation, reference: 'SENDONCE' }, reference: 'SENDONCE' },
      { channel: 'sms', templateId: ids.missedSms, to: '07700900982', personalisation, reference: 'SENDONCE' },
    ]);
    const rows = await stored('SENDONCE');
    expect(rows.map((r) => [r.status, r.notify_id, r.sent_at, r.attempts, r.last_error])).toEqual(
      stub.received.map((m) => ['sent', m.id, at.toISOString(), 1, null]),
    );

    // Sent is sent: later passes send nothing again.
    later(24 * 3_600_000);
    expect(await drain()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    expect(stub.received).toHaveLength(2);
  });

  it('sends a Welsh message with the .cy template, and with the English one when no .cy id is configured', async () => {
    await emailed('WELSHONE', 'cy');
    await outbox().sendSms('missed-collection-sms', '07700900982', { personalisation, reference: 'WELSHTWO' }, 'cy');
    await drain();
    expect(stub.received.map((m) => [m.reference, m.templateId])).toEqual([
      ['WELSHONE', ids.missedEmailCy],
      ['WELSHTWO', ids.missedSms],
    ]);
  });

  it('keeps the language of the form: a repair reported with ?lang=cy is texted with the Welsh template', async () => {
    const { flat1 } = await homes(server);
    const { reference } = await reportWithToken(server, tapReport(flat1), '?lang=cy');
    // This server has no NOTIFY_API_KEY, so no sender of its own: the message waits in the outbox.
    expect(server.drainNotifyOutbox).toBeUndefined();
    expect((await stored(reference)).map((r) => [r.template_id, r.lang, r.status])).toEqual([['repair-reported-sms', 'cy', 'pending']]);
    await drain();
    expect(stub.received.map((m) => [m.reference, m.templateId, m.to])).toEqual([[reference, ids.repairSmsCy, '07700900982']]);
    expect(stub.received[0]!.personalisation.target_date).toMatch(/^dydd /);
  });

  it('retries a 5xx after the backoff, by the app’s clock, and then sends it', async () => {
    await emailed('RETRY5XX');
    stub.script({ status: 500, error: 'Exception', message: 'Internal server error' });

    expect(await drain()).toMatchObject({ claimed: 1, retrying: 1 });
    let [row] = await stored('RETRY5XX');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: '500 Exception: Internal server error', sent_at: null });
    expect(row!.next_attempt_at).toBe(new Date(at.getTime() + retryDelaysMs[0]!).toISOString());

    // Not before its time.
    later(retryDelaysMs[0]! - 1000);
    expect(await drain()).toMatchObject({ claimed: 0 });
    later(1000);
    expect(await drain()).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await stored('RETRY5XX');
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null, notify_id: stub.received[1]!.id });
    expect(stub.received.map((m) => m.reference)).toEqual(['RETRY5XX', 'RETRY5XX']);
  });

  it('retries when Notify does not answer (connection dropped) or limits the rate (429)', async () => {
    await emailed('DROPPED1');
    stub.script('drop');
    expect(await drain()).toMatchObject({ retrying: 1 });
    expect((await stored('DROPPED1'))[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/^No answer from Notify/) });

    stub.script({ status: 429, error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds' });
    later(retryDelaysMs[0]!);
    expect(await drain()).toMatchObject({ retrying: 1 });
    const [row] = await stored('DROPPED1');
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_error: expect.stringMatching(/^429 RateLimitError/) });
    expect(row!.next_attempt_at).toBe(new Date(at.getTime() + retryDelaysMs[1]!).toISOString());

    later(retryDelaysMs[1]!);
    expect(await drain()).toMatchObject({ sent: 1 });
  });

  it('gives up after the last retry: failed, with Notify’s last error', async () => {
    await emailed('GIVEUP01');
    stub.script(...Array.from({ length: retryDelaysMs.length + 1 }, () => ({ status: 503 as const, error: 'Exception', message: 'Service unavailable' })));
    for (const delay of retryDelaysMs) {
      expect(await drain()).toMatchObject({ retrying: 1 });
      later(delay);
    }
    expect(await drain()).toMatchObject({ failed: 1 });
    expect((await stored('GIVEUP01'))[0]).toMatchObject({ status: 'failed', attempts: retryDelaysMs.length + 1, last_error: '503 Exception: Service unavailable' });
    later(24 * 3_600_000);
    expect(await drain()).toMatchObject({ claimed: 0 });
  });

  it('marks a 4xx failed at once with Notify’s error, never the recipient', async () => {
    await emailed('REFUSED1', 'en', 'not-a-real-person@example.com');
    stub.script({ status: 400, error: 'BadRequestError', message: 'Can’t send to not-a-real-person@example.com using a team-only API key' });
    expect(await drain()).toMatchObject({ failed: 1 });
    const [row] = await stored('REFUSED1');
    expect(row).toMatchObject({ status: 'failed', attempts: 1, sent_at: null, last_error: '400 BadRequestError: Can’t send to *** using a team-only API key' });
    expect(logLines.join('\n')).toContain('BadRequestError');
    expect(logLines.join('\n')).not.toContain('not-a-real-person');
    expect(logLines.join('\n')).not.toContain('REFUSED1');
    later(24 * 3_600_000);
    expect(await drain()).toMatchObject({ claimed: 0 });
  });

  it('fails on a key Notify does not know (the stub checks the token’s signature and issuer)', async () => {
    await emailed('BADTOKEN');
    const wrongSecret = `${stub.apiKey.slice(0, -36)}00000000-0000-4000-8000-000000000000`;
    expect(await drain({ client: createNotifyClient(stub.url, wrongSecret) })).toMatchObject({ failed: 1 });
    expect((await stored('BADTOKEN'))[0]!.last_error).toBe('403 AuthError: Invalid token: bad signature');
    expect(stub.refused).toEqual(['bad signature']);
    expect(logLines.join('\n')).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(logLines.join('\n')).not.toContain(stub.secret);
  });

  it('fails a message whose template has no id in the templates file, without calling Notify', async () => {
    await outbox().sendEmail('container-request-email', 'resident@example.com', { personalisation, reference: 'NOTEMPLT' });
    expect(await drain()).toMatchObject({ failed: 1 });
    expect((await stored('NOTEMPLT'))[0]!.last_error).toBe('No Notify template id for "container-request-email" in NOTIFY_TEMPLATES_FILE');
    expect(stub.received).toEqual([]);
  });

  it('does not send a message written more than 48 hours ago, or one whose recipient was purged: failed, for staff', async () => {
    await emailed('TOOOLD01');
    await emailed('PURGED01');
    await server.db.updateTable('notify_outbox').set({ recipient: '' }).where('reference', '=', 'PURGED01').execute();
    later(maxAgeMs + 1000);
    expect(await drain()).toMatchObject({ claimed: 2, failed: 2 });
    expect((await stored('TOOOLD01'))[0]).toMatchObject({ status: 'failed', last_error: 'Not sent: written more than 48 hours before the sender reached it' });
    expect((await stored('PURGED01'))[0]).toMatchObject({ status: 'failed', last_error: 'Not sent: written more than 48 hours before the sender reached it' });
    await emailed('PURGED02');
    await server.db.updateTable('notify_outbox').set({ recipient: '' }).where('reference', '=', 'PURGED02').execute();
    expect(await drain()).toMatchObject({ failed: 1 });
    expect((await stored('PURGED02'))[0]!.last_error).toBe('Not sent: the recipient was purged');
    expect(stub.received).toEqual([]);
  });

  it('takes over a message from an instance that stopped while sending it, once its lease has run out', async () => {
    await emailed('STRANDED');
    const lease = new Date(at.getTime() + 60_000).toISOString();
    await server.db.updateTable('notify_outbox').set({ status: 'sending', claimed_until: lease, attempts: 1 }).where('reference', '=', 'STRANDED').execute();
    expect(await drain()).toMatchObject({ claimed: 0 });
    later(60_000);
    expect(await drain()).toMatchObject({ claimed: 1, sent: 1 });
    expect((await stored('STRANDED'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(leaseMs).toBeGreaterThan(30_000); // longer than a send may take (its timeout)
  });

  it('sends each message exactly once while two senders drain the same database at once', async () => {
    const references = Array.from({ length: 30 }, (_, i) => `RACE${String(i).padStart(4, '0')}`);
    for (const reference of references) await emailed(reference);
    const other = createDatabase(server.databaseUrl, { poolSize: 2 });
    try {
      const sender = async (db: typeof server.db) => {
        let claimed = 0;
        for (let pass = 0; pass < 30; pass++) {
          const result = await drainOutbox({ db, client: createNotifyClient(stub.url, stub.apiKey), templates, clock, logger, limit: 3 });
          claimed += result.claimed;
          if (!result.claimed) break;
        }
        return claimed;
      };
      const [a, b] = await Promise.all([sender(server.db), sender(other)]);
      expect(a + b).toBe(references.length);
    } finally {
      await other.destroy();
    }
    expect(stub.received.map((m) => m.reference).sort()).toEqual(references);
    expect((await server.db.selectFrom('notify_outbox').select('status').distinct().execute()).map((r) => r.status)).toEqual(['sent']);
  });

  it.skipIf(!onPostgres)('PostgreSQL: a claim in progress is skipped, not waited for, by another instance’s claim', async () => {
    for (let i = 0; i < 6; i++) await emailed(`LOCKED0${i}`);
    const other = createDatabase(server.databaseUrl, { poolSize: 1 });
    try {
      // The first instance's claim is still open (its rows locked) when the second one claims.
      const [first, second] = await server.db.transaction().execute(async (trx) => {
        const mine = await claimDue(trx, at, 3);
        return [mine, await claimDue(other, at, 10)];
      });
      expect(first.map((r) => r.reference)).toEqual(['LOCKED00', 'LOCKED01', 'LOCKED02']);
      expect(second.map((r) => r.reference)).toEqual(['LOCKED03', 'LOCKED04', 'LOCKED05']);
    } finally {
      await other.destroy();
    }
  });
});

describe('what staff see', () => {
  it('lists messages newest first, by status, a page at a time, with the recipient masked', async () => {
    await emailed('LISTSENT', 'en', 'jane.doe@example.com');
    await outbox().sendSms('missed-collection-sms', '07700900982', { personalisation, reference: 'LISTSENT' });
    await drain();
    await emailed('LISTFAIL', 'cy', 'sam@example.org');
    stub.script({ status: 400, error: 'ValidationError', message: 'email_address Not a valid email address' });
    await drain();
    await emailed('LISTWAIT');

    const all = await listNotifications(server.db, { pageSize: 2 });
    expect(all.total).toBe(4);
    expect(all.items.map((m) => [m.reference, m.status])).toEqual([
      ['LISTWAIT', 'pending'],
      ['LISTFAIL', 'failed'],
    ]);
    expect((await listNotifications(server.db, { pageSize: 2, page: 2 })).items.map((m) => [m.reference, m.channel, m.recipient])).toEqual([
      ['LISTSENT', 'sms', '********982'],
      ['LISTSENT', 'email', 'j***@example.com'],
    ]);
    const failed = await listNotifications(server.db, { status: 'failed' });
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ reference: 'LISTFAIL', lang: 'cy', template: 'missed-collection-email', recipient: 's***@example.org', lastError: '400 ValidationError: email_address Not a valid email address', attempts: 1 });
    expect(JSON.stringify(all)).not.toMatch(/jane|07700900982/);

    // The same through GET /api/v1/staff/notifications, behind a staff token.
    const staff = (query: string, token = STAFF_TOKEN) => server.get(`/api/v1/staff/notifications${query}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await server.get('/api/v1/staff/notifications')).status).toBe(401);
    expect((await staff('', 'wrong-token-0123456789abcdef0123456789')).status).toBe(401);
    const answer = await staff('?status=failed&page=1&pageSize=10');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
    expect(await answer.json()).toEqual({ ...failed, pageSize: 10 });
    expect((await staff('?status=lost')).status).toBe(400);
    expect((await staff('?pageSize=101')).status).toBe(400);
  });
});
