// `npm test`: every check in one run, ending with the one line CI reads:
// "N passed, N failed" (the sum over every runner), and a non-zero exit on any failure.
//
//   node scripts/test.mjs          everything, as if today were COUNCIL_TEST_TODAY (else today)
//   node scripts/test.mjs --fast   the fast suites only (unit, API on SQLite, stories), on a
//                                  build that exists: what `npm run test:dates` runs per date
// With COUNCIL_TEST_DATES=rotate (set by .ci/run), a full run ends with the fast suites again at
// one of scripts/test-dates.mjs's dates, chosen by the day of the year, counted in the same line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { rotationDate } from './test-dates.mjs';
import { testToday } from './test-today.mjs';

const root = new URL('..', import.meta.url).pathname;
const fast = process.argv.includes('--fast');
const results = []; // { name, passed, failed }
console.log(`Testing as if today were ${testToday}${process.env.COUNCIL_TEST_TODAY ? ' (COUNCIL_TEST_TODAY)' : ''}.`);

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

// Each count also names what failed, with the first line of why: CI shows only the end of the
// output, so the summary is where a failure must say which test it was.
const firstLine = (message) => stripVTControlCharacters(String(message ?? '')).trim().split('\n')[0].slice(0, 240);
const vitestFailures = (r) =>
  (r.testResults ?? []).flatMap((file) => [
    ...(file.status === 'failed' && !file.assertionResults?.some((a) => a.status === 'failed') ? [`${file.name}: ${firstLine(file.message)}`] : []),
    ...(file.assertionResults ?? []).filter((a) => a.status === 'failed').map((a) => `${a.fullName}: ${firstLine(a.failureMessages?.[0])}`),
  ]);
const vitestCounts = (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0),
  failures: vitestFailures(r),
});
// A check marked `skipped` (e.g. npm audit when its endpoint is unreachable) counts as neither; the summary lists it.
const checkCounts = (r) => ({
  passed: r.checks.filter((c) => c.ok && !c.skipped).length,
  failed: r.checks.filter((c) => !c.ok && !c.skipped).length,
  skipped: r.checks.filter((c) => c.skipped).map((c) => `${c.name}: ${c.detail ?? 'skipped'}`),
  failures: r.checks.filter((c) => !c.ok && !c.skipped).map((c) => `${c.name}: ${firstLine(c.detail)}`),
});
const playwrightSpecs = (suite, titles = []) => [
  ...(suite.specs ?? []).map((spec) => ({ spec, titles: [...titles, suite.title, spec.title].filter(Boolean) })),
  ...(suite.suites ?? []).flatMap((child) => playwrightSpecs(child, [...titles, suite.title].filter(Boolean))),
];
const playwrightCounts = (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected + (r.errors?.length ?? 0),
  failures: [
    ...(r.suites ?? [])
      .flatMap((suite) => playwrightSpecs(suite))
      .filter(({ spec }) => !spec.ok)
      .map(({ spec, titles }) => `${titles.join(' › ')}: ${firstLine(spec.tests?.flatMap((t) => t.results ?? []).at(-1)?.error?.message)}`),
    ...(r.errors ?? []).map((error) => firstLine(error.message)),
  ],
});

// A fast pass leaves the full run's end-to-end, size and release reports alone.
for (const parent of ['packages', 'apps']) {
  for (const dir of readdirSync(`${root}/${parent}`)) {
    if (!(fast && dir === 'example-site')) rmSync(`${root}/${parent}/${dir}/reports`, { recursive: true, force: true });
  }
}
if (!fast) rmSync(`${root}/reports`, { recursive: true, force: true });

const turbo = ['turbo', '--no-update-notifier'];
// `./packages/*` is a folder glob; a bare `packages/*` names no package, and the dated pass
// used to run no package's unit tests at all.
const browserPackages = ['./packages/*', '@council-kit/framework-tests', '@council-kit/storybook'].map((name) => `--filter=${name}`);

if (fast) {
  // Unit and story tests in the browser, then the council API on SQLite only.
  const unitOk = run('unit and story tests (stories in Welsh only)', 'npx', [...turbo, 'run', 'test', '--continue', '--concurrency=1', '--output-logs=errors-only', ...browserPackages], {
    COUNCIL_STORY_LOCALE: 'cy',
  });
  collect('vitest', [...reports('packages', 'vitest.json'), ...reports('apps', 'vitest.json').filter((f) => !f.includes('council-api'))], vitestCounts, unitOk);
  const apiOk = run('council API tests on SQLite', 'npm', ['exec', '--workspace', '@council-kit/council-api', '--', 'vitest', 'run']);
  collect('vitest', reports('apps', 'vitest.json').filter((f) => f.includes('council-api')), vitestCounts, apiOk);
} else {
  check('lint', 'npx', [...turbo, 'run', 'lint', '--continue', '--output-logs=errors-only']);
  // The repository's own scripts (bench, size, release, this one) belong to no workspace.
  check('lint scripts', 'npx', ['eslint', 'scripts', 'eslint.config.js']);
  const built = check('build', 'npx', [...turbo, 'run', 'build', '--output-logs=errors-only']);
  check('typecheck', 'npx', [...turbo, 'run', 'typecheck', '--continue', '--output-logs=errors-only']);

  if (built) {
    // Browser-based runners share two cores: one package at a time keeps timings honest.
    const unitOk = run('unit, API and story tests', 'npx', [...turbo, 'run', 'test', '--continue', '--concurrency=1']);
    collect('vitest', [...reports('packages', 'vitest.json'), ...reports('apps', 'vitest.json'), ...reports('apps', 'vitest-postgres.json')], vitestCounts, unitOk);
    const e2eOk = run('end-to-end', 'npm', ['run', 'e2e', '--workspace', '@council-kit/example-site'], { CI: process.env.CI ?? '' });
    collect('playwright', reports('apps', 'playwright.json'), playwrightCounts, e2eOk);
    const enginesOk = run('journeys in Chromium, Firefox and WebKit', 'npm', ['run', 'engines', '--workspace', '@council-kit/example-site']);
    collect('engines', reports('apps', 'engines.json'), vitestCounts, enginesOk);
    const sizeOk = run('size budgets', 'node', ['scripts/size-check.mjs']);
    collect('size', existsSync(`${root}/reports/size.json`) ? ['reports/size.json'] : [], checkCounts, sizeOk);
    const packOk = run('release dry run', 'node', ['scripts/pack-check.mjs']);
    collect('pack', existsSync(`${root}/reports/pack.json`) ? ['reports/pack.json'] : [], checkCounts, packOk);
    // changeset version in a scratch worktree, npm publish --dry-run, one lit in a council's app,
    // the READMEs' CDN version: one check (details in reports/release-rehearsal.md).
    check('release rehearsal', 'node', ['scripts/release-rehearsal.mjs']);
  } else {
    results.push({ name: 'tests (not run: the build failed)', passed: 0, failed: 1 });
  }
  // Needs no build: npm audit and the licences of what the published packages install.
  const supplyOk = run('supply chain', 'node', ['scripts/supply-chain.mjs']);
  collect('supply chain', existsSync(`${root}/reports/supply-chain.json`) ? ['reports/supply-chain.json'] : [], checkCounts, supplyOk);

  // The fast suites once more on another day (a bank holiday, a clock change, a leap day), so
  // a test that holds on one date only is caught within three days of CI runs.
  if (process.env.COUNCIL_TEST_DATES === 'rotate' && built) {
    const date = rotationDate();
    const { status, stdout } = spawnSync('node', ['scripts/test.mjs', '--fast'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: { ...process.env, COUNCIL_TEST_TODAY: date, COUNCIL_TEST_DATES: '' },
      maxBuffer: 256 * 1024 * 1024,
    });
    process.stdout.write(stdout.replace(/^(\d+ passed, \d+ failed)$/m, '(dated pass) $1'));
    const counts = /^(\d+) passed, (\d+) failed$/m.exec(stdout);
    results.push({ name: `fast suites as if today were ${date}`, passed: Number(counts?.[1] ?? 0), failed: counts ? Number(counts[2]) : 1 });
    if (status !== 0 && !(Number(counts?.[2]) > 0)) results.push({ name: `fast suites on ${date} (runner failed)`, passed: 0, failed: 1 });
  }
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSummary');
for (const r of results) {
  console.log(`  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped?.length ? `, ${r.skipped.length} skipped` : ''}`);
  for (const skipped of r.skipped ?? []) console.log(`      – skipped: ${skipped}`);
  for (const failure of (r.failures ?? []).slice(0, 10)) console.log(`      ✗ ${failure}`);
  if (r.failures?.length > 10) console.log(`      … and ${r.failures.length - 10} more`);
}
if (!fast && !existsSync(`${root}/apps/example-site/reports/playwright.json`)) console.log('  (no end-to-end report)');
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
