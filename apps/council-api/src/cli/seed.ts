import { configuredClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { redactDatabaseUrl } from '../redact.js';
import { seedIfEmpty } from '../seed.js';
import { messageOf, USAGE_EXIT, type Command } from './io.js';
import { strictOptions } from './strict-args.js';

/** `council-api seed --help`. */
export const seedUsage = `Usage: council-api seed --demo

Migrates DATABASE_URL and loads the fictional Anytown demo data (addresses, waste rounds, the
example directory) into whatever of it is empty, as of COUNCIL_TODAY or today. For demos and
trying the API out: a council's own data comes in with \`council-api import\`.

  --demo     required: the demo data is the only thing this command loads`;

/**
 * `council-api seed --demo` (and `npm run seed`): the Anytown demo data, always available on
 * request, whatever COUNCIL_DEMO says. `--demo` is required so nobody seeds fictional addresses
 * into a council's database by running `seed` expecting their own.
 */
export const runSeed: Command = async (args, io) => {
  const parsed = strictOptions(args, { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (parsed.error !== undefined || (!parsed.values.help && !parsed.values.demo)) {
    io.err(`seed: ${parsed.error ?? 'say --demo: the Anytown demo data is all this command loads (a council\'s own data: council-api import).'}\n\n${seedUsage}`);
    return USAGE_EXIT;
  }
  if (parsed.values.help) {
    io.out(seedUsage);
    return 0;
  }
  try {
    const { databaseUrl, councilToday } = loadConfig(io.env);
    const db = createDatabase(databaseUrl);
    try {
      await migrateToLatest(db);
      // Seeded as of the day the API would start on: COUNCIL_TODAY, else the real date.
      const seeded = await seedIfEmpty(db, { today: configuredClock(councilToday).today() });
      io.out(
        seeded
          ? `Seeded ${redactDatabaseUrl(databaseUrl)} with ${seeded} addresses and the example data.`
          : `${redactDatabaseUrl(databaseUrl)} already holds addresses, so none were added (the demo's waste rounds and directory fill only what is empty).`,
      );
      return 0;
    } finally {
      await db.destroy();
    }
  } catch (error) {
    io.err(`seed: ${messageOf(error)}`);
    return 1;
  }
};
