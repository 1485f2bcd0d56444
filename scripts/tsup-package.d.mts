import type { Plugin } from 'esbuild';
import type { Options } from 'tsup';

export interface PackageConfigOptions extends Omit<Options, 'entry' | 'esbuildPlugins' | 'external'> {
  /** The package's entry points: `src/index.ts`, `src/define.ts` and each element's `define.ts`. */
  entry: string[];
  /** esbuild plugins of the package's own, run before the shared CSS minifier. */
  plugins?: Plugin[];
  /** Imports to leave as imports besides Lit and `@council-kit/*`. */
  external?: (string | RegExp)[];
}

export declare function packageConfig(options: PackageConfigOptions): Options;
