// Every story is a Vitest browser test in Chromium: it renders, its play function drives the
// element as a resident would, and then the a11y addon runs axe (any violation fails).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { launchOptions } from '../../scripts/browser.mjs';

const configDir = fileURLToPath(new URL('./.storybook', import.meta.url));

// Two passes cover both languages and two council looks. The high-contrast look (black on white,
// 24px text) is left out of this pass: every one of its colours is darker than the default's,
// and text at 200% is checked for every story by the example site's story-adaptations suite.
const allVariants = [
  { name: 'default look, English', globals: { theme: 'default', locale: 'en' } },
  { name: 'Anytown look, Welsh', globals: { theme: 'anytown', locale: 'cy' } },
];
// COUNCIL_STORY_LOCALE=cy runs the Welsh variant only: the dated pass of `npm test` (see
// scripts/test.mjs), where the point is the dates, in the language whose dates are harder.
const only = process.env.COUNCIL_STORY_LOCALE;
const variants = only ? allVariants.filter((v) => v.globals.locale === only) : allVariants;

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    testTimeout: 20_000,
    // Every story runs once per council look, and in both languages, so axe checks colour
    // contrast and Welsh text in every state (see .storybook/themes.ts).
    projects: variants.map(({ name, globals }) => ({
      extends: true,
      plugins: [storybookTest({ configDir, initialGlobals: globals })],
      test: {
        name,
        browser: {
          enabled: true,
          headless: true,
          provider: playwright({ launchOptions }),
          instances: [{ browser: 'chromium' }],
          viewport: { width: 1024, height: 768 },
          screenshotFailures: false,
        },
      },
    })),
  },
});
