// An esbuild plugin for tsup: minifies the CSS inside Lit `css` template literals, and the
// indentation inside `html` templates, at build time. esbuild leaves template text alone, so without this every indent and comment of our
// styles would reach residents' phones.
import { readFile } from 'node:fs/promises';

/** Collapses whitespace and comments in one CSS template body (no `${}` interpolations). */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

export const minifyCssPlugin = {
  name: 'minify-lit-css',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('css`') && !source.includes('html`')) return undefined;
      // An escaped backtick (in a comment, say) ends the match early and the whole block ships unminified.
      if (/\bcss`[^`$]*\\`/.test(source)) throw new Error(`${args.path}: a backtick inside a css\`\` template stops its minification; write the comment without one`);
      const contents = source
        .replace(/\bcss`([^`$]*)`/g, (_, body) => `css\`${minifyCss(body)}\``)
        // Template indentation: a line break and its indent become one space, which renders the same.
        .replace(/\bhtml`[^`]*`/g, (template) => (template.includes('//') ? template : template.replace(/[ \t]*\n\s*/g, ' ')));
      return { contents, loader: 'ts' };
    });
  },
};
