import { configuredClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrationStatus } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { redactDatabaseUrl } from '../redact.js';
import { purgeExpired } from './purge.js';

/** Where the command writes: stdout for the JSON log line, stderr for why it failed. */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const processOutput: CommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * `npm run purge` (`node dist/purge.js`): runs the retention purge once on `DATABASE_URL` and
 * returns the exit code, for a council that runs it from cron or a scheduled job besides (or
 * instead of) the API's hourly one. Reads `RETENTION_DAYS`, `COUNCIL_TODAY` and `LOG_LEVEL` as
 * the API does and writes the counts as one JSON log line. 1 when it fails, or when the database
 * is not at this version's migrations: a purge must not guess at columns it does not know.
 */
export async function runPurgeCommand(env: Record<string, string | undefined>, output: CommandOutput = processOutput): Promise<number> {
  try {
    const config = loadConfig(env);
    const db = createDatabase(config.databaseUrl);
    try {
      const { pending, unknown } = await migrationStatus(db);
      if (pending.length || unknown.length) {
        throw new Error(
          `${redactDatabaseUrl(config.databaseUrl)} is not at this version's migrations (${pending.length} pending, ${unknown.length} unknown): run npm run migrate from the matching version first.`,
        );
      }
      const logger = createLogger(config.logLevel, output.out);
      await purgeExpired({ db, clock: configuredClock(config.councilToday), retentionDays: config.retentionDays, logger });
    } finally {
      await db.destroy();
    }
    return 0;
  } catch (error) {
    output.err(`purge: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
