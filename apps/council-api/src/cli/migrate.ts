import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest, migrationStatus } from '../db/migrate.js';
import { redactDatabaseUrl } from '../redact.js';
import { messageOf, USAGE_EXIT, type Command } from './io.js';
import { strictOptions } from './strict-args.js';

/** `council-api migrate --help`. */
export const migrateUsage = `Usage: council-api migrate [--status]

Applies pending migrations to DATABASE_URL (a SQLite file, or postgres://…) and exits: a release
step before new instances start. Safe to run twice, or beside a starting API.

  --status   only report; exits 1 when the database is not current (a deploy gate)`;

/**
 * `council-api migrate [--status]` (and `npm run migrate`): migrates DATABASE_URL, or with
 * `--status` reports what is pending or unknown and returns 1 unless the database is current.
 * Kysely's migrator holds a lock while it works, and applied migrations are never run again.
 * The database URL is printed with its password redacted.
 */
export const runMigrate: Command = async (args, io) => {
  const parsed = strictOptions(args, { status: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (parsed.error !== undefined) {
    io.err(`migrate: ${parsed.error}\n\n${migrateUsage}`);
    return USAGE_EXIT;
  }
  if (parsed.values.help) {
    io.out(migrateUsage);
    return 0;
  }
  try {
    const { databaseUrl } = loadConfig(io.env);
    const where = redactDatabaseUrl(databaseUrl);
    const db = createDatabase(databaseUrl);
    try {
      if (parsed.values.status) {
        const { pending, unknown } = await migrationStatus(db);
        io.out(`${where}: ${pending.length} pending${pending.length ? ` (${pending.join(', ')})` : ''}, ${unknown.length} unknown${unknown.length ? ` (${unknown.join(', ')})` : ''}.`);
        return pending.length || unknown.length ? 1 : 0;
      }
      const applied = await migrateToLatest(db);
      io.out(applied.length ? `Applied ${applied.join(', ')} to ${where}.` : `${where} is up to date.`);
      return 0;
    } finally {
      await db.destroy();
    }
  } catch (error) {
    io.err(`migrate: ${messageOf(error)}`);
    return 1;
  }
};
