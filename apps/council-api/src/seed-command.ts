import { configuredClock } from './clock.js';
import { loadConfig } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { redactDatabaseUrl } from './redact.js';
import { seedIfEmpty } from './seed.js';

/**
 * `npm run seed`: migrates DATABASE_URL and loads the Anytown example data (addresses, waste
 * rounds, the example directory) when the database is empty, as `npm start` does. For demos and
 * tests: a council's own data is loaded by its own import, never by this.
 */
try {
  const { databaseUrl, councilToday } = loadConfig();
  const db = createDatabase(databaseUrl);
  try {
    await migrateToLatest(db);
    // Seeded as of the day the API would start on: COUNCIL_TODAY, else the real date.
    const seeded = await seedIfEmpty(db, { today: configuredClock(councilToday).today() });
    console.log(seeded ? `Seeded ${redactDatabaseUrl(databaseUrl)} with ${seeded} addresses and the example data.` : `${redactDatabaseUrl(databaseUrl)} already holds data; nothing seeded.`);
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
