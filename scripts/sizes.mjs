// Measures what a resident downloads: each element minified and brotli-compressed, on its own
// and with lit and core, plus peers measured the same way in the same run.
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Per-element budgets from DESIGN.md, in bytes (min+brotli). */
export const budgets = { own: 6 * 1024, withLitAndCore: 16 * 1024, cdn: 40 * 1024 };

/** Every element: its package, tag, and built define entry. Grows as patterns land. */
export const elements = [
  { name: 'address-lookup', tag: 'council-address-lookup', pkg: 'address-lookup', entry: 'packages/address-lookup/dist/address-lookup/define.js' },
  { name: 'bin-day', tag: 'council-bin-day', pkg: 'waste', entry: 'packages/waste/dist/bin-day/define.js' },
  { name: 'missed-bin-report', tag: 'council-missed-bin-report', pkg: 'waste', entry: 'packages/waste/dist/missed-bin-report/define.js' },
  { name: 'container-request', tag: 'council-container-request', pkg: 'waste', entry: 'packages/waste/dist/container-request/define.js' },
  { name: 'directory-search', tag: 'council-directory-search', pkg: 'directory', entry: 'packages/directory/dist/directory-search/define.js' },
  { name: 'service-detail', tag: 'council-service-detail', pkg: 'directory', entry: 'packages/directory/dist/service-detail/define.js' },
  { name: 'repair-report', tag: 'council-repair-report', pkg: 'housing-repairs', entry: 'packages/housing-repairs/dist/repair-report/define.js' },
  { name: 'repair-appointment', tag: 'council-repair-appointment', pkg: 'housing-repairs', entry: 'packages/housing-repairs/dist/repair-appointment/define.js' },
];

export function brotli(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

async function bundle(entry, external) {
  const result = await build({
    entryPoints: { entry: `${root}/${entry}` },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    // Code an element imports only on demand (the directory's map) becomes its own chunk, as in
    // a council's bundler, and is not part of what every page downloads.
    splitting: true,
    outdir: `${root}/reports/size-bundles`,
    external: [...external, 'leaflet', 'leaflet/*'],
    logLevel: 'silent',
    // Production build of lit (no dev-mode warnings), as a council's bundler would produce.
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles.find((file) => file.path.endsWith('/entry.js')).contents;
}

/**
 * Sizes of one element: its own code (lit, core and any other Council Kit element it embeds
 * left out, since a page loads those once) and the total with everything it needs.
 */
export async function measureElement(element) {
  const others = elements.filter((e) => e.pkg !== element.pkg).map((e) => `@council-kit/${e.pkg}/*`);
  const own = await bundle(element.entry, ['lit', 'lit/*', '@lit/*', '@council-kit/core', '@council-kit/core/*', ...others]);
  const withLitAndCore = await bundle(element.entry, others);
  // What a page with only this element downloads, embedded elements included (reported, not budgeted).
  const page = await bundle(element.entry, []);
  return { own: brotli(own), withLitAndCore: brotli(withLitAndCore), page: brotli(page), ownMin: own.length, totalMin: withLitAndCore.length };
}

/** The self-contained CDN build (every element, lit included), as served. */
export function measureCdn() {
  const file = `${root}/packages/elements/cdn/council-kit.js`;
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  return { min: bytes.length, brotli: brotli(bytes) };
}

/** Peers installed as dev dependencies, measured the same way. */
export function measurePeers() {
  const peers = [];
  const govuk = `${root}/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js`;
  if (existsSync(govuk)) {
    const bytes = readFileSync(govuk);
    const version = JSON.parse(readFileSync(`${root}/node_modules/govuk-frontend/package.json`, 'utf8')).version;
    peers.push({ name: `govuk-frontend ${version} (all components' JS)`, min: bytes.length, brotli: brotli(bytes) });
  }
  return peers;
}
