import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/clock.js';
import { ConfigError, defaultConfig, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { runPurgeCommand } from '../src/retention/command.js';
import { purgeExpired, type PurgeCounts } from '../src/retention/purge.js';
import { TODAY } from './dates.js';
import { movableClock, postJson, row, rows, startTestServer, type TestServer } from './helpers.js';
import { bearer, homes, jpeg, POSTCODE, postRepair, sendJson, tapReport, uploadPhoto } from './repairs-helpers.js';
import { reportableToday } from './waste-support.js';

/**
 * Retention (issue 21): personal data goes `RETENTION_DAYS` after a submission closes, photos
 * with it, idempotency keys after 48 hours; by the app's clock, moved here day by day (nothing
 * waits). Every purge runs in batches of 2, so each one crosses batch boundaries.
 */

describe('RETENTION_DAYS', () => {
  it('is 90 days unless set, and read as a whole number of days', () => {
    expect(loadConfig({}).retentionDays).toBe(90);
    expect(defaultConfig.retentionDays).toBe(90);
    expect(loadConfig({ RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(loadConfig({ RETENTION_DAYS: '1' }).retentionDays).toBe(1);
    expect(loadConfig({ RETENTION_DAYS: '3650' }).retentionDays).toBe(3650);
  });

  it.each(['0', '3651', '1.5', '-7', 'ninety', '90d'])('refuses %j, naming the variable', (value) => {
    expect(() => loadConfig({ RETENTION_DAYS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_DAYS: value })).toThrow(/RETENTION_DAYS must be a whole number from 1 to 3650/);
  });
});

describe('purgeExpired', () => {
  const clock = movableClock(TODAY);
  const logLines: string[] = [];
  const logger = createLogger('info', (line) => logLines.push(line));
  const EMAIL = 'retention.resident@example.com';
  const MOBILE = '07700 900471';
  const DESCRIPTION = 'Water drips from the kitchen tap onto the floor every night.';
  const DETAIL = 'My neighbour fixed it for me on Sunday.';
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock, rateLimitPerMinute: 100_000, logger });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const purge = (at: Clock = clock): Promise<PurgeCounts> => purgeExpired({ db: server.db, clock: at, retentionDays: 90, logger, batchSize: 2 });
  const repairRow = (reference: string) =>
    row(server, sql<{ description: string; status: string; cancel_reason: string | null; cancel_detail: string | null; contact_email: string | null; contact_mobile: string | null; contact_preference: string; uprn: string; reported_on: string; label_en: string }>`select description, status, cancel_reason, cancel_detail, contact_email, contact_mobile, contact_preference, uprn, reported_on, label_en from repairs where reference = ${reference}`);
  const photosOf = async (reference: string) => (await rows(server, sql<{ id: string }>`select id from repair_photos where repair_reference = ${reference}`)).length;
  const outboxOf = (reference: string) => rows(server, sql<{ recipient: string; personalisation: string; template_id: string; channel: string }>`select recipient, personalisation, template_id, channel from notify_outbox where reference = ${reference} order by id`);
  const photo = async () => ((await (await uploadPhoto(server, jpeg())).json()) as { photoId: string }).photoId;
  const report = async (uprn: string, extra: Record<string, unknown>) => {
    const response = await postRepair(server, tapReport(uprn, { description: DESCRIPTION, photoIds: [await photo()], contact: { preference: 'email', email: EMAIL }, ...extra }));
    expect(response.status).toBe(201);
    return (await response.json()) as { reference: string; manageToken: string };
  };

  it('runs when the server starts, logging counts and nothing personal', () => {
    const started = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'personal data purged');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ retentionDays: 90, repairs: 0, missedCollections: 0, containerRequests: 0, idempotencyKeys: 0 });
  });

  it('keeps a closed submission’s personal data 89 days after it closed, purges it at 91, and never an open repair’s', async () => {
    clock.set(TODAY);
    const { flat1, flat2 } = await homes(server);
    const cancelled = await report(flat1, {});
    expect((await sendJson(server, 'DELETE', `/api/v1/repairs/${cancelled.reference}`, { reason: 'other', detail: DETAIL }, bearer(cancelled.manageToken))).status).toBe(200);
    const open = await report(flat2, {});
    const completedLater = await report(flat1, {});
    const [missed] = await reportableToday(server.db, TODAY, 1);
    const missedReport = await postJson(server, '/api/v1/waste/missed-collections', { uprn: missed!.uprn, serviceId: missed!.serviceId, collectionDate: missed!.collectionDate, binOutInTime: true, contact: { email: EMAIL, phone: MOBILE } });
    expect(missedReport.status).toBe(201);
    const missedReference = ((await missedReport.json()) as { reference: string }).reference;
    const containers: string[] = [];
    for (const containerId of ['refuse', 'recycling', 'food']) {
      const response = await postJson(server, '/api/v1/waste/container-requests', { uprn: '100070000112', containerId, reason: 'damaged', contact: { email: EMAIL } });
      expect(response.status).toBe(201);
      containers.push(((await response.json()) as { reference: string }).reference);
    }
    // Completed by the back office ten days later (the API has no route for it): its clock starts then.
    clock.set(addDays(TODAY, 10));
    await sql`update repairs set status = 'completed', updated_at = ${clock.now().toISOString()} where reference = ${completedLater.reference}`.execute(server.db);

    clock.set(addDays(TODAY, 89));
    await purge();
    expect(await repairRow(cancelled.reference)).toMatchObject({ description: DESCRIPTION, cancel_detail: DETAIL, contact_email: EMAIL });
    expect(await photosOf(cancelled.reference)).toBe(1);
    expect(await row(server, sql<{ contact_email: string | null }>`select contact_email from missed_collection_reports where reference = ${missedReference}`)).toEqual({ contact_email: EMAIL });
    expect((await outboxOf(cancelled.reference)).map((m) => m.recipient)).toEqual([EMAIL, EMAIL]);

    // One message is being sent by an instance just now: left to the next run.
    await sql`update notify_outbox set status = 'sending' where reference = ${missedReference} and channel = 'sms'`.execute(server.db);
    clock.set(addDays(TODAY, 91));
    const counts = await purge();
    expect(counts.repairs).toBeGreaterThanOrEqual(1);
    expect(counts.repairPhotos).toBeGreaterThanOrEqual(1);
    expect(counts.missedCollections).toBeGreaterThanOrEqual(1);
    expect(counts.containerRequests).toBeGreaterThanOrEqual(3);
    // What the resident wrote, how to reach them, and their photo: gone.
    expect(await repairRow(cancelled.reference)).toMatchObject({ description: '', cancel_detail: null, contact_email: null, contact_mobile: null });
    expect(await photosOf(cancelled.reference)).toBe(0);
    // What staff count and the reference answers: kept.
    expect(await repairRow(cancelled.reference)).toMatchObject({ status: 'cancelled', cancel_reason: 'other', contact_preference: 'email', uprn: flat1, reported_on: TODAY, label_en: expect.any(String) });
    const status = await server.get(`/api/v1/repairs/${cancelled.reference}/status?postcode=${encodeURIComponent(POSTCODE)}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toEqual({ reference: cancelled.reference, status: 'cancelled' });
    expect((await server.get(`/api/v1/repairs/${cancelled.reference}`, { headers: bearer(cancelled.manageToken) })).status).toBe(403); // the link still says it expired
    expect(await outboxOf(cancelled.reference)).toEqual([
      { recipient: '', personalisation: '{}', template_id: 'repair-reported-email', channel: 'email' },
      { recipient: '', personalisation: '{}', template_id: 'repair-cancelled-email', channel: 'email' },
    ]);
    expect(await row(server, sql`select uprn, service_id, collection_date, contact_email, contact_phone from missed_collection_reports where reference = ${missedReference}`)).toEqual({
      uprn: missed!.uprn,
      service_id: missed!.serviceId,
      collection_date: missed!.collectionDate,
      contact_email: null,
      contact_phone: null,
    });
    expect(await rows(server, sql`select container_id, contact_email, contact_phone from container_requests where reference in (${sql.join(containers)}) order by container_id`)).toEqual(
      ['food', 'recycling', 'refuse'].map((container_id) => ({ container_id, contact_email: null, contact_phone: null })),
    );
    // The same collection reported again (on a day its window was open) still gets the first reference.
    clock.set(TODAY);
    const again = await postJson(server, '/api/v1/waste/missed-collections', { uprn: missed!.uprn, serviceId: missed!.serviceId, collectionDate: missed!.collectionDate, binOutInTime: true });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ reference: missedReference, duplicate: true });
    clock.set(addDays(TODAY, 91));

    // Completed 81 days ago: kept. The open one: kept, photo and all.
    expect(await repairRow(completedLater.reference)).toMatchObject({ status: 'completed', description: DESCRIPTION, contact_email: EMAIL });
    expect(await photosOf(completedLater.reference)).toBe(1);
    expect(await repairRow(open.reference)).toMatchObject({ status: 'awaiting-appointment', description: DESCRIPTION, contact_email: EMAIL });
    expect(await photosOf(open.reference)).toBe(1);

    expect((await outboxOf(missedReference)).map((m) => [m.channel, m.recipient])).toEqual([
      ['email', ''],
      ['sms', '07700900471'],
    ]);

    // Running it again purges nothing more.
    expect(await purge()).toEqual({ missedCollections: 0, containerRequests: 0, gardenSubscriptions: 0, bulkyBookings: 0, repairs: 0, repairPhotos: 0, unclaimedPhotos: 0, notifyMessages: 0, idempotencyKeys: 0, handoffDeliveries: 0 });
    // Once that send has finished, its turn comes.
    await sql`update notify_outbox set status = 'sent' where reference = ${missedReference} and channel = 'sms'`.execute(server.db);
    expect(await purge()).toMatchObject({ notifyMessages: 1 });
    expect((await outboxOf(missedReference)).map((m) => [m.channel, m.recipient, m.personalisation])).toEqual([
      ['email', '', '{}'],
      ['sms', '', '{}'],
    ]);

    clock.set(addDays(TODAY, 101)); // 91 days after it was completed
    expect(await purge()).toMatchObject({ repairs: 1, repairPhotos: 1 });
    expect(await repairRow(completedLater.reference)).toMatchObject({ status: 'completed', description: '', contact_email: null });

    clock.set(addDays(TODAY, 3000)); // an open repair, however old, keeps everything
    await purge();
    expect(await repairRow(open.reference)).toMatchObject({ status: 'awaiting-appointment', description: DESCRIPTION, contact_email: EMAIL });
    expect(await photosOf(open.reference)).toBe(1);

    // Not one log line holds what the residents sent.
    const log = logLines.join('\n');
    for (const secret of [EMAIL, '07700900471', DESCRIPTION, DETAIL, cancelled.reference]) expect(log).not.toContain(secret);
  });

  it('deletes idempotency keys (and the answers they keep) 48 hours after they were made: not at 47h59, at 48h01', async () => {
    clock.set(TODAY);
    const sent = await postJson(server, '/api/v1/waste/container-requests', { uprn: '100070000112', containerId: 'garden', reason: 'stolen' }, { 'Idempotency-Key': 'retention-48h' });
    expect(sent.status).toBe(201);
    const { created_at } = await row(server, sql<{ created_at: string }>`select created_at from idempotency_keys where key = 'retention-48h'`);
    const at = (minutes: number): Clock => {
      const now = new Date(new Date(created_at).getTime() + minutes * 60_000);
      return { today: () => now.toISOString().slice(0, 10), now: () => now };
    };
    const stored = async () => (await rows(server, sql`select key from idempotency_keys where key = 'retention-48h'`)).length;
    await purge(at(47 * 60 + 59));
    expect(await stored()).toBe(1);
    expect((await purge(at(48 * 60 + 1))).idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await stored()).toBe(0);
  });

  it('deletes a photo nobody attached a day after it was uploaded, with no upload to trigger it', async () => {
    clock.set(addDays(TODAY, 4000));
    const id = await photo();
    const kept = async () => (await rows(server, sql`select id from repair_photos where id = ${id}`)).length;
    await purge();
    expect(await kept()).toBe(1);
    clock.set(addDays(TODAY, 4002));
    expect((await purge()).unclaimedPhotos).toBe(1);
    expect(await kept()).toBe(0);
  });

  it('npm run purge: runs it once on DATABASE_URL, by COUNCIL_TODAY and RETENTION_DAYS, and prints the counts', async () => {
    clock.set(TODAY);
    const response = await postJson(server, '/api/v1/waste/container-requests', { uprn: '100070000112', containerId: 'food', reason: 'lost', contact: { phone: MOBILE } });
    const { reference } = (await response.json()) as { reference: string };
    const out: string[] = [];
    const err: string[] = [];
    const output = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const env = { DATABASE_URL: server.databaseUrl, COUNCIL_TODAY: addDays(TODAY, 31), LOG_LEVEL: 'info' };

    expect(await runPurgeCommand({ ...env, RETENTION_DAYS: '32' }, output)).toBe(0);
    expect(await row(server, sql`select contact_phone from container_requests where reference = ${reference}`)).toEqual({ contact_phone: '07700900471' });
    expect(await runPurgeCommand({ ...env, RETENTION_DAYS: '30' }, output)).toBe(0);
    expect(await row(server, sql`select contact_phone from container_requests where reference = ${reference}`)).toEqual({ contact_phone: null });
    expect(err).toEqual([]);
    const lines = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.msg, line.retentionDays])).toEqual([
      ['personal data purged', 32],
      ['personal data purged', 30],
    ]);
    expect(lines[1]!.containerRequests).toBeGreaterThanOrEqual(1);
    expect(out.join('\n')).not.toContain('07700900471');
  });

  it('npm run purge: exits 1, saying why, on a bad RETENTION_DAYS or a database not migrated to this version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-api-purge-'));
    try {
      const err: string[] = [];
      const output = { out: () => undefined, err: (line: string) => err.push(line) };
      expect(await runPurgeCommand({ DATABASE_URL: server.databaseUrl, RETENTION_DAYS: '0' }, output)).toBe(1);
      expect(await runPurgeCommand({ DATABASE_URL: join(dir, 'empty.sqlite') }, output)).toBe(1);
      expect(err).toEqual([expect.stringMatching(/^purge: RETENTION_DAYS must be a whole number/), expect.stringMatching(/^purge: .*empty\.sqlite is not at this version's migrations \(\d+ pending, 0 unknown\)/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
