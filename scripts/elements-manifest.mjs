// @council-kit/elements' custom elements manifest, at build: the element packages' manifests
// merged (elements only re-exports their classes, so there is nothing of its own to analyse).
// Each module keeps its path inside the package that publishes it, prefixed with that package's
// name (`@council-kit/waste/src/bin-day/bin-day.ts`), and every reference within a package names
// that package, so a tool can follow it to the package's own manifest.
//
//   node ../../scripts/elements-manifest.mjs   (from packages/elements, after the packages build)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const packageDir = process.cwd();
const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const packagesDir = path.dirname(packageDir);
const sources = Object.keys(pkg.dependencies ?? {})
  .filter((name) => name.startsWith('@council-kit/'))
  .map((name) => {
    const dir = path.join(packagesDir, name.slice('@council-kit/'.length));
    const own = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return own.customElements ? { name, manifest: JSON.parse(readFileSync(path.join(dir, own.customElements), 'utf8')) } : undefined;
  })
  .filter(Boolean);

/** A reference to a module of `name` (no `package` yet) gains one; others stay as they are. */
function qualify(value, name) {
  if (Array.isArray(value)) return value.map((item) => qualify(item, name));
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, qualify(item, name)]));
  if (typeof out.module === 'string' && !out.package && 'name' in out) out.package = name;
  return out;
}

const modules = sources.flatMap(({ name, manifest }) => manifest.modules.map((mod) => ({ ...qualify(mod, name), path: `${name}/${mod.path}` })));
const merged = { schemaVersion: sources[0]?.manifest.schemaVersion ?? '2.1.0', readme: '', modules };
const tags = modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName);
if (tags.length === 0) throw new Error(`${pkg.name}: no element package manifest found (build the packages first)`);
writeFileSync(path.join(packageDir, pkg.customElements ?? 'custom-elements.json'), `${JSON.stringify(merged, null, 2)}\n`);
console.log(`${pkg.name}: custom elements manifest of ${sources.map((s) => s.name).join(', ')} (${tags.length} elements)`);
