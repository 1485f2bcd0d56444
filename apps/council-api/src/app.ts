import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Config } from './config.js';
import type { CouncilDb } from './db/database.js';
import { createLogger, type Logger } from './logger.js';
import { bodyLimit } from './middleware/body-limit.js';
import { cors } from './middleware/cors.js';
import { rateLimit } from './middleware/rate-limit.js';
import { MemoryRateLimitStore, type RateLimitStore } from './middleware/rate-limit-store.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { problemResponse, problems } from './problems.js';
import { addressRoutes } from './routes/addresses.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';

export interface CreateAppOptions {
  db: CouncilDb;
  config: Config;
  logger?: Logger;
  rateLimitStore?: RateLimitStore;
}

const isProbe = (path: string): boolean => path === '/healthz' || path === '/readyz';

/** The council API as a Hono app, without a listener: serve it, or call `app.request()` in tests. */
export function createApp({
  db,
  config,
  logger = createLogger(config.logLevel),
  rateLimitStore = new MemoryRateLimitStore(),
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
      skip: isProbe,
    }),
  );
  app.use(bodyLimit(config.bodyLimitBytes));

  app.route('/', healthRoutes(db));
  app.route('/api/v1', openApiRoutes());
  app.route('/api/v1', addressRoutes({ db, postcodeAreas: config.postcodeAreas }));

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
