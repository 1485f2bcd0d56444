// `npm test` for the council API: the whole suite on SQLite, then again on PostgreSQL, each
// writing its own report (reports/vitest.json, reports/vitest-postgres.json).
//
// PostgreSQL comes from TEST_POSTGRES_URL (a server you run; each test gets its own database on
// it), else a throwaway one started here from the installed server binaries. Without either,
// a contributor's run says loudly that PostgreSQL was skipped; a CI run fails.
import { spawnSync } from 'node:child_process';
import { postgresBinDir, startPostgres } from '../../../scripts/postgres.mjs';

// COUNCIL_DEMO: the Anytown demo data, for anything a test starts that reads the environment
// (test servers get it from test/helpers.ts whatever the environment says).
const vitest = (env = {}) => spawnSync('npx', ['vitest', 'run'], { stdio: 'inherit', env: { ...process.env, COUNCIL_DEMO: 'anytown', ...env } }).status === 0;

console.log('\n── council API tests on SQLite');
const sqliteOk = vitest();

let url = process.env.TEST_POSTGRES_URL;
let stop;
if (!url && postgresBinDir()) ({ url, stop } = await startPostgres());

let postgresOk;
if (url) {
  console.log('\n── council API tests on PostgreSQL');
  try {
    postgresOk = vitest({ COUNCIL_TEST_POSTGRES_URL: url });
  } finally {
    stop?.();
  }
} else if (process.env.CI) {
  console.error('\n✗ council API tests on PostgreSQL: no PostgreSQL found, and CI must run them (.ci/run installs Debian\'s postgresql).');
  postgresOk = false;
} else {
  console.warn(
    '\n⚠ SKIPPED: council API tests on PostgreSQL. No PostgreSQL server binaries were found.\n' +
      '  Install them (Debian: apt-get install postgresql) or set TEST_POSTGRES_URL=postgres://user@host:port/db.\n',
  );
  postgresOk = true;
}
process.exitCode = sqliteOk && postgresOk ? 0 : 1;
