import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { createMigrator } from '../src/db/migrate.js';
import { createLogger } from '../src/logger.js';
import { loadNotifyTemplates } from '../src/outbox/templates-file.js';
import { startServer } from '../src/server.js';
import { movableClock, startTestServer, tempDir, testOptions } from './helpers.js';
import { TODAY } from './dates.js';
import { startNotifyStub, type NotifyStub } from './notify-stub.js';
import { homes, reportWithToken, tapReport } from './repairs-helpers.js';
import { testDatabase } from './test-database.js';

/**
 * The sender as the server runs it from its configuration (`NOTIFY_API_KEY`, `NOTIFY_BASE_URL`,
 * `NOTIFY_TEMPLATES_FILE`), with the real `NotifyClient` pointed at the local stub; the checks
 * that stop a bad configuration at start without ever showing the key; and migration 0007.
 */

const files = tempDir();
const write = (name: string, content: string) => {
  const file = join(files.dir, name);
  writeFileSync(file, content);
  return file;
};
const repairSms = '44444444-4444-4444-8444-444444444444';
const goodTemplates = write('templates.json', JSON.stringify({ 'repair-reported-sms': repairSms, 'repair-reported-sms.cy': '55555555-5555-4555-8555-555555555555' }));
// A key in Notify's shape; never a real one.
const fakeKey = 'anytown_live-0c4d5e6f-1a2b-4c3d-8e9f-0a1b2c3d4e5f-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

let stub: NotifyStub;
beforeAll(async () => {
  stub = await startNotifyStub();
});
afterAll(async () => {
  await stub?.close();
  files.cleanup();
});

describe('the server’s sender', () => {
  it('with NOTIFY_API_KEY, drains the outbox through NotifyClient at NOTIFY_BASE_URL, and never logs the key', async () => {
    const lines: string[] = [];
    const server = await startTestServer({
      clock: movableClock(TODAY),
      rateLimitPerMinute: 100_000,
      logger: createLogger('debug', (line) => lines.push(line)),
      env: { NOTIFY_API_KEY: stub.apiKey, NOTIFY_BASE_URL: stub.url, NOTIFY_TEMPLATES_FILE: goodTemplates },
    });
    try {
      const { flat1 } = await homes(server);
      const { reference } = await reportWithToken(server, tapReport(flat1));
      expect(await server.drainNotifyOutbox!()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
      expect(stub.refused).toEqual([]);
      expect(stub.received.map((m) => [m.reference, m.templateId, m.to])).toEqual([[reference, repairSms, '07700900982']]);
      const [row] = await server.db.selectFrom('notify_outbox').selectAll().where('reference', '=', reference).execute();
      expect(row).toMatchObject({ status: 'sent', notify_id: stub.received[0]!.id });
    } finally {
      await server.stop();
    }
    const logged = lines.join('\n');
    expect(logged).toContain('sending the notify outbox');
    expect(logged).not.toContain(stub.secret);
    expect(logged).not.toContain(stub.serviceId);
  });

  it('refuses to start on a templates file with a name it does not know, naming the file and the key', async () => {
    const bad = write('bad-name.json', JSON.stringify({ 'missed-colection-email': repairSms }));
    // Before the database is opened: the URL names a file that is never created.
    const starting = startServer(testOptions(join(files.dir, 'never.sqlite'), { env: { NOTIFY_API_KEY: fakeKey, NOTIFY_TEMPLATES_FILE: bad } }));
    await expect(starting).rejects.toThrow(ConfigError);
    await expect(starting).rejects.toThrow(`NOTIFY_TEMPLATES_FILE ${bad}: "missed-colection-email" is not a template name`);
    expect(existsSync(join(files.dir, 'never.sqlite'))).toBe(false);
  });
});

describe('the Notify configuration', () => {
  const secretPart = fakeKey.slice(-36);

  it('reads the key, the base URL and the templates file', () => {
    expect(loadConfig({ NOTIFY_API_KEY: fakeKey, NOTIFY_BASE_URL: 'https://notify.example.gov.uk/', NOTIFY_TEMPLATES_FILE: goodTemplates })).toMatchObject({
      notifyApiKey: fakeKey,
      notifyBaseUrl: 'https://notify.example.gov.uk',
      notifyTemplatesFile: goodTemplates,
    });
    expect(loadConfig({}).notifyApiKey).toBeUndefined();
  });

  it('refuses a key not shaped like Notify’s, or without a templates file, and never repeats the key', () => {
    for (const env of [
      { NOTIFY_API_KEY: 'not-a-key-at-all', NOTIFY_TEMPLATES_FILE: goodTemplates },
      { NOTIFY_API_KEY: fakeKey.slice(0, -1), NOTIFY_TEMPLATES_FILE: goodTemplates },
      { NOTIFY_API_KEY: secretPart, NOTIFY_TEMPLATES_FILE: goodTemplates },
      { NOTIFY_API_KEY: fakeKey },
    ]) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/^NOTIFY_API_KEY /);
      expect(message).not.toContain(env.NOTIFY_API_KEY);
      expect(message).not.toContain(secretPart.slice(0, 8));
    }
  });

  it('takes https, or http on this machine only (a stub), for NOTIFY_BASE_URL', () => {
    expect(loadConfig({ NOTIFY_BASE_URL: 'http://127.0.0.1:9999' }).notifyBaseUrl).toBe('http://127.0.0.1:9999');
    expect(() => loadConfig({ NOTIFY_BASE_URL: 'http://notify.example.gov.uk' })).toThrow(/NOTIFY_BASE_URL must be an https:\/\/ URL/);
    expect(() => loadConfig({ NOTIFY_BASE_URL: 'https://user:hunter2@notify.example.gov.uk' })).toThrow(/got a URL with credentials\.$/);
  });

  it('checks the templates file: JSON, an object, known names (with .cy), UUIDs', () => {
    expect([...loadNotifyTemplates(goodTemplates)]).toEqual([
      ['repair-reported-sms', repairSms],
      ['repair-reported-sms.cy', '55555555-5555-4555-8555-555555555555'],
    ]);
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{', /is not valid JSON/],
      ['array.json', '[]', /must hold a JSON object/],
      ['cy-typo.json', JSON.stringify({ 'repair-reported-sms.cym': repairSms }), /"repair-reported-sms\.cym" is not a template name/],
      ['not-uuid.json', JSON.stringify({ 'repair-reported-sms': 'repair-reported-sms' }), /"repair-reported-sms" must be a Notify template id \(a UUID\)/],
    ];
    for (const [name, content, message] of cases) {
      const file = write(name, content);
      expect(() => loadNotifyTemplates(file)).toThrow(ConfigError);
      expect(() => loadNotifyTemplates(file)).toThrow(message);
      expect(() => loadNotifyTemplates(file)).toThrow(file);
    }
    expect(() => loadNotifyTemplates(join(files.dir, 'missing.json'))).toThrow(/cannot be read/);
  });
});

describe('migration 0007', () => {
  it('marks the messages already sent as sent, and the others pending', async () => {
    const database = await testDatabase({ fromTemplate: false });
    const db = createDatabase(database.url, { poolSize: 2 });
    try {
      const migrator = createMigrator(db);
      const { error } = await migrator.migrateTo('0006-repair-manage-tokens');
      expect(error).toBeUndefined();
      const row = { channel: 'email', template_id: 'missed-collection-email', recipient: 'a@example.com', personalisation: '{}', reference: 'MIGRATED', created_at: `${TODAY}T09:00:00.000Z` };
      await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto('notify_outbox')
        .values([
          { ...row, sent_at: `${TODAY}T09:01:00.000Z` },
          { ...row, sent_at: null },
        ])
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await db.selectFrom('notify_outbox').select(['status', 'sent_at', 'attempts', 'lang']).orderBy('id').execute();
      expect(rows).toEqual([
        { status: 'sent', sent_at: `${TODAY}T09:01:00.000Z`, attempts: 0, lang: 'en' },
        { status: 'pending', sent_at: null, attempts: 0, lang: 'en' },
      ]);
    } finally {
      await db.destroy();
      await database.cleanup();
    }
  });
});
