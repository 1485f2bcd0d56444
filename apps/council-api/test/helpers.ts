import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartServerOptions } from '../src/server.js';

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'council-api-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Options every test server shares: ephemeral port, loopback, silent, no environment leaking in. */
export function testOptions(databaseUrl: string, overrides: StartServerOptions = {}): StartServerOptions {
  return { env: {}, port: 0, host: '127.0.0.1', databaseUrl, logLevel: 'silent', ...overrides };
}

export interface TestServer extends RunningServer {
  databaseFile: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Closes the server and removes its temporary database. */
  stop(): Promise<void>;
}

/** A real server on an ephemeral port over a real SQLite file in a temporary directory. */
export async function startTestServer(overrides: StartServerOptions = {}): Promise<TestServer> {
  const { dir, cleanup } = tempDir();
  const databaseFile = join(dir, 'council.sqlite');
  try {
    const server = await startServer(testOptions(databaseFile, overrides));
    return {
      ...server,
      databaseFile,
      get: (path, init) => fetch(new URL(path, server.url), init),
      stop: async () => {
        await server.close();
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** A clock a test can move between requests. */
export interface MovableClock {
  today(): string;
  set(date: string): void;
}

export function movableClock(start: string): MovableClock {
  let date = start;
  return { today: () => date, set: (next) => (date = next) };
}

/** POSTs JSON (or a raw string body) to the server. */
export function postJson(
  server: { url: string },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
