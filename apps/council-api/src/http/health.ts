import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import { migrationStatus } from '../db/migrate.js';
import { externalSources, hasImportedData, noDataBody } from './data-readiness.js';

/**
 * Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database is usable,
 * and there is data to answer with: imported, the demo's, or an external source configured).
 */
export function healthRoutes(db: CouncilDb, config: Config): Hono {
  const app = new Hono();

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
    const { pending, unknown } = await migrationStatus(db);
    if (pending.length || unknown.length) {
      return c.json({ status: 'unavailable', database: 'ok', migrations: unknown.length ? 'unknown' : 'pending' }, 503);
    }
    // An empty database answers every lookup with nothing: not ready until something is imported.
    if (!externalSources(config).length && !(await hasImportedData(db))) return c.json(noDataBody, 503);
    return c.json({ status: 'ok', database: 'ok', migrations: 'current' });
  });

  return app;
}
