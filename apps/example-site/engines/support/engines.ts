import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumArgs, chromiumPath } from '../../../../scripts/browser.mjs';
import type { Driver } from './driver.ts';
import { PuppeteerDriver } from './puppeteer-driver.ts';
import { WebKitDriver } from './webkit-driver.ts';

export interface Engine {
  name: 'Chromium' | 'Firefox' | 'WebKit';
  /** Why it cannot run here (a binary is missing), or undefined when it can. */
  missing: string | undefined;
  launch(siteUrl: string): Promise<Driver>;
}

const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const webKitDriverPath = process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';

/** The first of these programs found on PATH. */
function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, program);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export const chromium: Engine = {
  name: 'Chromium',
  missing: chromiumPath && existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath ?? '/usr/bin/chromium'} (set CHROME_PATH)`,
  launch: (siteUrl) => PuppeteerDriver.launch({ engine: 'Chromium', browser: 'chrome', executablePath: chromiumPath!, args: chromiumArgs }, siteUrl),
};

export const firefox: Engine = {
  name: 'Firefox',
  missing: existsSync(firefoxPath) ? undefined : `no Firefox at ${firefoxPath} (apt install firefox-esr, or set FIREFOX_PATH)`,
  launch: (siteUrl) => PuppeteerDriver.launch({ engine: 'Firefox', browser: 'firefox', executablePath: firefoxPath }, siteUrl),
};

const xvfbRun = onPath('xvfb-run');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

export const webkit: Engine = {
  name: 'WebKit',
  missing: !existsSync(webKitDriverPath)
    ? `no WebKitWebDriver at ${webKitDriverPath} (apt install webkit2gtk-driver, or set WEBKIT_WEBDRIVER_PATH)`
    : !xvfbRun && !hasDisplay
      ? 'no xvfb-run and no display for MiniBrowser (apt install xvfb)'
      : undefined,
  launch: (siteUrl) => WebKitDriver.launch({ webDriverPath: webKitDriverPath, xvfbRun }, siteUrl),
};
