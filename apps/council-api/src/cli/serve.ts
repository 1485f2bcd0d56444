import { ConfigError } from '../config.js';
import { DatabaseConfigError } from '../db/database.js';
import { MigrationError } from '../db/migrate.js';
import { startServer, type RunningServer } from '../server.js';
import { messageOf, USAGE_EXIT, type CliIo } from './io.js';
import { strictOptions } from './strict-args.js';

/** `council-api serve --help`. */
export const serveUsage = `Usage: council-api serve

Starts the council API on HOST:PORT (default 127.0.0.1:8080) over DATABASE_URL (default a SQLite
file under the package's data/ folder), migrating it first. Configured only by environment
variables (see the README). Stops gracefully on SIGTERM or Ctrl-C.

An empty database stays empty (and /readyz answers 503) until data is imported with
\`council-api import\`; COUNCIL_DEMO=anytown loads the fictional Anytown demo data instead.`;

/**
 * `council-api serve` (and `npm start`, `node dist/main.js`): starts the API with the process's
 * signals handled, and returns 0 once it listens (the server keeps the process alive), 1 when
 * it cannot start. Known start-up failures (configuration, database, migrations) print their
 * message only; anything else its stack too, for a bug report. The "listening on" line is what
 * scripts and tests wait for.
 */
export async function runServe(args: string[], io: CliIo, start: typeof startServer = startServer): Promise<number> {
  const parsed = strictOptions(args, { help: { type: 'boolean', short: 'h' } });
  if (parsed.error !== undefined) {
    io.err(`serve: ${parsed.error}\n\n${serveUsage}`);
    return USAGE_EXIT;
  }
  if (parsed.values.help) {
    io.out(serveUsage);
    return 0;
  }
  let server: RunningServer;
  try {
    server = await start({ env: io.env, handleSignals: true });
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof DatabaseConfigError || error instanceof MigrationError;
    io.err(`Council API failed to start: ${messageOf(error)}`);
    if (!known && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
  io.out(`Council API listening on http://localhost:${server.port}`);
  return 0;
}
