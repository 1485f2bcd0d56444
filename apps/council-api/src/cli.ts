#!/usr/bin/env node
import { createRequire } from 'node:module';
import { runCli } from './cli/commands.js';
import { processIo } from './cli/io.js';

/**
 * `council-api`: the installed command (`npx council-api …`; see `cli/commands.ts`). Its exit
 * code is the command's; `serve` keeps running on its server after returning 0.
 */
// dist/cli.js and src/cli.ts both sit one folder below the package's package.json.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
process.exitCode = await runCli(process.argv.slice(2), processIo, version);
