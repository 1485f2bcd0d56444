// The one tsup config every Council Kit package builds with (packages/elements has its own: it
// bundles the CDN files). Each package's tsup.config.ts names only its entries and what is its own.
import { minifyCssPlugin } from './minify-css.mjs';

/**
 * ES modules for the browsers the kit supports (ES2022), with type declarations, tree-shaken,
 * and the CSS and template whitespace in Lit templates minified (see minify-css.mjs). Lit and
 * the other Council Kit packages stay imports: they are shared with other Council Kit packages
 * on the page, so never bundled into ours.
 *
 * @param {import('./tsup-package.d.mts').PackageConfigOptions} options
 * @returns {import('tsup').Options}
 */
export function packageConfig({ entry, plugins = [], external = [], ...options }) {
  return {
    entry,
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
    // The package's own plugins run first, so the minifier sees what they produce.
    esbuildPlugins: [...plugins, minifyCssPlugin],
    external: ['lit', /^lit\//, /^@council-kit\//, ...external],
    ...options,
  };
}
