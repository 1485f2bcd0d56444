import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { launchOptions } from '../../scripts/browser.mjs';
import { testToday } from '../../scripts/test-today.mjs';

// Ports away from the defaults, so the tests never talk to a developer's `npm start`.
const apiPort = Number(process.env.E2E_API_PORT ?? 18080);
const sitePort = Number(process.env.E2E_SITE_PORT ?? 14173);
const apiUrl = `http://127.0.0.1:${apiPort}`;

// A fresh SQLite file for this run's API. Set once in the runner's environment, which the
// workers inherit, so every process agrees on it (the global teardown deletes it).
process.env.E2E_DATABASE_URL ??= path.join(tmpdir(), `council-kit-e2e-${process.pid}-${Date.now()}.sqlite`);
// The run's day (COUNCIL_TEST_TODAY, else today in London), pinned the same way: a run that
// crosses midnight keeps one day in the API and in every worker (e2e/today.ts reads it).
process.env.COUNCIL_TEST_TODAY = testToday;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${sitePort}`,
    browserName: 'chromium',
    // Debian's Chromium (or CHROME_PATH) with the flags this machine needs; no `channel`.
    launchOptions,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'node ../council-api/dist/main.js',
      url: `${apiUrl}/healthz`,
      env: {
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '100000',
        // The API's "today": COUNCIL_TEST_TODAY, else today (see e2e/today.ts). The browser's
        // clock is fixed to the same day by the tests themselves (`fixClock`), not by the site's
        // <meta name="council-today">, so a test can still move the page's clock (an evening).
        COUNCIL_TODAY: testToday,
        // The Anytown demo data the journeys use (an empty database is seeded with it).
        COUNCIL_DEMO: 'anytown',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Serves the built dist/ (run `npx turbo run build` first) and proxies /api to the API above.
      command: 'node server.mjs',
      url: `http://127.0.0.1:${sitePort}/`,
      // No COUNCIL_TODAY (not even one from the shell): pages carry no <meta name="council-today">,
      // which would override the browser clock the tests set.
      // The server-rendered pages (no-js/) are rendered for the API's day, without the meta tag.
      env: { PORT: String(sitePort), HOST: '127.0.0.1', API_URL: apiUrl, COUNCIL_TODAY: '', COUNCIL_RENDER_TODAY: testToday },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
