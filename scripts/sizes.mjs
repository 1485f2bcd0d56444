// Measures what a resident downloads: each element minified and brotli-compressed, on its own
// and with lit and core. scripts/peer-sizes.mjs measures peers with the same functions.
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Per-element budgets from DESIGN.md, in bytes (min+brotli). */
export const budgets = { own: 6 * 1024, withLitAndCore: 16 * 1024, cdn: 40 * 1024, autoloader: 1.5 * 1024, autoloaderPage: 17 * 1024 };

/** Every element: its package, tag, and built define entry. Grows as patterns land. */
export const elements = [
  { name: 'address-lookup', tag: 'council-address-lookup', pkg: 'address-lookup', entry: 'packages/address-lookup/dist/address-lookup/define.js' },
  { name: 'bin-day', tag: 'council-bin-day', pkg: 'waste', entry: 'packages/waste/dist/bin-day/define.js' },
  { name: 'missed-bin-report', tag: 'council-missed-bin-report', pkg: 'waste', entry: 'packages/waste/dist/missed-bin-report/define.js' },
  { name: 'container-request', tag: 'council-container-request', pkg: 'waste', entry: 'packages/waste/dist/container-request/define.js' },
  { name: 'garden-waste', tag: 'council-garden-waste', pkg: 'waste', entry: 'packages/waste/dist/garden-waste/define.js' },
  { name: 'bulky-waste', tag: 'council-bulky-waste', pkg: 'waste', entry: 'packages/waste/dist/bulky-waste/define.js' },
  { name: 'directory-search', tag: 'council-directory-search', pkg: 'directory', entry: 'packages/directory/dist/directory-search/define.js' },
  { name: 'service-detail', tag: 'council-service-detail', pkg: 'directory', entry: 'packages/directory/dist/service-detail/define.js' },
  { name: 'repair-report', tag: 'council-repair-report', pkg: 'housing-repairs', entry: 'packages/housing-repairs/dist/repair-report/define.js' },
  { name: 'repair-appointment', tag: 'council-repair-appointment', pkg: 'housing-repairs', entry: 'packages/housing-repairs/dist/repair-appointment/define.js' },
];

export function brotli(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/**
 * What a page downloads up front for `entry`: the entry file and every chunk it imports
 * statically, transitively. Chunks reached only through `import()` (the directory's map, the
 * later pages of the repair report) load on demand and are left out.
 */
export async function bundle(entry, external) {
  const outdir = `${root}/reports/size-bundles`;
  const result = await build({
    // Our entries are relative to the repository; peers' generated entries are absolute.
    entryPoints: { entry: path.resolve(root, entry) },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    // Split as a council's bundler would, so on-demand code is a chunk of its own.
    splitting: true,
    outdir,
    external: [...external, 'leaflet', 'leaflet/*'],
    logLevel: 'silent',
    // Production build of lit (no dev-mode warnings), as a council's bundler would produce.
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files = new Map(result.outputFiles.map((file) => [path.relative(root, file.path), file.contents]));
  const upFront = staticClosure(path.relative(root, `${outdir}/entry.js`), (file) =>
    (result.metafile.outputs[file]?.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path),
  );
  return upFront.map((file) => files.get(file));
}

export function staticClosure(start, importsOf) {
  const seen = new Set([start]);
  for (const file of seen) for (const next of importsOf(file)) seen.add(next);
  return [...seen];
}

/**
 * Min and brotli bytes of the code loaded up front, however the bundler cut it into chunks
 * (compressed together: the budget is on the code, not on where chunk boundaries fall; served
 * as separate files it costs a few hundred bytes more).
 */
export function measure(parts) {
  const all = Buffer.concat(parts.map((p) => Buffer.from(p)));
  return { min: all.length, brotli: brotli(all) };
}

/**
 * The shared libraries every element loads once per page, left out of an element's "own" figure:
 * lit, core, and the contracts (the readers, validators and adapters core's sibling packages
 * share; before the validators moved there from core, they counted as shared too). An element's
 * total ("withLitAndCore") counts all of them, so every reader it uses is still budgeted there.
 */
const shared = ['lit', 'lit/*', '@lit/*', '@council-kit/core', '@council-kit/core/*', '@council-kit/contracts', '@council-kit/contracts/*'];

/**
 * Sizes of one element: its own code (the shared libraries above and any other Council Kit
 * element it embeds left out, since a page loads those once) and the total with everything it
 * needs.
 */
export async function measureElement(element) {
  const others = elements.filter((e) => e.pkg !== element.pkg).map((e) => `@council-kit/${e.pkg}/*`);
  const own = measure(await bundle(element.entry, [...shared, ...others]));
  const withLitAndCore = measure(await bundle(element.entry, others));
  // What a page with only this element downloads, embedded elements included (reported, not budgeted).
  const page = measure(await bundle(element.entry, []));
  return { own: own.brotli, withLitAndCore: withLitAndCore.brotli, page: page.brotli, ownMin: own.min, totalMin: withLitAndCore.min };
}

/**
 * The files `file` (in `dir`) imports statically. Minified static imports look like
 * `import{a as b}from"./chunk-X.js"` or `import"./x.js"`; `import(` (on demand) never matches.
 */
export const staticImportsIn = (dir) => (file) =>
  [...readFileSync(`${dir}/${file}`, 'utf8').matchAll(/import(?:[^("'`]*?from)?\s*["']\.\/([^"']+)["']/g)].map((m) => m[1]);

const cdnDir = `${root}/packages/elements/cdn`;

/** Brotli bytes of each file in `files` (in `dir`), compressed on its own as a server sends it. */
function served(dir, files) {
  return files.map((file) => {
    const bytes = readFileSync(`${dir}/${file}`);
    return { file, min: bytes.length, brotli: brotli(bytes) };
  });
}

const total = (files) => ({ min: files.reduce((sum, f) => sum + f.min, 0), brotli: files.reduce((sum, f) => sum + f.brotli, 0) });

/**
 * The CDN build with every element (cdn/council-kit.js), as served: the entry and its static
 * chunks. `brotli` compresses them together (the budget this figure has always had);
 * `servedBrotli` compresses each file on its own, as a server sends them.
 */
export function measureCdn(dir = cdnDir) {
  if (!existsSync(`${dir}/council-kit.js`)) return undefined;
  const files = staticClosure('council-kit.js', staticImportsIn(dir));
  const each = served(dir, files);
  return { ...measure(files.map((file) => readFileSync(`${dir}/${file}`))), servedBrotli: total(each).brotli, files: each };
}

/**
 * Through the autoloader (cdn/autoloader.js): the autoloader itself, and for each element what a
 * page showing only that element loads: the autoloader, the element's module (cdn/<tag>.js) and
 * every chunk it imports statically, transitively, each file compressed on its own as served.
 * Chunks reached only through `import()` load on demand and are left out, as everywhere here.
 */
export function measureAutoloader(dir = cdnDir) {
  if (!existsSync(`${dir}/autoloader.js`)) return undefined;
  const autoloader = served(dir, staticClosure('autoloader.js', staticImportsIn(dir)));
  const pages = elements.map((element) => {
    const module = `${element.tag}.js`;
    if (!existsSync(`${dir}/${module}`)) return { element: element.tag, missing: module };
    const files = [...autoloader, ...served(dir, staticClosure(module, staticImportsIn(dir)))];
    // The same code compressed as one file: the difference is what splitting it into files costs.
    const together = measure(files.map((f) => readFileSync(`${dir}/${f.file}`))).brotli;
    return { element: element.tag, ...total(files), together, files };
  });
  return { autoloader: { ...total(autoloader), files: autoloader }, pages };
}
