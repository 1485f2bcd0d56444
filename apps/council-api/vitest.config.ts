import { defineConfig } from 'vitest/config';

// The same suite runs on SQLite and, with COUNCIL_TEST_POSTGRES_URL set, on PostgreSQL
// (see scripts/test.mjs); each run writes its own report.
const postgres = Boolean(process.env.COUNCIL_TEST_POSTGRES_URL);

export default defineConfig({
  test: {
    name: postgres ? 'council-api on PostgreSQL' : 'council-api on SQLite',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: postgres ? 'reports/vitest-postgres.json' : 'reports/vitest.json' }]],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
