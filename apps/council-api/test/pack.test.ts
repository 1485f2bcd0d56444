import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TODAY } from './dates.js';
import { onPostgres } from './test-database.js';

// What a council does with the published package: `npm install ./council-kit-council-api-*.tgz`
// in an empty folder, then `npx council-api migrate`, `seed --demo` and `serve` on SQLite. The
// package's build (dist/, as `npm test` and the release dry run build it first; instances.test.ts
// needs it too) is packed from a scratch copy as npm publish would, and installed from npm's cache
// (filled by `npm ci`) with better-sqlite3's prebuilt addon (npm_config_better_sqlite3_local_prebuilds,
// as .ci/run sets it). Run once, in the SQLite pass: the tarball is the same whatever database
// the suite is on. About 20 s alone; installing takes three times that when the suite's other
// files load the machine, hence its own two minutes (it cannot hang: every step is killed on time).

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'council-api-pack-'));
/** Process groups still running, killed whatever happens. */
const running = new Set<number>();

/** Signals a process group; false when it is gone. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const pid of running) signalGroup(pid, 'SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * The environment of a council's shell: this run's npm settings (npm_config_local_prefix, the
 * workspace…) removed so the nested npm sees only its own folder; npm's cache, registry and the
 * prebuilt addon's folder kept; no COUNCIL_DEMO (the demo must come from `seed --demo`).
 */
function councilEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_better_sqlite3_local_prebuilds']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.has(key.toLowerCase())));
  delete env.COUNCIL_DEMO;
  const prebuilds = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'council-kit', 'prebuilds');
  if (!env.npm_config_better_sqlite3_local_prebuilds && existsSync(prebuilds)) env.npm_config_better_sqlite3_local_prebuilds = prebuilds;
  return { ...env, ...extra };
}

interface Run {
  code: number | null;
  output: string;
}

/**
 * Runs a command in its own process group, resolving with its exit code and output; past
 * `timeoutMs` the whole group is killed (and the run fails), so nothing here can hang.
 * `until`, when given, resolves as soon as the output matches it, leaving the command running.
 */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number, until?: RegExp): Promise<Run & { pid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid!;
    running.add(pid);
    let output = '';
    const timer = setTimeout(() => {
      signalGroup(pid, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took over ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) {
        clearTimeout(timer);
        resolve({ code: null, output, pid });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', reject);
    child.once('exit', (code) => {
      running.delete(pid);
      clearTimeout(timer);
      resolve({ code, output, pid });
    });
  });
}

/** Stops a command started with `until` (SIGTERM to its group), and waits for it. */
function stop(pid: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Polls for the group to be gone (the state waited for), killing it if SIGTERM is not enough.
    const poll = setInterval(() => {
      if (signalGroup(pid, 0)) return;
      clearInterval(poll);
      clearTimeout(force);
      running.delete(pid);
      resolve();
    }, 50);
    const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), timeoutMs);
    signalGroup(pid, 'SIGTERM');
  });
}

describe.skipIf(onPostgres)('the packed @council-kit/council-api', () => {
  it('installs into an empty folder from its tarball, migrates, seeds the demo and serves on SQLite', { timeout: 120_000 }, async () => {
    // Pack the build, from a copy (npm pack would otherwise write beside the sources).
    const built = join(packageDir, 'dist');
    if (!existsSync(join(built, 'cli.js'))) throw new Error('dist/cli.js is missing: build the council API first (npx turbo run build).');
    const pkg = join(scratch, 'package');
    mkdirSync(pkg);
    cpSync(built, join(pkg, 'dist'), { recursive: true });
    for (const file of ['package.json', 'README.md', 'LICENSE']) copyFileSync(join(packageDir, file), join(pkg, file));
    const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch, '--loglevel=error'], pkg, councilEnv({}), 20_000);
    expect(packed.code, packed.output).toBe(0);
    const [tarball] = readdirSync(scratch).filter((file) => /^council-kit-council-api-.*\.tgz$/.test(file));
    expect(tarball).toBeDefined();

    // A council's empty folder.
    const app = join(scratch, 'app');
    mkdirSync(app);
    const env = councilEnv({ DATABASE_URL: join(app, 'council.sqlite'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', COUNCIL_TODAY: TODAY });
    const install = await run('npm', ['install', join(scratch, tarball!), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app, env, 45_000);
    expect(install.code, install.output).toBe(0);
    // Nothing of the workspace came along: contracts is bundled, not installed.
    expect(existsSync(join(app, 'node_modules/@council-kit/contracts'))).toBe(false);

    // The installed command itself for the one-off steps (what npx runs once it has found it);
    // npx for serve, as a council would type it. Each npx costs an npm start-up.
    const bin = join(app, 'node_modules/.bin/council-api');
    const migrate = await run(bin, ['migrate'], app, env, 20_000);
    expect(migrate.code, migrate.output).toBe(0);
    expect(migrate.output).toMatch(/Applied 0001-addresses/);
    const seed = await run(bin, ['seed', '--demo'], app, env, 20_000);
    expect(seed.code, seed.output).toBe(0);
    expect(seed.output).toMatch(/Seeded .+ with \d+ addresses/);

    const serve = await run('npx', ['--no', 'council-api', 'serve'], app, env, 20_000, /listening on http:\/\/localhost:(\d+)/);
    try {
      expect(serve.code, serve.output).toBeNull();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(serve.output)![1];
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      const lookup = await fetch(`http://127.0.0.1:${port}/api/v1/addresses?postcode=AN1%201AA`);
      expect(lookup.status).toBe(200);
      const { addresses } = (await lookup.json()) as { addresses: { postcode: string }[] };
      expect(addresses.length).toBeGreaterThan(5);
      expect(addresses.every((address) => address.postcode === 'AN1 1AA')).toBe(true);
      // The OpenAPI document travels in the bundle.
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`)).status).toBe(200);
    } finally {
      await stop(serve.pid, 10_000);
    }
  });
});
