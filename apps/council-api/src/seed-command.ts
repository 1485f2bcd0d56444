import { processIo } from './cli/io.js';
import { runSeed } from './cli/seed.js';

/** `npm run seed` (`node dist/seed.js`): `council-api seed --demo`, the Anytown demo data. */
process.exitCode = await runSeed(['--demo', ...process.argv.slice(2).filter((arg) => arg !== '--demo')], processIo);
