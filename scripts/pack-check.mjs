// The release dry run: packs every published package (packages/*, and the apps not marked
// private: the council API) as `npm publish` would (without publishing) and checks each tarball
// holds what a council's build needs and nothing else, and each package.json says what npm, a
// council's build and their editors read: metadata (repository, homepage, bugs, keywords,
// engines, licence), ranges that let npm share one lit and one core,
// a prepack build, the custom elements manifest and the editor data made from it.
// Run after a build (`npm test` builds first): packing here skips `prepack`, which would build.
// Writes reports/pack.json (read by `npm test`); exits non-zero on any failed check.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rootPkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const repository = 'git+https://github.com/council-kit/council-kit.git';
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

/** Every file an `exports` map (or `main`/`types`/`customElements`/`bin`) points at. */
function targets(pkg) {
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  const found = new Set([pkg.main, pkg.types, pkg.customElements, ...bins].filter(Boolean));
  const walk = (value) => {
    if (typeof value === 'string') found.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  return [...found].map((path) => path.replace(/^\.\//, ''));
}

// Local paths, keys and the like must never reach the registry.
const secret = /(\/work\/|\/home\/|\/Users\/|BEGIN [A-Z ]*PRIVATE KEY|npm_[A-Za-z0-9]{36})/;

const json = (dir, file) => JSON.parse(readFileSync(`${root}/${dir.includes('/') ? dir : `packages/${dir}`}/${file}`, 'utf8'));
const versions = Object.fromEntries(readdirSync(`${root}/packages`).map((dir) => [json(dir, 'package.json').name, json(dir, 'package.json').version]));
/** Every tag a custom elements manifest declares. */
const tagsOf = (manifest) => manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName);
/** Every tag the element packages' own manifests declare: what @council-kit/elements must declare. */
const allTags = readdirSync(`${root}/packages`)
  .map((dir) => [dir, json(dir, 'package.json')])
  .filter(([dir, pkg]) => dir !== 'elements' && pkg.customElements)
  .flatMap(([dir, pkg]) => {
    try {
      return tagsOf(json(dir, pkg.customElements));
    } catch {
      return []; // not built: that package's own checks fail
    }
  });

// The element and contract packages, and the published apps (the council API, with its command).
const published = [...readdirSync(`${root}/packages`), ...readdirSync(`${root}/apps`).map((app) => `apps/${app}`)];
for (const dir of published) {
  const pkg = json(dir, 'package.json');
  if (pkg.private) continue;
  const folder = dir.includes('/') ? dir : `packages/${dir}`;
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspace', pkg.name], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const files = packed.files.map((f) => f.path);
  const name = pkg.name;

  check(`${name}: licence, LICENSE file and public access`, pkg.license === 'MIT' && files.includes('LICENSE') && pkg.publishConfig?.access === 'public');
  check(`${name}: README included`, files.includes('README.md'));
  const metadata = [
    pkg.repository?.type === 'git' && pkg.repository.url === repository && pkg.repository.directory === folder ? '' : 'repository (with directory)',
    /^https:\/\//.test(pkg.homepage ?? '') ? '' : 'homepage',
    /^https:\/\//.test(pkg.bugs?.url ?? pkg.bugs ?? '') ? '' : 'bugs',
    Array.isArray(pkg.keywords) && pkg.keywords.length > 0 ? '' : 'keywords',
    pkg.engines?.node === rootPkg.engines.node ? '' : `engines.node ${rootPkg.engines.node}`,
  ].filter(Boolean);
  check(`${name}: repository, homepage, bugs, keywords and engines`, metadata.length === 0, `missing or wrong: ${metadata.join(', ')}`);
  check(`${name}: prepack builds the package`, (pkg.scripts?.prepack ?? '').includes(`turbo run build --filter=${name}`), pkg.scripts?.prepack ?? 'no prepack');
  // Ranges, not pins: an app with another lit 3 or a later core gets one copy, not two.
  const deps = Object.entries(pkg.dependencies ?? {});
  const pinned = deps.filter(
    ([dep, range]) => (dep === 'lit' && !/^\^3\.\d+\.\d+$/.test(range)) || (dep.startsWith('@council-kit/') && range !== `^${versions[dep]}`),
  );
  check(`${name}: lit and Council Kit dependencies as caret ranges`, pinned.length === 0, pinned.map(([dep, range]) => `${dep}@${range}`).join(', '));
  const missing = targets(pkg).filter((t) => !t.includes('*') && !files.includes(t));
  check(`${name}: every export is in the tarball`, missing.length === 0, missing.join(', '));
  if (pkg.bin) {
    // A command (the council API): its entry is runnable as installed, with a node shebang.
    const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin);
    const runnable = bins.filter((bin) => !readFileSync(`${root}/${folder}/${bin}`, 'utf8').startsWith('#!/usr/bin/env node'));
    check(`${name}: ES modules, commands with a node shebang`, pkg.type === 'module' && bins.length > 0 && runnable.length === 0, runnable.join(', '));
  } else {
    check(`${name}: ES modules with types`, pkg.type === 'module' && files.some((f) => f.endsWith('.d.ts')));
  }
  const unwanted = files.filter((f) => /(^src\/|\.test\.|\.stories\.|\.map$|^reports\/|^\.env|tsconfig|vitest|tsup)/.test(f));
  check(`${name}: no sources, tests, source maps or config`, unwanted.length === 0, unwanted.join(', '));
  const leaking = files.filter((f) => /\.(js|ts|json)$/.test(f) && secret.test(readFileSync(`${root}/${folder}/${f}`, 'utf8')));
  check(`${name}: no local paths or secrets in any file`, leaking.length === 0, leaking.join(', '));
  // An element package: one that registers elements. Its manifest names them, and the editor
  // data made from the manifest names every one of them.
  if (files.some((f) => f.startsWith('dist/') && f.includes('define'))) {
    const manifestOk = Boolean(pkg.customElements) && files.includes(pkg.customElements.replace(/^\.\//, ''));
    check(`${name}: custom elements manifest referenced and included`, manifestOk, pkg.customElements ?? 'no customElements field');
    const tags = manifestOk ? tagsOf(json(dir, pkg.customElements)) : [];
    check(`${name}: the manifest declares its elements`, tags.length > 0);
    if (dir === 'elements') {
      const absent = allTags.filter((tag) => !tags.includes(tag));
      check(`${name}: the manifest declares every Council Kit element`, absent.length === 0, absent.join(', '));
    }
    const webTypes = (pkg['web-types'] ?? '').replace(/^\.\//, '');
    const editor = ['vscode.html-custom-data.json', 'web-types.json'].filter((f) => !files.includes(f));
    check(`${name}: editor data included, web-types referenced`, editor.length === 0 && webTypes === 'web-types.json', editor.join(', ') || `web-types: ${pkg['web-types']}`);
    if (editor.length === 0) {
      const vscodeTags = json(dir, 'vscode.html-custom-data.json').tags.map((t) => t.name);
      const jetbrainsTags = json(dir, 'web-types.json').contributions.html.elements.map((e) => e.name);
      const unnamed = tags.filter((tag) => !vscodeTags.includes(tag) || !jetbrainsTags.includes(tag));
      check(`${name}: editor data names every element`, unnamed.length === 0, unnamed.join(', '));
    }
  }
}

mkdirSync(`${root}/reports`, { recursive: true });
writeFileSync(`${root}/reports/pack.json`, JSON.stringify({ checks }, null, 2));
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
