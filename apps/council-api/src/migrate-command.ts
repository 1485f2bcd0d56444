import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest, migrationStatus } from './db/migrate.js';
import { redactDatabaseUrl } from './redact.js';

/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL (SQLite or PostgreSQL) and exits,
 * for a release step before new instances start. `--status` only reports, and exits 1 when the
 * database is not current. Safe to run twice, or beside a starting API: Kysely's migrator holds
 * a lock while it works, and applied migrations are never run again.
 */
const usage = 'Usage: migrate [--status]';

try {
  const { values } = parseArgs({ options: { status: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(usage);
  } else {
    const { databaseUrl } = loadConfig();
    const db = createDatabase(databaseUrl);
    try {
      if (values.status) {
        const { pending, unknown } = await migrationStatus(db);
        console.log(`${redactDatabaseUrl(databaseUrl)}: ${pending.length} pending${pending.length ? ` (${pending.join(', ')})` : ''}, ${unknown.length} unknown${unknown.length ? ` (${unknown.join(', ')})` : ''}.`);
        if (pending.length || unknown.length) process.exitCode = 1;
      } else {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `Applied ${applied.join(', ')} to ${redactDatabaseUrl(databaseUrl)}.` : `${redactDatabaseUrl(databaseUrl)} is up to date.`);
      }
    } finally {
      await db.destroy();
    }
  }
} catch (error) {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
