import { defineConfig } from 'tsup';
import { minifyCssPlugin } from '../../scripts/minify-css.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/repair-report/define.ts', 'src/repair-appointment/define.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // Photo resizing is imported on demand (see repair-report.ts), so it stays a separate chunk.
  splitting: true,
  esbuildPlugins: [minifyCssPlugin],
  // Shared with other Council Kit packages on the page, so never bundled into ours.
  external: ['lit', /^lit\//, /^@council-kit\//],
});
