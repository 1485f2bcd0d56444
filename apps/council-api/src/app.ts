import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { configuredClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { dialectOf, type CouncilDb } from './db/database.js';
import { addressRoutes } from './addresses/routes.js';
import { addressSourceFromConfig, type AddressSource } from './addresses/source.js';
import { orukRoot, orukRoutes } from './directory/routes.js';
import { healthRoutes } from './http/health.js';
import { bodyLimit } from './http/middleware/body-limit.js';
import { cors } from './http/middleware/cors.js';
import { rateLimit } from './http/middleware/rate-limit.js';
import { DatabaseRateLimitStore, MemoryRateLimitStore, type RateLimitStore } from './http/middleware/rate-limit-store.js';
import { requestLog } from './http/middleware/request-log.js';
import { securityHeaders } from './http/middleware/security-headers.js';
import { openApiRoutes } from './http/openapi.js';
import { problemResponse, problems } from './http/problems.js';
import { createLogger, type Logger } from './logger.js';
import { defaultNotifyTemplates, OutboxNotifier, type Notifier, type NotifyTemplates } from './notify.js';
import { REPAIR_PHOTOS_PATH, repairRoutes } from './repairs/routes.js';
import { staffRoutes } from './staff/routes.js';
import { staffAuth } from './staff/auth.js';
import { notificationRoutes } from './outbox/routes.js';
import { wasteRoutes } from './waste/routes.js';
import { wasteSourceRoutes } from './waste/ukbcd/from-config.js';
import { bulkyRoutes } from './waste/bulky/routes.js';
import { loadBulkyCatalogue } from './waste/bulky/catalogue.js';
import { paymentDepsOf } from './waste/payment-setup.js';
import { httpPayClient, type PayClient } from './waste/pay-client.js';

export interface CreateAppOptions {
  db: CouncilDb;
  config: Config;
  logger?: Logger;
  rateLimitStore?: RateLimitStore;
  /**
   * Where the date and time come from (default: `config.councilToday` when set, else the real
   * date and time in Europe/London): every answer, stored timestamp and purge goes by it.
   */
  clock?: Clock;
  /** Sends confirmations (default: the `notify_outbox` table). Pass a GOV.UK Notify client to send for real. */
  notifier?: Notifier;
  /** Notify template ids (default: placeholder ids, fine for the outbox). */
  notifyTemplates?: NotifyTemplates;
  /** Makes candidate submission references (default: random, 8 characters, unambiguous alphabet). */
  newReference?: () => string;
  /** Makes repairs' manage tokens (default: 256 random bits from node:crypto, base64url). */
  newManageToken?: () => string;
  /** GOV.UK Pay's client (default: over HTTP to `config.pay.baseUrl`); used only when `config.pay` is set. */
  payClient?: PayClient;
  /** Makes the one-time codes for managing a repair without its link (default: 6 digits from node:crypto). */
  newManageCode?: () => string;
  /** Where addresses come from (default: chosen by `ADDRESS_SOURCE`, see `addressSourceFromConfig`). */
  addressSource?: AddressSource;
}

const isProbe = (path: string): boolean => path === '/healthz' || path === '/readyz';
/** The ORUK feed, open data that aggregators harvest: its own, higher rate limit. */
const isOruk = (path: string): boolean => path === '/oruk' || path.startsWith('/oruk/');

/** The council API as a Hono app, without a listener: serve it, or call `app.request()` in tests. */
export function createApp({
  db,
  config,
  logger = createLogger(config.logLevel),
  // Several instances share one PostgreSQL, so they share its counters; SQLite means one instance.
  rateLimitStore = dialectOf(db) === 'postgres' ? new DatabaseRateLimitStore(db) : new MemoryRateLimitStore(),
  clock = configuredClock(config.councilToday),
  notifier = new OutboxNotifier(db, clock),
  notifyTemplates = defaultNotifyTemplates,
  newReference,
  newManageToken,
  payClient = config.pay ? httpPayClient(config.pay) : undefined,
  newManageCode,
  addressSource,
}: CreateAppOptions): Hono {
  const app = new Hono();

  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.use(cors({ allowList: config.corsOrigins }));
  app.use(
    rateLimit({
      limit: config.rateLimitPerMinute,
      store: rateLimitStore,
      trustProxy: config.trustProxy,
      skip: (path) => isProbe(path) || isOruk(path),
    }),
  );
  app.use(
    rateLimit({
      limit: config.orukRateLimitPerMinute,
      store: rateLimitStore,
      trustProxy: config.trustProxy,
      skip: (path) => !isOruk(path),
      keyPrefix: 'oruk:',
    }),
  );
  // Repair photos (up to 10 MB) have their own limit on their route; everything else gets the small one.
  const smallBodies = bodyLimit(config.bodyLimitBytes);
  app.use((c, next) => (c.req.path === REPAIR_PHOTOS_PATH ? next() : smallBodies(c, next)));

  app.route('/', healthRoutes(db, config));
  app.route('/api/v1', openApiRoutes());
  const addresses = addressSource ?? addressSourceFromConfig({ db, config, clock, logger });
  app.route('/api/v1', addressRoutes({ source: addresses, postcodeAreas: config.postcodeAreas, logger }));
  // Open Referral UK: public directory data, no API key, CORS * (see cors()). The OpenAPI
  // document is served here too, so ORUK tools reading `openapi_url` get it with CORS *.
  app.route('/oruk', orukRoutes({ db }));
  app.get('/oruk/', orukRoot);
  app.route('/oruk', openApiRoutes());
  // A scraper for collections (WASTE_SOURCE=ukbcd) answers its two routes before the database's.
  // With OS Places for addresses, a scraper needing a postcode gets it from OS by UPRN.
  const scraped = wasteSourceRoutes({ db, config, clock, logger, ...(addresses.byUprn ? { lookUpUprn: addresses.byUprn.bind(addresses) } : {}) });
  if (scraped) app.route('/api/v1', scraped);
  app.route(
    '/api/v1',
    wasteRoutes({ db, config, clock, notifier, templates: notifyTemplates, logger, ...(newReference ? { newReference } : {}), ...(payClient ? { pay: payClient } : {}) }),
  );
  app.route(
    '/api/v1',
    repairRoutes({
      db,
      clock,
      notifier,
      templates: notifyTemplates,
      logger,
      rateLimitStore,
      trustProxy: config.trustProxy,
      bankHolidayDivision: config.bankHolidayDivision,
      ...(newReference ? { newReference } : {}),
      ...(newManageToken ? { newManageToken } : {}),
      ...(newManageCode ? { newManageCode } : {}),
      ...(config.repairsManageUrl ? { manageUrl: config.repairsManageUrl } : {}),
    }),
  );

  // Bulky waste: the catalogue is read (and checked) once, here, so a bad BULKY_CATALOGUE_FILE stops the start.
  app.route(
    '/api/v1',
    bulkyRoutes({
      db,
      clock,
      config,
      catalogue: loadBulkyCatalogue(config.bulkyCatalogueFile),
      notifier,
      templates: notifyTemplates,
      logger,
      rateLimitStore,
      trustProxy: config.trustProxy,
      ...(newReference ? { newReference } : {}),
      ...(newManageToken ? { newManageToken } : {}),
      ...(config.bulkyManageUrl ? { manageUrl: config.bulkyManageUrl } : {}),
      payment: paymentDepsOf({ db, clock, config, logger, ...(payClient ? { pay: payClient } : {}) }),
    }),
  );

  // The staff API: staff tokens only, never CORS (see cors.ts and staff/auth.ts).
  app.route('/api/v1', staffRoutes({ db, clock, tokens: config.staffApiTokens }));
  // The Notify outbox for staff (failed confirmations to follow up), behind the same tokens.
  app.route('/api/v1', notificationRoutes({ db, auth: staffAuth(config.staffApiTokens) }));

  app.notFound(() => problemResponse(problems.notFound()));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse({ type: 'about:blank', title: error.message || 'Bad request', status: error.status });
    }
    logger.error('unhandled error', {
      method: c.req.method,
      error: error.name,
      message: error.message,
      stack: error.stack,
    });
    return problemResponse(problems.internal());
  });

  return app;
}
