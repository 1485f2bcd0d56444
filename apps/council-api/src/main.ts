import { processIo } from './cli/io.js';
import { runServe } from './cli/serve.js';

/** `npm start` (`node dist/main.js`): `council-api serve`, the API on PORT (default 8080). */
process.exitCode = await runServe([], processIo);
