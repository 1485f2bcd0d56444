// `node scripts/screenshots.mjs`: the README screenshots, taken from the Storybook static build
// (run `npx turbo run build` first). Each story's play function drives the element to the state
// shown, against the stories' mocked council API, so the pictures are the same on every run.
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from './browser.mjs';

const root = new URL('..', import.meta.url).pathname;
const staticDir = path.resolve(root, 'apps/storybook/storybook-static');
const shots = {
  'address-lookup': 'patterns-address-lookup--results',
  'bin-day': 'patterns-waste-bin-day--with-property',
  'missed-bin-report': 'patterns-waste-missed-bin-report--check-answers',
  'container-request': 'patterns-waste-container-request--check-answers-with-charge',
  'directory-search': 'patterns-directory-directory-search--near-postcode',
  'service-detail': 'patterns-directory-service-detail--full-record',
};

if (!existsSync(`${staticDir}/iframe.html`)) {
  console.error('No Storybook build: run `npx turbo run build` first.');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const file = path.join(staticDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(staticDir) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch(launchOptions);
mkdirSync(`${root}/docs/screenshots`, { recursive: true });
try {
  for (const [name, id] of Object.entries(shots)) {
    const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/iframe.html?id=${id}&viewMode=story`);
    // Storybook marks the story done once its play function has finished.
    await page.waitForFunction(() => document.body.classList.contains('sb-show-main'), null, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await page.locator('#storybook-root').screenshot({ path: `${root}/docs/screenshots/${name}.png` });
    console.log(`docs/screenshots/${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
