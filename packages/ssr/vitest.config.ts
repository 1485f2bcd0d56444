import { defineConfig } from 'vitest/config';

// The renderer runs in Node (a council's web server), so its tests do too: no browser here. The
// JSON report is what `npm test` counts, as for the browser packages.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
