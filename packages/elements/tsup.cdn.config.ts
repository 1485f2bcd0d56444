import { defineConfig } from 'tsup';

// The CDN build: one self-contained, minified ES module (lit included) that a council can load
// with a plain <script type="module" src="…/council-kit.js"> and no build step. It uses no
// eval and injects no inline styles, so it runs under a strict CSP.
export default defineConfig({
  entry: { 'council-kit': 'src/define.ts' },
  outDir: 'cdn',
  format: ['esm'],
  dts: false,
  clean: true,
  minify: true,
  target: 'es2022',
  noExternal: [/.*/],
  // Code loaded only on demand (the directory's map, with Leaflet) stays in its own file next to
  // council-kit.js, fetched from the same place only by pages that turn the map on.
  splitting: true,
  esbuildOptions(options) {
    options.conditions = ['production'];
    options.legalComments = 'none';
  },
});
