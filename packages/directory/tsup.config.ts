import { defineConfig } from 'tsup';
import { cssTextPlugin } from '../../scripts/css-text.mjs';
import { minifyCssPlugin } from '../../scripts/minify-css.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/directory-search/define.ts', 'src/service-detail/define.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  esbuildPlugins: [cssTextPlugin, minifyCssPlugin],
  // Shared with other Council Kit packages on the page, so never bundled into ours; Leaflet's
  // script stays a dependency, but its CSS is inlined as text for the shadow root.
  external: ['lit', /^lit\//, /^@council-kit\//],
  noExternal: [/\.css\?inline$/],
});
