// The release rehearsal: what `npm run release:version` and `changeset publish` would do now,
// done in a scratch git worktree on a temporary branch (this working tree is never touched),
// without publishing anything.
//
// 1. `changeset version` with the pending changesets (this working tree's .changeset/), then the
//    CDN examples set to the new @council-kit/elements version, as `release:version` does; reports
//    the versions and CHANGELOG entries that would ship, and checks internal dependencies are
//    caret ranges of the new versions.
// 2. `npm publish --dry-run` for each package, with the rehearsed package.json, README and
//    CHANGELOG and this tree's build (run `npm run build` first; `npm test` does).
// 3. A scratch app with another lit 3 patch release than the lockfile's installs the rehearsed
//    tarballs: npm must give it one lit and one core.
// 4. The READMEs' CDN examples name the version of @council-kit/elements published last (here)
//    and the one that would be published (in the rehearsal).
//
//   node scripts/release-rehearsal.mjs            one line; reports/release-rehearsal.{json,md}
//   node scripts/release-rehearsal.mjs --verbose  also prints the versions, CHANGELOG entries and checks
// Needs git, and the npm registry for the scratch app's lit (nothing else; no npm login).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const verbose = process.argv.includes('--verbose');
const started = Date.now();
const checks = [];
const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), ...(detail ? { detail } : {}) });
const report = []; // Markdown: what would ship

// Run from `npm test` or `npm run`, the environment carries npm's settings for this project
// (npm_config_local_prefix and the like): the nested npm commands must see only their own folder.
const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.has(key.toLowerCase())));
const run = (command, args, cwd) => execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
/** Workspace packages by name: { dir, pkg }. */
function workspace(repo) {
  const found = {};
  for (const parent of ['packages', 'apps']) {
    for (const dir of readdirSync(path.join(repo, parent))) {
      const file = path.join(repo, parent, dir, 'package.json');
      if (existsSync(file)) found[readJson(file).name] = { dir: `${parent}/${dir}`, pkg: readJson(file) };
    }
  }
  return found;
}
// The packages, and the apps that are published (the council API).
const publishable = (packages) => Object.entries(packages).filter(([, { pkg }]) => !pkg.private);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'council-kit-release-'));
const repo = path.join(scratch, 'repo');
const branch = `release-rehearsal-${process.pid}-${Date.now()}`;
let worktreeAdded = false;
const summary = {};

try {
  const before = workspace(root);
  const unbuilt = publishable(before).filter(([, { dir }]) => !existsSync(path.join(root, dir, 'dist')));
  if (unbuilt.length) throw new Error(`not built: ${unbuilt.map(([name]) => name).join(', ')} (run npm run build first)`);

  // The README checked on main: it names the version published last.
  const current = spawnCheck('node', [path.join(root, 'scripts/cdn-version.mjs'), '--check', root], root);
  check(`README CDN examples name the current @council-kit/elements (${before['@council-kit/elements'].pkg.version})`, current.ok, current.output);

  // 1. changeset version, in a worktree of HEAD with this tree's pending changesets.
  run('git', ['worktree', 'add', '--quiet', '-b', branch, repo, 'HEAD'], root);
  worktreeAdded = true;
  const pending = (dir) => readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
  for (const file of pending(path.join(repo, '.changeset'))) rmSync(path.join(repo, '.changeset', file));
  for (const file of pending(path.join(root, '.changeset'))) cpSync(path.join(root, '.changeset', file), path.join(repo, '.changeset', file));
  const changesets = pending(path.join(repo, '.changeset')).length;
  // changesets resolves its changelog writer from the repository: lend it this tree's packages.
  symlinkSync(path.join(root, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  run('node', [path.join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], repo);
  run('node', [path.join(root, 'scripts/cdn-version.mjs'), repo], repo);
  rmSync(path.join(repo, 'node_modules'));
  // release:version's last step: the lockfile takes the new versions (from the lockfile and the
  // workspace alone; nothing is fetched or installed).
  run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], repo);

  const after = workspace(repo);
  check(`changeset version consumed ${changesets} changesets`, pending(path.join(repo, '.changeset')).length === 0);
  const releases = publishable(after).map(([name, { dir, pkg }]) => ({ name, dir, from: before[name].pkg.version, to: pkg.version }));
  const bumped = releases.filter((r) => r.from !== r.to);
  summary.releases = releases;
  report.push(`# Release rehearsal\n\n${changesets} pending changesets.\n\n| package | published | would publish |\n| --- | --- | --- |`);
  for (const r of releases) report.push(`| ${r.name} | ${r.from} | ${r.to} |`);

  for (const r of bumped) {
    const changelog = path.join(repo, r.dir, 'CHANGELOG.md');
    const text = existsSync(changelog) ? readFileSync(changelog, 'utf8') : '';
    const entry = text.split(/^## /m)[1];
    check(`${r.name}: CHANGELOG.md starts with ${r.to}`, entry?.startsWith(`${r.to}\n`));
    report.push(`\n## ${r.name} ${r.to}\n\n${(entry ?? '(no CHANGELOG entry)\n').replace(/^[^\n]*\n/, '').replace(/^###/gm, '####').trim()}`);
  }

  // Internal dependencies: carets of the new versions (changesets rewrites them on release), in
  // every workspace package, the private apps included (else npm would look for them online).
  const wrongRanges = Object.entries(after).flatMap(([name, { pkg }]) =>
    Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })
      .filter(([dep, range]) => after[dep] && range !== `^${after[dep].pkg.version}`)
      .map(([dep, range]) => `${name} → ${dep}@${range}`),
  );
  check('internal dependencies are caret ranges of the new versions', wrongRanges.length === 0, wrongRanges.join(', '));
  const lock = readJson(path.join(repo, 'package-lock.json')).packages;
  const staleLock = releases.filter((r) => lock[r.dir]?.version !== r.to).map((r) => r.name);
  const lockedLits = Object.keys(lock).filter((key) => key === 'node_modules/lit' || key.endsWith('/node_modules/lit'));
  check('the lockfile takes the new versions and keeps one lit', staleLock.length === 0 && lockedLits.length === 1, [...staleLock, ...lockedLits].join(', '));

  // 4. (on the rehearsed tree) the CDN examples name the version that would be published.
  const elementsVersion = after['@council-kit/elements'].pkg.version;
  const rehearsed = spawnCheck('node', [path.join(root, 'scripts/cdn-version.mjs'), '--check', repo], repo);
  check(`README CDN examples name @council-kit/elements@${elementsVersion} after release:version`, rehearsed.ok, rehearsed.output);
  summary.elements = elementsVersion;

  // 2. npm publish --dry-run of each package, with this tree's build.
  const tarballs = path.join(scratch, 'tarballs');
  mkdirSync(tarballs);
  const packed = {};
  for (const r of releases) {
    const { pkg } = after[r.name];
    for (const output of ['dist', 'cdn', pkg.customElements, 'vscode.html-custom-data.json', 'web-types.json'].filter(Boolean)) {
      const from = path.join(root, r.dir, output);
      if (existsSync(from)) cpSync(from, path.join(repo, r.dir, output), { recursive: true });
    }
    try {
      const out = JSON.parse(run('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], path.join(repo, r.dir)));
      const result = out[r.name] ?? out;
      const files = (result.files ?? []).map((f) => f.path);
      const missing = ['package.json', 'README.md', 'LICENSE', ...(r.from !== r.to ? ['CHANGELOG.md'] : [])].filter((f) => !files.includes(f));
      check(`${r.name}@${r.to}: npm publish --dry-run`, result.id === `${r.name}@${r.to}` && missing.length === 0, missing.length ? `missing ${missing.join(', ')}` : result.id);
      report.push(`\n${r.name}@${r.to}: ${files.length} files, ${(result.size / 1024).toFixed(1)} kB packed`);
    } catch (error) {
      check(`${r.name}@${r.to}: npm publish --dry-run`, false, String(error.stderr ?? error.message).trim().split('\n').slice(-3).join(' '));
    }
    const [tarball] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballs], path.join(repo, r.dir)));
    packed[r.name] = path.join(tarballs, tarball.filename);
  }

  // 3. A council's app already on another lit 3 release installs the rehearsed tarballs.
  const lockedLit = readJson(path.join(root, 'package-lock.json')).packages['node_modules/lit'].version;
  const [major, minor, patch] = lockedLit.split('.').map(Number);
  const appLit = patch > 0 ? `${major}.${minor}.${patch - 1}` : `${major}.${minor - 1}.0`;
  const app = path.join(scratch, 'app');
  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'a-council-site', private: true, dependencies: { lit: appLit, ...Object.fromEntries(Object.entries(packed).map(([name, file]) => [name, `file:${file}`])) } }, null, 2),
  );
  run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], app);
  const tree = JSON.parse(run('npm', ['ls', '--all', '--json'], app));
  const versionsOf = (wanted) => {
    const seen = new Set();
    const walk = (deps = {}) => {
      for (const [name, node] of Object.entries(deps)) {
        if (name === wanted && node.version) seen.add(node.version);
        walk(node.dependencies);
      }
    };
    walk(tree.dependencies);
    return [...seen];
  };
  const lits = versionsOf('lit');
  const cores = versionsOf('@council-kit/core');
  check(`an app on lit ${appLit} gets one lit (npm dedupes)`, lits.length === 1 && lits[0] === appLit, `lit ${lits.join(', ')}`);
  check('an app gets one @council-kit/core', cores.length === 1, `core ${cores.join(', ')}`);
  summary.lit = lits.join(', ');
} catch (error) {
  check('release rehearsal ran', false, String(error.stderr || error.message).trim().split('\n').slice(-5).join(' '));
} finally {
  if (worktreeAdded) {
    try {
      run('git', ['worktree', 'remove', '--force', repo], root);
      run('git', ['branch', '-D', branch], root);
    } catch (error) {
      check('scratch worktree removed', false, String(error.stderr || error.message).trim());
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}

/** Runs a command that may fail; its output either way. */
function spawnCheck(command, args, cwd) {
  try {
    return { ok: true, output: run(command, args, cwd).trim() };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() };
  }
}

mkdirSync(path.join(root, 'reports'), { recursive: true });
writeFileSync(path.join(root, 'reports/release-rehearsal.json'), JSON.stringify({ checks, ...summary }, null, 2));
writeFileSync(path.join(root, 'reports/release-rehearsal.md'), `${report.join('\n')}\n`);

const failed = checks.filter((c) => !c.ok);
const seconds = Math.round((Date.now() - started) / 1000);
if (verbose) {
  console.log(report.join('\n'));
  console.log('');
  for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
}
if (failed.length) {
  console.log(`Release rehearsal FAILED (${failed.length} of ${checks.length} checks, ${seconds} s): ${failed.map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ''}`).join('; ')}`);
} else {
  const moves = (summary.releases ?? []).filter((r) => r.from !== r.to).map((r) => `${r.name.replace('@council-kit/', '')} ${r.from}→${r.to}`);
  console.log(
    `Release rehearsal ok (${checks.length} checks, ${seconds} s): would publish ${moves.join(', ') || 'nothing new'}; npm publish --dry-run ok; one lit (${summary.lit}) in an app pinning it; CDN examples @${summary.elements}. Details: reports/release-rehearsal.md`,
  );
}
process.exitCode = failed.length ? 1 : 0;
