// `npm run test:dates`: the fast suites (unit, council API on SQLite, stories) as if today were
// each of three awkward days, so a test that holds on one date only fails here, not in a
// council's January. Needs a build (`npx turbo run build`). `.ci/run` runs one of the three
// each time (`COUNCIL_TEST_DATES=rotate npm test`), rotating by the day of the year.
//
//   npm run test:dates                  all three
//   npm run test:dates -- 2027-01-01    the days given
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** A bank holiday Monday, the Sunday the clocks go back, and a leap day. */
export const awkwardDays = ['2027-05-31', '2026-10-25', '2028-02-29'];

/** The awkward day for `now`'s day of the year (UTC): each comes round every three days. */
export function rotationDate(now = new Date()) {
  const dayOfYear = Math.floor((now.getTime() - Date.UTC(now.getUTCFullYear(), 0, 1)) / 86_400_000);
  return awkwardDays[dayOfYear % awkwardDays.length];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const given = process.argv.slice(2).filter((arg) => /^\d{4}-\d{2}-\d{2}$/.test(arg));
  const days = given.length ? given : awkwardDays;
  const root = new URL('..', import.meta.url).pathname;
  let passed = 0;
  let failed = 0;
  const lines = [];
  for (const day of days) {
    console.log(`\n══ the fast suites as if today were ${day}`);
    const { stdout } = spawnSync('node', ['scripts/test.mjs', '--fast'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: { ...process.env, COUNCIL_TEST_TODAY: day, COUNCIL_TEST_DATES: '' },
      maxBuffer: 256 * 1024 * 1024,
    });
    process.stdout.write(stdout.replace(/^(\d+ passed, \d+ failed)$/m, `(${day}) $1`));
    const counts = /^(\d+) passed, (\d+) failed$/m.exec(stdout);
    const [p, f] = counts ? [Number(counts[1]), Number(counts[2])] : [0, 1];
    passed += p;
    failed += f;
    lines.push(`  ${f ? '✗' : '✓'} ${day}: ${p} passed, ${f} failed`);
  }
  console.log(`\nSummary\n${lines.join('\n')}\n\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
