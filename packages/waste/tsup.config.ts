import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/bin-day/define.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // Shared with other Council Kit packages on the page, so never bundled into ours.
  external: ['lit', /^lit\//, /^@council-kit\//],
});
