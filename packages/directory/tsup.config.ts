import { defineConfig } from 'tsup';
import { minifyCssPlugin } from '../../scripts/minify-css.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/directory-search/define.ts', 'src/service-detail/define.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  esbuildPlugins: [minifyCssPlugin],
  // Shared with other Council Kit packages on the page, so never bundled into ours.
  external: ['lit', /^lit\//, /^@council-kit\//],
});
