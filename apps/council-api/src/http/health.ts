import { Hono } from 'hono';
import { sql } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import { migrationStatus } from '../db/migrate.js';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database is usable). */
export function healthRoutes(db: CouncilDb): Hono {
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
    return c.json({ status: 'ok', database: 'ok', migrations: 'current' });
  });

  return app;
}
