import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type CouncilDb = Kysely<Database>;

/** The two databases the API runs on: SQLite (the default, one instance) and PostgreSQL. */
export type DialectName = 'sqlite' | 'postgres';

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

export interface DatabaseOptions {
  /** Most PostgreSQL connections this process opens (default 10). */
  poolSize?: number;
}

/** True when `url` names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the database named by `url`: `postgres://…` for PostgreSQL, otherwise a SQLite file
 * path (optionally `file:` or `sqlite:` prefixed, relative paths against the cwd) or `:memory:`.
 * A SQLite file's directory is created.
 */
export function createDatabase(url: string, options: DatabaseOptions = {}): CouncilDb {
  if (isPostgresUrl(url)) return createPostgres(url, options);
  const filename = sqliteFilename(url);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * 64-bit integers (`count(*)`) and numerics (`avg()`) arrive from PostgreSQL as strings; the
 * API's figures are far below 2^53, so they are read as numbers, as SQLite gives them. Scoped to
 * this pool, not set globally on the pg module.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function createPostgres(url: string, { poolSize = 10 }: DatabaseOptions): CouncilDb {
  try {
    new URL(url);
  } catch {
    throw new DatabaseConfigError('DATABASE_URL is not a valid postgres:// URL.');
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (failover, restart) must not crash the process;
  // the pool replaces it and /readyz reports the database while it is away.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Which database `db` (or a transaction on it) talks to. */
export function dialectOf(db: { getExecutor(): { readonly adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The file path a SQLite `DATABASE_URL` points at. */
export function sqliteFilename(url: string): string {
  if (url === ':memory:') return url;
  if (url.startsWith('file://')) return fileURLToPath(url);
  const path = url.replace(/^(file|sqlite):(\/\/)?/i, '');
  if (!path) throw new DatabaseConfigError('DATABASE_URL is empty.');
  return resolve(path);
}
