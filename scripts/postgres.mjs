// A throwaway PostgreSQL for tests and benchmarks: Debian's server binaries, a fresh cluster in
// a temporary directory, listening on a loopback port only, run as an unprivileged user (the
// server refuses to run as root), trust authentication (nothing but this machine can reach it),
// and durability switched off because the data is thrown away. `stop()` removes every trace.
//
// CLI: `node scripts/postgres.mjs` starts one, prints its DATABASE_URL and runs until Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The directory holding `initdb` and `pg_ctl`: `PG_BIN`, else Debian's newest installed major. */
export function postgresBinDir() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((major) => existsSync(join(root, major, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? join(root, majors[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** uid/gid of the unprivileged account the server runs as when we are root. */
function unprivileged() {
  const exists = (name) => spawnSync('id', ['-u', name]).status === 0;
  // Debian's package creates `postgres`; any unprivileged account will do without it.
  const user = process.env.PG_USER ?? (exists('postgres') ? 'postgres' : 'nobody');
  const id = (flag) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { user, uid: id('-u'), gid: id('-g') };
}

/**
 * Starts a fresh cluster. Resolves to `{ url, stop }`, where `url` is a `postgres://` URL of the
 * `postgres` database for the superuser `council`. Throws when PostgreSQL is not installed.
 */
export async function startPostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (install Debian\'s "postgresql" package, or set PG_BIN).');
  const dir = mkdtempSync(join(tmpdir(), 'council-kit-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const account = asRoot ? unprivileged() : undefined;
  if (account) chownSync(dir, account.uid, account.gid);
  const run = (command, args) => {
    const [file, argv] = account ? ['runuser', ['-u', account.user, '--', join(bin, command), ...args]] : [join(bin, command), args];
    const result = spawnSync(file, argv, { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };

  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'council', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    const options = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-k ${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // pg_ctl itself was interrupted: stop the server directly (SIGQUIT is an immediate stop).
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid) process.kill(pid, 'SIGQUIT');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://council@127.0.0.1:${port}/postgres`, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Handlers first: a signal that arrives while the cluster starts still removes it.
  let server;
  let quitting = false;
  const quit = () => {
    quitting = true;
    server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  server = await startPostgres();
  if (quitting) quit();
  console.log(`PostgreSQL is running (Ctrl-C stops it and deletes its data):\n  DATABASE_URL=${server.url}`);
  setInterval(() => {}, 1 << 30);
}
