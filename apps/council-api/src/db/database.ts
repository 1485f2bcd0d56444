import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

export type CouncilDb = Kysely<Database>;

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

/**
 * Opens the database named by `url`: a SQLite file path (optionally `file:` or `sqlite:`
 * prefixed, relative paths against the cwd) or `:memory:`. The file's directory is created.
 */
export function createDatabase(url: string): CouncilDb {
  if (/^postgres(ql)?:/i.test(url)) {
    throw new DatabaseConfigError(
      'PostgreSQL support is not built yet: DATABASE_URL must name a SQLite file for now (or be unset for the default).',
    );
  }
  const filename = sqliteFilename(url);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** The file path a SQLite `DATABASE_URL` points at. */
export function sqliteFilename(url: string): string {
  if (url === ':memory:') return url;
  if (url.startsWith('file://')) return fileURLToPath(url);
  const path = url.replace(/^(file|sqlite):(\/\/)?/i, '');
  if (!path) throw new DatabaseConfigError('DATABASE_URL is empty.');
  return resolve(path);
}
