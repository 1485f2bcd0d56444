#!/usr/bin/env node
// `npm start`: builds everything, starts the council API and the Anytown example site, waits
// until both answer, prints their addresses, and stops both on Ctrl-C or SIGTERM.
//
//   node scripts/start.mjs [--no-build]
//   API_PORT (8080) and SITE_PORT (4173) move them; DATABASE_URL etc. pass through to the API.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = Number(process.env.API_PORT ?? 8080);
const sitePort = Number(process.env.SITE_PORT ?? 4173);
const apiUrl = `http://127.0.0.1:${apiPort}`;
const siteUrl = `http://127.0.0.1:${sitePort}`;
const build = !process.argv.includes('--no-build');

/** @type {Map<string, import('node:child_process').ChildProcess>} */
const children = new Map();
let stopping = false;

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

/**
 * Starts a long-running child in its own process group, so a terminal's Ctrl-C reaches only
 * this script, which then stops each child exactly once (a second SIGINT would cut the API's
 * graceful shutdown short).
 */
function start(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit', detached: true });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
    console.error(`\n${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`);
    void stop(1);
  });
  return child;
}

/** Rejects with a clear message when something else already listens on `port`. */
function ensureFree(port, variable) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is already in use (is npm start already running?). Set ${variable} to use another.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Resolves when `url` answers 2xx; rejects when `child` exits first or after `timeoutMs`. */
async function waitFor(name, url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited before it answered at ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000}s`);
}

/** Sends SIGTERM to every child, waits (up to 10s, then SIGKILL) and exits with `code`. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  const waits = [...children.entries()].map(
    ([name, child]) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => {
          console.error(`${name} did not stop in time; killing it.`);
          child.kill('SIGKILL');
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(waits);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (!stopping) console.log(`\nStopping (${signal})…`);
    void stop(0);
  });
}
// Last resort if this script dies some other way: do not leave the servers running.
process.on('exit', () => {
  for (const child of children.values()) child.kill('SIGTERM');
});

try {
  if (build) {
    console.log('Building every package and app (npx turbo run build)…');
    await run('npx', ['turbo', 'run', 'build']);
  }
  const apiMain = path.join(root, 'apps/council-api/dist/main.js');
  const siteServer = path.join(root, 'apps/example-site/server.mjs');
  for (const file of [apiMain, path.join(root, 'apps/example-site/dist/index.html')]) {
    if (!existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run without --no-build.`);
  }

  await ensureFree(apiPort, 'API_PORT');
  await ensureFree(sitePort, 'SITE_PORT');
  // The Anytown demo data (COUNCIL_DEMO): `npm start` is the demo, the example site shows Anytown.
  const api = start('Council API', apiMain, { PORT: String(apiPort), COUNCIL_DEMO: 'anytown' });
  const site = start('Example site', siteServer, { PORT: String(sitePort), API_URL: apiUrl });
  await Promise.all([waitFor('Council API', `${apiUrl}/healthz`, api), waitFor('Example site', `${siteUrl}/`, site)]);

  console.log(`
  Council Kit is running

    Council API    http://localhost:${apiPort}      (health: http://localhost:${apiPort}/healthz)
    Example site   http://localhost:${sitePort}      (try http://localhost:${sitePort}/find-your-address/)

  Press Ctrl-C to stop both.
`);
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
