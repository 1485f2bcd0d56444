// One place for how we launch Chromium: Debian's build here and in CI, Playwright's own
// browser on a contributor's laptop when CHROME_PATH points at it.
import { existsSync } from 'node:fs';

export const chromiumPath =
  process.env.CHROME_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Without the background-networking flags Chromium keeps trying to reach Google's hosts,
// which this machine's closed network refuses; --no-sandbox because CI runs as root.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const launchOptions = { executablePath: chromiumPath, args: chromiumArgs };
