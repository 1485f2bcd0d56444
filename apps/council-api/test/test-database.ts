import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * Where the tests' databases come from. Unset: a SQLite file in a fresh temporary directory.
 * `COUNCIL_TEST_POSTGRES_URL` (set by `npm test` when it runs the suite a second time, against a
 * throwaway PostgreSQL): a fresh database copied from a per-run template, which the global setup
 * migrated and seeded once, so each test server starts in milliseconds instead of re-seeding.
 */
export const postgresUrl = process.env.COUNCIL_TEST_POSTGRES_URL;
export const onPostgres = postgresUrl !== undefined;

export interface TestDatabase {
  url: string;
  /** Deletes the database (its server must be closed first). */
  cleanup(): Promise<void>;
}

/** `url` with its database name swapped. */
export function withDatabaseName(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

/** Runs statements on the PostgreSQL server's maintenance database. */
export async function onServer<T>(work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: postgresUrl, max: 1 }) }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** A fresh, empty-of-visitors database: migrated and seeded on PostgreSQL, a new file on SQLite. */
export async function testDatabase({ fromTemplate = true }: { fromTemplate?: boolean } = {}): Promise<TestDatabase> {
  if (!postgresUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'council-api-test-'));
    return { url: join(dir, 'council.sqlite'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `council_test_${randomBytes(6).toString('hex')}`;
  await onServer((db) => sql.raw(`create database ${name}${fromTemplate ? ` template ${inject('postgresTemplate')}` : ''}`).execute(db));
  return {
    url: withDatabaseName(postgresUrl, name),
    cleanup: () => onServer(async (db) => void (await sql.raw(`drop database if exists ${name} with (force)`).execute(db))),
  };
}
