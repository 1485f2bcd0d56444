import { runPurgeCommand } from '../retention/command.js';
import { runImport } from './import.js';
import { USAGE_EXIT, type CliIo, type Command } from './io.js';
import { runMigrate } from './migrate.js';
import { runSeed } from './seed.js';
import { runServe } from './serve.js';

/** `council-api --help`. */
export const cliUsage = `Usage: council-api <command> [options]

Commands:
  serve                              start the API (configured by environment variables)
  migrate [--status]                 apply pending migrations, or report them
  seed --demo                        load the fictional Anytown demo data
  import <kind> <file-or-url> […]    load the council's own data (council-api import --help)
  purge                              delete personal data past RETENTION_DAYS, once

Every command reads DATABASE_URL (default: a SQLite file in the package's data/ folder).
\`council-api <command> --help\` says more.`;

/** The commands by name. `purge` is the retention purge (`npm run purge`), for cron. */
export const commands: Record<string, Command> = {
  serve: (args, io) => runServe(args, io),
  migrate: runMigrate,
  seed: runSeed,
  import: (args, io) => runImport(args, io),
  purge: async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.out('Usage: council-api purge\n\nRuns the retention purge once on DATABASE_URL (RETENTION_DAYS, default 90) and prints its counts as one JSON line.');
      return 0;
    }
    if (args.length) {
      io.err(`purge: unexpected ${args.join(' ')}\n\nUsage: council-api purge`);
      return USAGE_EXIT;
    }
    return runPurgeCommand(io.env, io);
  },
};

/**
 * The `council-api` command line: the command named first, with the rest of the arguments.
 * `--help` prints the usage; `--version` the package's version; no command or an unknown one
 * prints the usage on stderr and returns 2.
 */
export async function runCli(argv: string[], io: CliIo, version?: string): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(cliUsage);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version ?? 'unknown');
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`${name === undefined ? 'council-api: say which command to run.' : `council-api: "${name}" is not a command.`}\n\n${cliUsage}`);
    return USAGE_EXIT;
  }
  return command(args, io);
}
