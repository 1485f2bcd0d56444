import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { cssTextPlugin } from '../../scripts/css-text.mjs';
import { minifyCssPlugin } from '../../scripts/minify-css.mjs';
import { pureCallsPlugin } from '../contracts/scripts/pure-calls.mjs';
import { cdnTags } from './src/cdn/tags.ts';

// The CDN builds, into cdn/, for a plain <script type="module"> tag and no build step. Both are
// minified ES modules for browsers with lit included; they use no eval and inject no inline
// styles, so they run under a strict CSP with Trusted Types.
//
// 1. cdn/council-kit.js: every element at once. Code loaded only on demand (the directory's map,
//    with Leaflet; the repair report's later pages) stays in files of its own next to it,
//    fetched from the same place only by pages that need it.
// 2. cdn/autoloader.js and one module per element (cdn/council-bin-day.js, …): the autoloader
//    imports an element's module when its tag first appears. The element modules are built
//    together with code splitting, so each shared chunk holds the code one set of elements
//    shares (lit and core for all of them; the address lookup for those that render it; the
//    repairs' shared code for the two repairs elements), and an element's module imports only
//    the chunks it uses.
//
// Both compile the Council Kit packages from their sources (src/), not their dist/ files:
// esbuild splits code between chunks a whole module at a time, and each package's dist/ holds
// few, large modules (all the contracts' readers in one file), so chunks built from dist/ would
// make a page with one element load other elements' readers and helpers. The sources are
// compiled with the same plugins as their packages' builds (CSS text, minified Lit CSS, and the
// contracts' load-time calls marked pure, so a page carries only the schemas it reads).
// The two builds run side by side, so neither cleans the folder: it is emptied here, once.

const here = path.dirname(fileURLToPath(import.meta.url));
const packagesDir = path.resolve(here, '..');

/** Each tag's module: the package export that registers that one element. */
const modules: Record<string, string> = {
  'council-address-lookup': '@council-kit/address-lookup/address-lookup',
  'council-bin-day': '@council-kit/waste/bin-day',
  'council-missed-bin-report': '@council-kit/waste/missed-bin-report',
  'council-container-request': '@council-kit/waste/container-request',
  'council-garden-waste': '@council-kit/waste/garden-waste',
  'council-bulky-waste': '@council-kit/waste/bulky-waste',
  'council-directory-search': '@council-kit/directory/directory-search',
  'council-service-detail': '@council-kit/directory/service-detail',
  'council-repair-report': '@council-kit/housing-repairs/repair-report',
  'council-repair-appointment': '@council-kit/housing-repairs/repair-appointment',
};
const disagree = [...cdnTags.filter((tag) => !modules[tag]), ...Object.keys(modules).filter((tag) => !(cdnTags as readonly string[]).includes(tag))];
if (disagree.length) throw new Error(`src/cdn/tags.ts and tsup.cdn.config.ts disagree about: ${disagree.join(', ')}`);

interface PackageJson {
  exports?: Record<string, string | { default?: string }>;
  sideEffects?: boolean | string[];
}
const packageJson = (name: string): PackageJson => JSON.parse(readFileSync(path.join(packagesDir, name, 'package.json'), 'utf8')) as PackageJson;

/** `@council-kit/<package>[/<export>]` → that export's source file (`./dist/x/define.js` → `src/x/define.ts`). */
function sourceFile(specifier: string): string {
  const [, name = '', ...rest] = specifier.split('/');
  const key = rest.length ? `./${rest.join('/')}` : '.';
  const target = packageJson(name).exports?.[key];
  const dist = typeof target === 'string' ? target : target?.default;
  if (!dist?.startsWith('./dist/')) throw new Error(`${specifier}: @council-kit/${name} exports no ${key} from dist/`);
  const file = path.join(packagesDir, name, dist.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  if (!existsSync(file)) throw new Error(`${specifier}: no source file ${path.relative(packagesDir, file)} for ${dist}`);
  return file;
}

/**
 * Council Kit imports from source. Core and contracts keep `sideEffects: false`, so what an
 * element does not use is left out; every module of an element package counts as having side
 * effects, as its dist/ chunks do, so `import './bin-day/define.js'` registers the element.
 */
const fromSource: Plugin = {
  name: 'council-kit-from-source',
  setup(build) {
    const sideEffects = (file: string) => packageJson(path.relative(packagesDir, file).split(path.sep)[0]!).sideEffects !== false;
    build.onResolve({ filter: /^@council-kit\// }, (args) => {
      try {
        const file = sourceFile(args.path);
        return { path: file, sideEffects: sideEffects(file) };
      } catch (error) {
        return { errors: [{ text: (error as Error).message }] };
      }
    });
    // Relative imports inside the packages, and the entries (once esbuild has read a module's
    // package.json, a plugin can no longer say it has side effects).
    const inPackages = (file: string) => file.startsWith(packagesDir + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`);
    build.onResolve({ filter: /^[./]/ }, async (args) => {
      if (args.pluginData === fromSource || !(args.kind === 'entry-point' ? inPackages(path.resolve(args.resolveDir, args.path)) : inPackages(args.importer))) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: fromSource });
      if (resolved.errors.length || !resolved.path.startsWith(packagesDir + path.sep)) return resolved;
      return { ...resolved, sideEffects: sideEffects(resolved.path) };
    });
  },
};

rmSync(path.join(here, 'cdn'), { recursive: true, force: true });

const shared: Options = {
  outDir: 'cdn',
  format: ['esm'],
  dts: false,
  clean: false,
  minify: true,
  target: 'es2022',
  // Without this tsup builds for Node, and lit's reactive-element brings its Node build (a DOM
  // shim for server rendering) into the bundle.
  platform: 'browser',
  noExternal: [/.*/],
  splitting: true,
  env: { NODE_ENV: 'production' },
  esbuildPlugins: [fromSource, pureCallsPlugin, cssTextPlugin, minifyCssPlugin],
  esbuildOptions(options) {
    options.conditions = ['production'];
    options.legalComments = 'none';
  },
};

export default defineConfig([
  { ...shared, entry: { 'council-kit': 'src/define.ts' } },
  { ...shared, entry: { autoloader: 'src/cdn/autoloader.ts', ...Object.fromEntries(cdnTags.map((tag) => [tag, sourceFile(modules[tag]!)])) } },
]);
