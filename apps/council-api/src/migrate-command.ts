import { processIo } from './cli/io.js';
import { runMigrate } from './cli/migrate.js';

/** `npm run migrate` (`node dist/migrate.js`): `council-api migrate [--status]`. */
process.exitCode = await runMigrate(process.argv.slice(2), processIo);
