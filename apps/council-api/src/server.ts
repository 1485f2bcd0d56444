import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type ServerType } from '@hono/node-server';
import { createApp, type CreateAppOptions } from './app.js';
import { configuredClock } from './clock.js';
import { loadConfig, type Config } from './config.js';
import { createDatabase, type CouncilDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { adapterError, answerClientErrors } from './http/client-errors.js';
import { startHandoffWorker, type HandoffWorker } from './handoff/deliver.js';
import type { RateLimitStore } from './http/middleware/rate-limit-store.js';
import { createLogger, type Logger } from './logger.js';
import { notifyTemplatesFromConfig, senderFromConfig } from './outbox/from-config.js';
import type { DrainResult } from './outbox/drain.js';
import type { OutboxClient } from './outbox/notify-client.js';
import type { OutboxSender } from './outbox/sender.js';
import { topUpSlots } from './repairs/slots.js';
import { purgeExpired } from './retention/purge.js';
import { prepareRepairs, seedIfEmpty } from './seed.js';
import { httpPayClient } from './waste/pay-client.js';
import { whenPaid } from './waste/payable-registry.js';
import { releaseUnpaidBulkyOnce } from './waste/bulky/unpaid.js';
import { pollPaymentsOnce } from './waste/payment-poller.js';

export interface StartServerOptions extends Partial<Config> {
  /** Environment read for anything not given above (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Close gracefully on SIGTERM/SIGINT (the CLI turns this on; tests leave it off). */
  handleSignals?: boolean;
  /** How long to wait for in-flight requests on close before cutting connections. */
  shutdownTimeoutMs?: number;
  logger?: Logger;
  rateLimitStore?: RateLimitStore;
  /** Where the date and time come from; tests pass a fixed or movable one (see `CreateAppOptions`). */
  clock?: CreateAppOptions['clock'];
  notifier?: CreateAppOptions['notifier'];
  notifyTemplates?: CreateAppOptions['notifyTemplates'];
  newReference?: CreateAppOptions['newReference'];
  newManageToken?: CreateAppOptions['newManageToken'];
  /** With `NOTIFY_API_KEY`: the client the outbox is sent through (default `NotifyClient`; tests pass one for a stub). */
  notifyClient?: OutboxClient;
  payClient?: CreateAppOptions['payClient'];
  newManageCode?: CreateAppOptions['newManageCode'];
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080` (the real port when started with port 0). */
  url: string;
  port: number;
  config: Config;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
  /** With `NOTIFY_API_KEY`: one pass of the outbox sender (what its interval runs; tests call it). */
  drainNotifyOutbox?: () => Promise<DrainResult>;
}

/**
 * Opens the database, applies migrations, seeds an empty database, and listens. Rejects (with
 * the database closed) when the database cannot be used, e.g. it was migrated by a newer version.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const {
    env,
    handleSignals = false,
    shutdownTimeoutMs = 10_000,
    logger: givenLogger,
    rateLimitStore,
    clock,
    notifier,
    notifyTemplates,
    newReference,
    newManageToken,
    notifyClient,
    payClient: givenPayClient,
    newManageCode,
    ...overrides
  } = options;
  const config: Config = { ...loadConfig(env ?? process.env), ...definedOnly(overrides) };
  const logger = givenLogger ?? createLogger(config.logLevel);

  // The one clock: the seed, the start-up work, the purges and every request go by it.
  const appClock = clock ?? configuredClock(config.councilToday);
  const notifyTemplateIds = notifyTemplatesFromConfig(config);
  const db = createDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  const payClient = givenPayClient ?? (config.pay ? httpPayClient(config.pay) : undefined);
  let server: ServerType;
  let sender: OutboxSender | undefined;
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) logger.info('migrations applied', { migrations: applied });
    // Everything kept past its time (personal data, idempotency keys, unclaimed photos) goes first.
    await purgeExpired({ db, clock: appClock, retentionDays: config.retentionDays, logger });
    // The Anytown demo only when asked for (COUNCIL_DEMO=anytown): a council's database stays
    // empty until its own data is imported, and answers empty results until then.
    const seeded = config.councilDemo ? await seedIfEmpty(db, { today: appClock.today() }) : 0;
    if (seeded) logger.info('database seeded', { addresses: seeded });
    await prepareRepairs(db, { clock: appClock, ...(config.repairsCatalogueFile ? { catalogueFile: config.repairsCatalogueFile } : {}) });
    const app = createApp({
      db,
      config,
      logger,
      clock: appClock,
      ...definedOnly({ rateLimitStore, notifier, notifyTemplates, newReference, newManageToken, payClient, newManageCode }),
    });
    sender = senderFromConfig(config, notifyTemplateIds, { db, clock: appClock, logger, client: notifyClient });
    server = await listen(app.fetch, config);
  } catch (error) {
    await sender?.stop();
    await db.destroy();
    throw error;
  }

  // Hourly, by the app's clock: whatever is kept past its time goes (`purgeExpired`), and appointment slots are topped up to
  // six weeks from today (slots made at start would otherwise run out as the days pass, and
  // `weeks=6` would show less and less). Unref'd so the timer never keeps a stopping process alive.
  const message = (error: unknown) => ({ message: error instanceof Error ? error.message : String(error) });
  const purge = setInterval(() => {
    purgeExpired({ db, clock: appClock, retentionDays: config.retentionDays, logger }).catch((error: unknown) => logger.warn('purge failed', message(error)));
    topUpSlots(db, appClock.today(), { division: config.bankHolidayDivision }).catch((error: unknown) => logger.warn('slot top-up failed', message(error)));
  }, 60 * 60 * 1000);
  purge.unref();
  // Back-office delivery, when configured: one pass every 15 s, on an unref'd interval.
  const handoff: HandoffWorker | undefined =
    config.handoffWebhookUrl && config.handoffWebhookSecret
      ? startHandoffWorker({ db, clock: appClock, logger, url: config.handoffWebhookUrl, secret: config.handoffWebhookSecret })
      : undefined;

  // GOV.UK Pay, when configured: every minute, ask Pay about payments whose residents never came
  // back (pollPaymentsOnce backs off per payment), then give back the slots of bulky bookings
  // left unpaid past their hold (bulky/unpaid.ts). Unref'd, like the purge.
  const payPoll =
    config.pay && payClient
      ? setInterval(() => {
          pollPaymentsOnce({ db, clock: appClock, pay: payClient, logger, onPaid: whenPaid(appClock) })
            .catch((error: unknown) => logger.warn('payment poll failed', message(error)))
            .then(() => releaseUnpaidBulkyOnce({ db, clock: appClock, holdMinutes: config.bulkyUnpaidHoldMinutes }))
            .catch((error: unknown) => logger.warn('releasing unpaid bulky bookings failed', message(error)));
        }, 60 * 1000)
      : undefined;
  payPoll?.unref();

  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(config.host)}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    clearInterval(purge);
    clearInterval(payPoll);
    closing ??= Promise.all([sender?.stop(), handoff?.stop()]).then(() => shutdown(server, db, shutdownTimeoutMs)).finally(() => {
      if (handleSignals) {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info('shutting down', { signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { message: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  if (handleSignals) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }

  return { url, port, config, close, ...(sender ? { drainNotifyOutbox: sender.drainOnce } : {}) };
}

function listen(fetch: (request: Request) => Response | Promise<Response>, config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    // What serve() does, plus problem answers for requests refused before the app runs.
    const server = createServer(getRequestListener(fetch, { hostname: config.host, errorHandler: adapterError }));
    answerClientErrors(server);
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function shutdown(server: ServerType, db: CouncilDb, timeoutMs: number): Promise<void> {
  await new Promise<void>((resolve) => {
    const http = server as Partial<Pick<Server, 'closeIdleConnections' | 'closeAllConnections'>>;
    // Keep-alive sockets hold close() open; cut each one as soon as its last response is sent.
    const sweep = setInterval(() => http.closeIdleConnections?.(), 50);
    const force = setTimeout(() => http.closeAllConnections?.(), timeoutMs);
    sweep.unref();
    force.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    http.closeIdleConnections?.();
  });
  await db.destroy();
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { createApp, type CreateAppOptions } from './app.js';
export { fixedClock, systemClock, type Clock } from './clock.js';
export { loadConfig, type Config } from './config.js';
export { examplePostcodes, seedPostcodes, seedUprns } from './seed.js';
export { drainOutbox, type DrainOptions, type DrainResult } from './outbox/drain.js';
export { listNotifications, type NotificationPage, type NotificationSummary } from './outbox/list.js';
export { defaultNotifyTemplates, OutboxNotifier, type Notifier, type NotifyOptions, type NotifyTemplates } from './notify.js';
