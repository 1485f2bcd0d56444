// Marks every call the contracts' modules make while loading (`object({...})`, `reader(schema)`,
// `repairRequestWith(limits)`…) `/* @__PURE__ */` in the built files, so a council's bundler drops
// each schema and reader an element does not use. The package has no side effects
// (`sideEffects: false`), so this only says what is true. esbuild honours the builders' own
// `@__NO_SIDE_EFFECTS__` only within one file, and other bundlers vary; the marks work everywhere.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** `text` with `/* @__PURE__ *\/` before each call and `new` evaluated at module load (not inside a function or class). */
export function markPureCalls(text, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const starts = new Set();
  const visit = (node) => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return; // runs later, or has its own rules
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) starts.add(node.getStart(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = text;
  for (const start of [...starts].sort((a, b) => b - a)) out = `${out.slice(0, start)}/* @__PURE__ */ ${out.slice(start)}`;
  return out;
}

/** @type {import('esbuild').Plugin} */
export const pureCallsPlugin = {
  name: 'council-kit-pure-calls',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/]contracts[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: markPureCalls(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
