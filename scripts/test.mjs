// `npm test`: every check in one run, ending with the one line CI reads:
// "N passed, N failed" (the sum over every runner), and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const results = []; // { name, passed, failed }

function run(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`━━ ${name} ${status === 0 ? 'ok' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  return status === 0;
}

/** A step that is one check (lint, typecheck): counts as one passed or one failed. */
function check(name, command, args) {
  const ok = run(name, command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

/** Node 20 has no fs.glob: `reports('apps', 'vitest.json')` lists apps/<each>/reports/vitest.json. */
function reports(parent, file) {
  return readdirSync(`${root}/${parent}`)
    .map((dir) => `${parent}/${dir}/reports/${file}`)
    .filter((path) => existsSync(`${root}/${path}`));
}

/** Reads a runner's JSON report; a runner that failed without one counts as one failure. */
function collect(name, files, read, exitOk) {
  for (const file of files) {
    try {
      const counts = read(JSON.parse(readFileSync(`${root}/${file}`, 'utf8')));
      results.push({ name: `${name} (${file})`, ...counts });
    } catch {
      results.push({ name: `${name} (${file}: unreadable report)`, passed: 0, failed: 1 });
    }
  }
  if (!exitOk && !results.some((r) => r.name.startsWith(name) && r.failed > 0)) {
    results.push({ name: `${name} (runner failed)`, passed: 0, failed: 1 });
  }
}

const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0) });
// A check marked `skipped` (e.g. npm audit when its endpoint is unreachable) counts as neither; the summary lists it.
const checkCounts = (r) => ({
  passed: r.checks.filter((c) => c.ok && !c.skipped).length,
  failed: r.checks.filter((c) => !c.ok && !c.skipped).length,
  skipped: r.checks.filter((c) => c.skipped).map((c) => `${c.name}: ${c.detail ?? 'skipped'}`),
});
const playwrightCounts = (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0) });

for (const parent of ['packages', 'apps']) {
  for (const dir of readdirSync(`${root}/${parent}`)) rmSync(`${root}/${parent}/${dir}/reports`, { recursive: true, force: true });
}
rmSync(`${root}/reports`, { recursive: true, force: true });

const turbo = ['turbo', '--no-update-notifier'];
check('lint', 'npx', [...turbo, 'run', 'lint', '--continue', '--output-logs=errors-only']);
const built = check('build', 'npx', [...turbo, 'run', 'build', '--output-logs=errors-only']);
check('typecheck', 'npx', [...turbo, 'run', 'typecheck', '--continue', '--output-logs=errors-only']);

if (built) {
  // Browser-based runners share two cores: one package at a time keeps timings honest.
  const unitOk = run('unit, API and story tests', 'npx', [...turbo, 'run', 'test', '--continue', '--concurrency=1']);
  collect('vitest', [...reports('packages', 'vitest.json'), ...reports('apps', 'vitest.json'), ...reports('apps', 'vitest-postgres.json')], vitestCounts, unitOk);
  const e2eOk = run('end-to-end', 'npm', ['run', 'e2e', '--workspace', '@council-kit/example-site'], { CI: process.env.CI ?? '' });
  collect('playwright', reports('apps', 'playwright.json'), playwrightCounts, e2eOk);
  const sizeOk = run('size budgets', 'node', ['scripts/size-check.mjs']);
  collect('size', existsSync(`${root}/reports/size.json`) ? ['reports/size.json'] : [], checkCounts, sizeOk);
  const packOk = run('release dry run', 'node', ['scripts/pack-check.mjs']);
  collect('pack', existsSync(`${root}/reports/pack.json`) ? ['reports/pack.json'] : [], checkCounts, packOk);
}
// Needs no build: npm audit and the licences of what the published packages install.
const supplyOk = run('supply chain', 'node', ['scripts/supply-chain.mjs']);
collect('supply chain', existsSync(`${root}/reports/supply-chain.json`) ? ['reports/supply-chain.json'] : [], checkCounts, supplyOk);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSummary');
for (const r of results) {
  console.log(`  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped?.length ? `, ${r.skipped.length} skipped` : ''}`);
  for (const skipped of r.skipped ?? []) console.log(`      – skipped: ${skipped}`);
}
if (!existsSync(`${root}/apps/example-site/reports/playwright.json`)) console.log('  (no end-to-end report)');
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || !built ? 1 : 0;
