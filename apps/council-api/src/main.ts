import { ConfigError } from './config.js';
import { DatabaseConfigError } from './db/database.js';
import { MigrationError } from './db/migrate.js';
import { startServer } from './server.js';

/** `npm start`: the council API on PORT (default 8080), with SQLite under ./data by default. */
try {
  const server = await startServer({ handleSignals: true });
  console.log(`Council API listening on http://localhost:${server.port}`);
} catch (error) {
  const known = error instanceof ConfigError || error instanceof DatabaseConfigError || error instanceof MigrationError;
  console.error(`Council API failed to start: ${error instanceof Error ? error.message : String(error)}`);
  if (!known) console.error(error);
  process.exitCode = 1;
}
