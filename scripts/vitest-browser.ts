// The Vitest browser-mode setup every element package shares: real Chromium, JSON report for
// the root test summary.
import { playwright } from '@vitest/browser-playwright';
import type { ViteUserConfig } from 'vitest/config';
import { launchOptions } from './browser.mjs';
import { testToday } from './test-today.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's "today", `YYYY-MM-DD` (scripts/test-today.mjs). */
    councilToday: string;
  }
}

export function browserTestConfig(): ViteUserConfig {
  return {
    test: {
      include: ['src/**/*.test.ts'],
      setupFiles: [new URL('./vitest-setup.ts', import.meta.url).pathname],
      provide: { councilToday: testToday },
      reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
      testTimeout: 15_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions }),
        instances: [{ browser: 'chromium' }],
        viewport: { width: 1024, height: 768 },
        screenshotFailures: false,
      },
    },
  };
}
