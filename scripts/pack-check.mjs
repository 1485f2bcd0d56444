// The release dry run: packs every published package as `npm publish` would (without
// publishing) and checks each tarball holds what a council's build needs and nothing else.
// Writes reports/pack.json (read by `npm test`); exits non-zero on any failed check.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

/** Every file an `exports` map (or `main`/`types`/`customElements`) points at. */
function targets(pkg) {
  const found = new Set([pkg.main, pkg.types, pkg.customElements].filter(Boolean));
  const walk = (value) => {
    if (typeof value === 'string') found.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  return [...found].map((path) => path.replace(/^\.\//, ''));
}

// Local paths, keys and the like must never reach the registry.
const secret = /(\/work\/|\/home\/|\/Users\/|BEGIN [A-Z ]*PRIVATE KEY|npm_[A-Za-z0-9]{36})/;

for (const dir of readdirSync(`${root}/packages`)) {
  const pkg = JSON.parse(readFileSync(`${root}/packages/${dir}/package.json`, 'utf8'));
  if (pkg.private) continue;
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', pkg.name], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = packed.files.map((f) => f.path);
  const name = pkg.name;

  check(`${name}: licence and public access`, pkg.license === 'MIT' && pkg.publishConfig?.access === 'public');
  check(`${name}: README included`, files.includes('README.md'));
  const missing = targets(pkg).filter((t) => !t.includes('*') && !files.includes(t));
  check(`${name}: every export is in the tarball`, missing.length === 0, missing.join(', '));
  check(`${name}: ES modules with types`, pkg.type === 'module' && files.some((f) => f.endsWith('.d.ts')));
  const unwanted = files.filter((f) => /(^src\/|\.test\.|\.stories\.|\.map$|^reports\/|^\.env|tsconfig|vitest|tsup)/.test(f));
  check(`${name}: no sources, tests, source maps or config`, unwanted.length === 0, unwanted.join(', '));
  const leaking = files.filter((f) => /\.(js|ts|json)$/.test(f) && secret.test(readFileSync(`${root}/packages/${dir}/${f}`, 'utf8')));
  check(`${name}: no local paths or secrets in any file`, leaking.length === 0, leaking.join(', '));
  if (files.some((f) => f.startsWith('dist/') && f.includes('define'))) {
    check(`${name}: custom elements manifest referenced`, !pkg.customElements || files.includes(pkg.customElements), pkg.customElements);
  }
}

mkdirSync(`${root}/reports`, { recursive: true });
writeFileSync(`${root}/reports/pack.json`, JSON.stringify({ checks }, null, 2));
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
