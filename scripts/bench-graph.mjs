// The built packages' module graphs, for `npm run bench`: import cycles and duplicated modules.
//
// - Import cycles: the files of every packages/*/dist (and the CDN folder) as nodes, their
//   static imports and re-exports as edges (`@council-kit/<package>/<export>` followed to that
//   package's file; lit and other dependencies left out). A cycle is a strongly connected
//   component of more than one file (or a file importing itself).
// - Duplicated modules: esbuild marks where each source module starts in unminified output
//   (`// src/bin-day/bin-day.ts`). A duplicate is a source module found in two or more output
//   files, e.g. one package's helper bundled into two of its chunks, or into two packages.
//   The CDN files are minified (no markers): their duplicates are not counted.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = path.join(root, 'packages');

/** Every .js file under `dir`, as absolute paths. */
function jsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.join(dir, file));
}

/** Specifiers of a module's static imports and re-exports (`import()` on demand is not one). */
export function staticSpecifiers(source) {
  const pattern = /(?:^|[;}\s])(?:import\s*["']([^"']+)["']|(?:import|export)\b[^"'`;()]*?\bfrom\s*["']([^"']+)["'])/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2]);
}

/** `@council-kit/<name>[/<export>]` → that export's built file, or undefined. */
function packageFile(specifier) {
  const [, name, ...rest] = specifier.split('/');
  const manifest = path.join(packagesDir, name, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const key = rest.length ? `./${rest.join('/')}` : '.';
  const target = JSON.parse(readFileSync(manifest, 'utf8')).exports?.[key];
  const file = typeof target === 'string' ? target : target?.default;
  return file ? path.join(packagesDir, name, file) : undefined;
}

/** Strongly connected components of more than one node, or with a self-edge (Tarjan). */
export function cycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  function visit(node) {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
    }
  }
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

/** The import graph of `files`: each file → the files among them it imports statically. */
function importGraph(files) {
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const targets = staticSpecifiers(readFileSync(file, 'utf8'))
      .map((specifier) => (specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier.startsWith('@council-kit/') ? packageFile(specifier) : undefined))
      .filter((target) => target && known.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Source modules bundled into more than one output file, from esbuild's module markers. */
function duplicates(packageFiles) {
  const where = new Map(); // source module → output files holding it
  for (const [pkgDir, files] of packageFiles) {
    for (const file of files) {
      for (const [, module] of readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:\.\.\/|src\/|node_modules\/)[^\s]+\.[cm]?[jt]sx?)$/gm)) {
        const key = path.relative(root, path.resolve(pkgDir, module));
        if (!where.has(key)) where.set(key, new Set());
        where.get(key).add(path.relative(root, file));
      }
    }
  }
  return [...where].filter(([, files]) => files.size > 1).map(([module, files]) => ({ module, files: [...files].sort() }));
}

/** Cycles and duplicates in packages/*\/dist, and cycles in the CDN folder. */
export function measureGraph() {
  const packageFiles = readdirSync(packagesDir)
    .map((name) => path.join(packagesDir, name))
    .map((dir) => [dir, jsFiles(path.join(dir, 'dist'))])
    .filter(([, files]) => files.length);
  const distFiles = packageFiles.flatMap(([, files]) => files);
  const rel = (component) => component.map((file) => path.relative(root, file));
  const distCycles = cycles(importGraph(distFiles)).map(rel);
  const cdnFiles = jsFiles(path.join(packagesDir, 'elements', 'cdn'));
  const cdnCycles = cycles(importGraph(cdnFiles)).map(rel);
  const duplicated = duplicates(packageFiles);
  return {
    packages: packageFiles.map(([dir]) => path.basename(dir)),
    files: distFiles.length,
    cycles: distCycles.length,
    duplicates: duplicated.length,
    cycleFiles: distCycles,
    duplicateModules: duplicated,
    cdn: { files: cdnFiles.length, cycles: cdnCycles.length, cycleFiles: cdnCycles },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(measureGraph(), null, 2));
