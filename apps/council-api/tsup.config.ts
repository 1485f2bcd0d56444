import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/main.ts', server: 'src/server.ts', app: 'src/app.ts', 'generate-directory': 'src/generate-directory.ts', migrate: 'src/migrate-command.ts', seed: 'src/seed-command.ts', purge: 'src/purge-command.ts', 'run-import': 'src/imports/run-import.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  splitting: true,
  dts: false,
  // Dependencies (better-sqlite3's native addon, hono, kysely, @council-kit/*) stay external.
  external: ['better-sqlite3', 'pg'],
});
