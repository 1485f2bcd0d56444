// Cross-engine smoke suite: each pattern's main journey on the built example site, in Chromium,
// Firefox and WebKit, checking that journeys work and text is visible (no pixel baselines).
//
//   npx turbo run build --filter=@council-kit/example-site... --filter=@council-kit/council-api
//   cd apps/example-site && npm run engines     # = npx vitest run --config engines/vitest.config.ts
//   COUNCIL_TEST_TODAY=2028-02-29 npm run engines   # as if that were today (see scripts/test-today.mjs)
//
// The engines, each launched once per run and reused by every journey (fresh storage each):
// - Chromium: Debian's /usr/bin/chromium (or CHROME_PATH) through puppeteer-core (CDP), with the
//   flags in scripts/browser.mjs.          apt install chromium
// - Firefox: Debian's /usr/bin/firefox-esr (or FIREFOX_PATH) through puppeteer-core over
//   WebDriver BiDi.                         apt install firefox-esr
// - WebKit: WebKitGTK's WebDriver, /usr/bin/WebKitWebDriver (or WEBKIT_WEBDRIVER_PATH), driving
//   MiniBrowser under `xvfb-run -a` (it has no headless mode) through webdriverio, WebDriver
//   classic only (it rejects BiDi).         apt install webkit2gtk-driver xvfb
// A missing browser skips that engine's journeys with a loud warning, except under CI, where
// it fails them.
//
// engines/global-setup.ts starts the council API (a fresh SQLite file, COUNCIL_TODAY = the
// test day) and the site (startSite, which adds <meta name="council-today"> to every page, so
// the elements' clock agrees with the API's in every engine) from a copy of dist/ (a build
// started mid-run cannot empty it), and finds properties whose missed-collection window is open
// that day. engines/support/ holds the driver interface
// (driver.ts), one implementation per protocol (puppeteer-driver.ts, webkit-driver.ts), the
// in-page shadow-DOM queries (page-scripts.ts) and the journeys, written once (journeys.ts).
// One file per engine, run one after the other: the machine has 2 cores, one browser at a time.
// A failing journey's message says the engine, the URL, the step headings shown and the page
// text; a screenshot goes to reports/engines/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root: appDir,
  test: {
    name: 'engines',
    environment: 'node',
    include: ['engines/**/*.test.ts'],
    globalSetup: ['engines/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/engines.json' }]],
  },
});
