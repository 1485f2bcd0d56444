import { parseArgs } from 'node:util';
import { configuredClock } from './clock.js';
import { defaultDatabaseUrl, loadConfig } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { redactDatabaseUrl } from './redact.js';
import { seedDirectoryBulk, seedIfEmpty } from './seed.js';

/**
 * Benchmark data: `node dist/generate-directory.js --count 100000 --database /tmp/bench.sqlite`.
 * Migrates and seeds the database first (proximity searches need the seeded addresses), then
 * adds `--count` generated directory services.
 */
const usage = 'Usage: generate-directory [--count 100000] [--database <SQLite file or postgres:// URL>] [--seed <number>]';

try {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      database: { type: 'string', default: process.env.DATABASE_URL ?? defaultDatabaseUrl },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
  } else {
    const count = wholeNumber(values.count, '--count');
    const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, '--seed');
    const db = createDatabase(values.database);
    try {
      await migrateToLatest(db);
      // Seeded as of the day the API would start on: COUNCIL_TODAY (checked as the API checks it), else the real date.
      const { councilToday } = loadConfig({ COUNCIL_TODAY: process.env.COUNCIL_TODAY });
      await seedIfEmpty(db, { today: configuredClock(councilToday).today() });
      const result = await seedDirectoryBulk(db, {
        count,
        // PostgreSQL: COPY on a connection of its own (directory/bulk-copy.ts).
        ...(/^postgres(ql)?:/i.test(values.database) ? { postgresUrl: values.database } : {}),
        ...(seed === undefined ? {} : { seed }),
        onProgress: (done) => process.stderr.write(`\r${done} / ${count} services`),
      });
      process.stderr.write('\n');
      console.log(
        `Added ${result.services} services to ${redactDatabaseUrl(values.database)} in ${((result.insertMs + result.indexMs) / 1000).toFixed(1)} s ` +
          `(rows ${(result.insertMs / 1000).toFixed(1)} s, search index ${(result.indexMs / 1000).toFixed(1)} s).`,
      );
    } finally {
      await db.destroy();
    }
  }
} catch (error) {
  console.error(`generate-directory: ${error instanceof Error ? error.message : String(error)}`);
  console.error(usage);
  process.exitCode = 1;
}

function wholeNumber(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number; got "${value}".`);
  return Number(value);
}
