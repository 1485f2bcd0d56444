import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

// A function of the command line's options, so `tsup --out-dir <dir>` (a build somewhere else)
// gets the OpenAPI document in that folder too.
export default defineConfig((cli) => {
  const outDir = cli.outDir ?? 'dist';
  return {
    entry: { cli: 'src/cli.ts', main: 'src/main.ts', server: 'src/server.ts', app: 'src/app.ts', 'generate-directory': 'src/generate-directory.ts', migrate: 'src/migrate-command.ts', seed: 'src/seed-command.ts', purge: 'src/purge-command.ts', 'run-import': 'src/imports/run-import.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    outDir,
    clean: true,
    splitting: true,
    dts: false,
    // npm dependencies (better-sqlite3's native addon, pg, hono, kysely…) stay external; the
    // workspace's own @council-kit/contracts is bundled in, so the published package installs
    // from the npm registry alone (contracts is a devDependency).
    external: ['better-sqlite3', 'pg'],
    noExternal: [/^@council-kit\//],
    // The OpenAPI document the API serves, beside the bundle (src/http/openapi.ts reads it there).
    onSuccess: async () => copyFileSync(createRequire(import.meta.url).resolve('@council-kit/contracts/openapi.json'), join(outDir, 'openapi.json')),
  };
});
