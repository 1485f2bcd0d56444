import { cpSync, createReadStream, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { cdnPath } from './pages.ts';

/**
 * The folder holding `@council-kit/elements`' CDN build: `council-kit.js` and the chunks it
 * loads on demand (the directory's map), which must sit next to it. Built by the elements
 * package's own `build` (turbo runs it first: the site depends on `@council-kit/elements`).
 */
export function cdnBuildDir(): string {
  // Node's own lookup (node_modules folders upwards from here), without resolving the file
  // itself, so a missing build gets its own message rather than "module not found".
  let packageDir: string | undefined;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@council-kit', 'elements');
    if (existsSync(path.join(candidate, 'package.json'))) {
      packageDir = candidate;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (!packageDir) throw new Error('@council-kit/elements is not installed: run `npm install` at the repository root.');
  const dir = path.join(realpathSync(packageDir), 'cdn');
  if (!existsSync(path.join(dir, 'council-kit.js'))) {
    throw new Error(
      `The Council Kit CDN build is missing (${path.join(dir, 'council-kit.js')}). Build it first: ` +
        'npx turbo run build --filter=@council-kit/example-site... (turbo builds @council-kit/elements first), ' +
        'or npm run build --workspace @council-kit/elements.',
    );
  }
  return dir;
}

/**
 * Copies the whole CDN folder to `dist/vendor/council-kit/` after the build, as a council
 * would upload it to its CMS, and serves it from there in the dev server. Pages marked `cdn`
 * in site/pages.ts load it with a plain script tag (see site/layout.ts). The build stops at
 * its start, with the command to run, when the CDN build is missing.
 */
export function councilKitCdn(): Plugin {
  let source = '';
  let outDir = '';
  let building = false;
  return {
    name: 'anytown-council-kit-cdn',
    configResolved(config) {
      outDir = config.build.outDir;
      building = config.command === 'build';
    },
    buildStart() {
      if (building) source = cdnBuildDir();
    },
    writeBundle() {
      const target = path.join(outDir, cdnPath);
      cpSync(source, target, { recursive: true });
      const copied = readdirSync(target).filter((file) => file.endsWith('.js'));
      this.info(`copied the CDN build to ${path.relative(process.cwd(), target)} (${copied.join(', ')})`);
    },
    configureServer(server) {
      server.middlewares.use(cdnPath, (req, res, next) => {
        const dir = cdnBuildDir();
        const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\//, ''));
        const file = path.join(dir, name);
        if (!name || name.includes('..') || !file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        createReadStream(file).pipe(res);
      });
    },
  };
}
