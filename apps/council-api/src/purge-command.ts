import { runPurgeCommand } from './retention/command.js';

/** `npm run purge`: the retention purge, once (see `runPurgeCommand`); exits non-zero on failure. */
process.exitCode = await runPurgeCommand(process.env);
