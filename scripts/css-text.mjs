// An esbuild plugin for tsup: `import css from 'some.css?inline'` gives the file's text, as Vite
// does, so a stylesheet from a dependency (Leaflet's) can be adopted into a shadow root.
import { createRequire } from 'node:module';
import path from 'node:path';

export const cssTextPlugin = {
  name: 'css-text',
  setup(build) {
    build.onResolve({ filter: /\.css\?inline$/ }, (args) => {
      const request = args.path.replace(/\?inline$/, '');
      const resolved = request.startsWith('.')
        ? path.resolve(args.resolveDir, request)
        : createRequire(path.join(args.resolveDir, 'noop.js')).resolve(request);
      // A path not ending in .css, so tsup's own CSS loader (which matches every namespace) skips it.
      // Relative, so the build's path comments do not carry the builder's directories.
      return { path: `${path.relative(process.cwd(), resolved)}?inline`, namespace: 'css-text' };
    });
    build.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const { minifyCss } = await import('./minify-css.mjs');
      return { contents: minifyCss(await readFile(path.resolve(args.path.replace(/\?inline$/, '')), 'utf8')), loader: 'text' };
    });
  },
};
