import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawBuilder } from 'kysely';
import { atLondonTimeOfDay, systemClock, type Clock } from '../src/clock.js';
import { createDatabase, type CouncilDb } from '../src/db/database.js';
import { startServer, type RunningServer, type StartServerOptions } from '../src/server.js';
import { TODAY } from './dates.js';
import { testDatabase } from './test-database.js';

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'council-api-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Options every test server shares: ephemeral port, loopback, silent, no environment leaking in,
 * the Anytown demo data (`COUNCIL_DEMO=anytown`; a test of an empty database passes
 * `councilDemo: undefined`), and the suite's day ({@link TODAY}) unless the test gives a clock
 * or a COUNCIL_TODAY of its own.
 */
export function testOptions(databaseUrl: string, overrides: StartServerOptions = {}): StartServerOptions {
  const ownDay = overrides.clock !== undefined || overrides.councilToday !== undefined || overrides.env?.COUNCIL_TODAY !== undefined;
  return { env: {}, port: 0, host: '127.0.0.1', databaseUrl, logLevel: 'silent', councilDemo: 'anytown', ...(ownDay ? {} : { councilToday: TODAY }), ...overrides };
}

/** The day a server started with these options seeds its database on: its clock's today. */
export function seedDay(options: StartServerOptions): string {
  return options.clock?.today() ?? options.councilToday ?? options.env?.COUNCIL_TODAY ?? TODAY;
}

export interface TestServer extends RunningServer {
  /** The server's database: a SQLite file, or a `postgres://` URL when the suite runs on PostgreSQL. */
  databaseUrl: string;
  /** A second connection to the server's database, for arranging and checking rows directly. */
  db: CouncilDb;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Closes the server and deletes its database. */
  stop(): Promise<void>;
}

/** A real server on an ephemeral port over a fresh database (see test-database.ts). */
export async function startTestServer(overrides: StartServerOptions = {}): Promise<TestServer> {
  const database = await testDatabase({ today: seedDay(overrides) });
  try {
    const server = await startServer(testOptions(database.url, overrides));
    const db = createDatabase(database.url, { poolSize: 2 });
    return {
      ...server,
      databaseUrl: database.url,
      db,
      get: (path, init) => fetch(new URL(path, server.url), init),
      stop: async () => {
        await db.destroy();
        await server.close();
        await database.cleanup();
      },
    };
  } catch (error) {
    await database.cleanup();
    throw error;
  }
}

/** Runs a query on a test server's database and returns its rows. */
export async function rows<T>(server: { db: CouncilDb }, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(server.db)).rows;
}

/** The first row of a query on a test server's database. */
export async function row<T>(server: { db: CouncilDb }, query: RawBuilder<T>): Promise<T> {
  const [first] = await rows(server, query);
  if (first === undefined) throw new Error('The query found no row.');
  return first;
}

/** A clock a test can move between requests. */
export interface MovableClock extends Clock {
  set(date: string): void;
}

/** Starts on `start`; `now()` is its current day at the real time of day (as `fixedClock`'s, but it moves back too when told to). */
export function movableClock(start: string): MovableClock {
  let date = start;
  return { today: () => date, now: () => atLondonTimeOfDay(date, systemClock.now()), set: (next) => (date = next) };
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
