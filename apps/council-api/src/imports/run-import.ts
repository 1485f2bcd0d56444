import { configuredClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { importers, type ImportContext, type ImportReport } from './registry.js';

/**
 * Runs one importer against `databaseUrl` (migrated first), configured from `env` as the server
 * would be: for the bench (`npm run bench` times a 300,000-row address file with it) and for code
 * that imports without the `council-api` command.
 */
export async function runImport(
  databaseUrl: string,
  kind: string,
  source: string,
  options: ImportContext['options'] = {},
  env: Record<string, string | undefined> = {},
): Promise<ImportReport> {
  const importer = importers[kind];
  if (!importer) throw new Error(`No importer "${kind}": ${Object.keys(importers).join(', ')}`);
  const config = { ...loadConfig(env), databaseUrl };
  const db = createDatabase(databaseUrl);
  try {
    await migrateToLatest(db);
    return await importer({ db, clock: configuredClock(config.councilToday), config, logger: createLogger('silent'), source, options });
  } finally {
    await db.destroy();
  }
}
