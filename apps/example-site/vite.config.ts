import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pages } from './site/pages.ts';
import { councilKitCdn } from './site/cdn.ts';
import { siteLayout } from './site/layout.ts';

const appDir = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.join(appDir, 'src');

// Every HTML file under src/ must be a listed page (and so built, laid out and tested).
const htmlFiles = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.split(path.sep).join('/'));
const unlisted = htmlFiles.filter((file) => !pages.some((page) => page.file === file));
if (unlisted.length) throw new Error(`List these pages in site/pages.ts: ${unlisted.join(', ')}`);

/**
 * Where the dev server sends `/api/*`, the Open Referral UK feed `/oruk/*` and `/healthz` (the
 * built site's server.mjs does the same).
 */
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8080';
const proxy = {
  '/api/': { target: apiUrl, changeOrigin: false },
  '/oruk': { target: apiUrl, changeOrigin: false },
  '/healthz': { target: apiUrl },
};

export default defineConfig({
  root: srcDir,
  publicDir: path.join(appDir, 'public'),
  // `.env` holds VITE_API_BASE=/api/v1 and VITE_ORUK_BASE=/oruk; pages use them as
  // `api-base="%VITE_API_BASE%"` and `api-base="%VITE_ORUK_BASE%"`.
  envDir: appDir,
  // The layout for every page, and the CDN build copied to /vendor/council-kit/ for cdn pages.
  plugins: [siteLayout(srcDir), councilKitCdn()],
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: path.join(appDir, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs these modules supports modulepreload; skip the extra polyfill chunk.
    modulePreload: { polyfill: false },
    // Vite 8 bundles with Rolldown: `rolldownOptions` (the old `rollupOptions` is a deprecated alias).
    rolldownOptions: {
      input: Object.fromEntries(pages.map((page) => [page.file.replace(/\.html$/, ''), path.join(srcDir, page.file)])),
    },
  },
});
