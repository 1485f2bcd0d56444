// The supply-chain gate in `npm test`: what a council installs with a published @council-kit
// package must carry no known vulnerability and no licence outside the allow-list, unless
// supply-chain-exceptions.json lists it with a reason. Writes reports/supply-chain.json
// ({ checks: [{ name, ok, ... }] }, read by scripts/test.mjs); exits non-zero on any failed check.
//
// 1. `npm audit --omit=dev` over the published packages. When the registry's audit endpoint
//    cannot be reached (a mirror that only serves packages answers 405; no network at all), the
//    check is reported as skipped, not passed and not failed: it says so in the output and in
//    the report, and `npm test`'s summary lists it. Set AUDIT_REQUIRED=1 (e.g. in a CI job with
//    the real registry) to make an unreachable endpoint fail instead.
// 2. Licences: every package a published package depends on at run time (dependencies,
//    optional and required peer dependencies, recursively, as installed in node_modules), read
//    from its package.json, must be on the allow-list below or listed as an exception.
//
// Uses nothing but Node and npm.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const EXCEPTIONS_FILE = 'supply-chain-exceptions.json';

/** Permissive licences a council can ship in its pages without obligations beyond attribution. */
export const ALLOWED_LICENCES = ['MIT', 'MIT-0', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0', 'CC0-1.0', 'Unlicense'];

const checks = [];
const check = (name, ok, fields = {}) => {
  checks.push({ name, ok, ...fields });
  const mark = fields.skipped ? '–' : ok ? '✓' : '✗';
  console.log(`${mark} ${name}${fields.detail ? `: ${fields.detail}` : ''}`);
};

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// ── Exceptions ────────────────────────────────────────────────────────────────────────────────

/** `{ audit: [{ id, package, reason }], licences: [{ package, licence, reason }] }`; every entry needs a reason. */
function loadExceptions() {
  const path = join(root, EXCEPTIONS_FILE);
  const exceptions = existsSync(path) ? readJson(path) : {};
  const audit = exceptions.audit ?? [];
  const licences = exceptions.licences ?? [];
  const unexplained = [...audit, ...licences].filter((entry) => typeof entry.reason !== 'string' || entry.reason.trim().length < 10);
  check(`${EXCEPTIONS_FILE}: every exception gives its reason`, unexplained.length === 0, {
    detail: unexplained.length ? `no reason for ${unexplained.map((e) => e.id ?? e.package).join(', ')}` : `${audit.length} audit, ${licences.length} licence exception(s)`,
  });
  return { audit, licences };
}

// ── Published packages ────────────────────────────────────────────────────────────────────────

function publishedPackages() {
  return readdirSync(join(root, 'packages'))
    .map((dir) => join(root, 'packages', dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readJson(join(dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private);
}

// ── 1. npm audit ──────────────────────────────────────────────────────────────────────────────

function audit(packages, exceptions) {
  const name = 'npm audit: production dependencies of the published packages';
  const args = ['audit', '--omit=dev', '--json', ...packages.flatMap(({ manifest }) => ['--workspace', manifest.name])];
  const result = spawnSync('npm', args, { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = undefined;
  }
  if (!report || typeof report.vulnerabilities !== 'object' || report.vulnerabilities === null) {
    // No audit report: the endpoint refused or could not be reached (or npm timed out).
    const why = report?.message ?? (result.error ? result.error.message : (result.stderr || '').split('\n').find((line) => /error/i.test(line)) ?? `npm exited ${result.status}`);
    const required = /^(1|true|yes)$/i.test(process.env.AUDIT_REQUIRED ?? '');
    check(name, !required, { skipped: !required, detail: `skipped: audit endpoint unreachable (${why.trim()})${required ? ' and AUDIT_REQUIRED is set' : ''}` });
    return;
  }
  const allowed = new Set(exceptions.audit.map((e) => e.id));
  const advisories = [];
  for (const [pkg, vulnerability] of Object.entries(report.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object') continue; // "via another vulnerable package": reported under that package
      const id = via.url?.match(/GHSA-[\w-]+/)?.[0] ?? String(via.source);
      advisories.push({ id, package: pkg, severity: via.severity, title: via.title, url: via.url, excepted: allowed.has(id) });
    }
  }
  const open = advisories.filter((a) => !a.excepted);
  const stale = exceptions.audit.filter((e) => !advisories.some((a) => a.id === e.id)).map((e) => e.id);
  check(name, open.length === 0, {
    advisories,
    detail: open.length
      ? open.map((a) => `${a.package}: ${a.id} (${a.severity}) ${a.title}`).join('; ')
      : `${advisories.length} advisories, all excepted${stale.length ? `; exceptions no longer needed: ${stale.join(', ')}` : ''}`,
  });
}

// ── 2. Licences ───────────────────────────────────────────────────────────────────────────────

/** The installed package `name` as Node would find it from `fromDir`, or undefined. */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return realpathSync(dirname(candidate));
    if (dir === root || dir === dirname(dir)) return undefined;
  }
}

/** The licence a manifest declares, as an SPDX expression (old `licenses` arrays and `{ type }` objects too). */
function licenceOf(manifest) {
  const value = manifest.license ?? manifest.licenses;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  if (value && typeof value === 'object') return value.type;
  return undefined;
}

/** Whether an SPDX expression is acceptable: `A OR B` needs one allowed side, `A AND B` both. */
export function licenceAllowed(expression, allowed = ALLOWED_LICENCES) {
  if (!expression) return false;
  const text = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/\sOR\s/i.test(text)) return text.split(/\s+OR\s+/i).some((part) => licenceAllowed(part, allowed));
  if (/\sAND\s/i.test(text)) return text.split(/\s+AND\s+/i).every((part) => licenceAllowed(part, allowed));
  return allowed.includes(text.replace(/[()]/g, '').trim());
}

/** Every installed run-time dependency of the package in `dir`, recursively: `[{ name, version, licence, path }]`. */
function productionTree(dir, manifest) {
  const found = new Map();
  const visit = (fromDir, pkg, chain) => {
    const peers = Object.keys(pkg.peerDependencies ?? {}).filter((peer) => !pkg.peerDependenciesMeta?.[peer]?.optional);
    const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}), ...peers];
    for (const name of new Set(names)) {
      const at = resolvePackage(name, fromDir);
      if (!at) {
        if (!(name in (pkg.optionalDependencies ?? {}))) found.set(`${name}@missing`, { name, version: 'not installed', licence: undefined, path: [...chain, name].join(' > ') });
        continue;
      }
      if (found.has(at)) continue;
      const dependency = readJson(join(at, 'package.json'));
      found.set(at, { name, version: dependency.version, licence: licenceOf(dependency), path: [...chain, name].join(' > ') });
      visit(at, dependency, [...chain, name]);
    }
  };
  visit(dir, manifest, [manifest.name]);
  return [...found.values()];
}

function licences(packages, exceptions) {
  const tree = {};
  for (const { dir, manifest } of packages) {
    const dependencies = productionTree(dir, manifest);
    tree[manifest.name] = dependencies.map(({ name, version, licence }) => ({ name, version, licence: licence ?? null }));
    const excepted = (dep) => exceptions.licences.some((e) => e.package === dep.name && (e.licence === undefined || e.licence === dep.licence));
    const refused = dependencies.filter((dep) => !licenceAllowed(dep.licence) && !excepted(dep));
    const distinct = [...new Set(dependencies.map((d) => d.licence ?? 'none'))].sort();
    check(`${manifest.name}: licences of its ${dependencies.length} production dependencies`, refused.length === 0, {
      detail: refused.length ? refused.map((d) => `${d.path}@${d.version}: ${d.licence ?? 'no licence declared'}`).join('; ') : distinct.join(', ') || 'no dependencies',
    });
  }
  return tree;
}

// ── Run ───────────────────────────────────────────────────────────────────────────────────────

const exceptions = loadExceptions();
const packages = publishedPackages();
check('published packages found', packages.length > 0, { detail: packages.map((p) => p.manifest.name).join(', ') });
audit(packages, exceptions);
const tree = licences(packages, exceptions);

mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'supply-chain.json'), JSON.stringify({ allowedLicences: ALLOWED_LICENCES, checks, dependencies: tree }, null, 2));
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
