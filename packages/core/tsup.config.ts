import { defineConfig } from 'tsup';
import { minifyCssPlugin } from '../../scripts/minify-css.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/testing/index.ts', 'src/validators/index.ts', 'src/forms/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  esbuildPlugins: [minifyCssPlugin],
  external: ['lit', /^lit\//],
});
