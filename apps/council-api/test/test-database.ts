import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty, wasteSeedDates } from '../src/seed.js';
import { TODAY } from './dates.js';

/**
 * Where the tests' databases come from. Unset: a SQLite file in a fresh temporary directory.
 * `COUNCIL_TEST_POSTGRES_URL` (set by `npm test` when it runs the suite a second time, against a
 * throwaway PostgreSQL): a fresh database copied from a per-run template, migrated and seeded
 * once, so each test server starts in milliseconds instead of re-seeding.
 *
 * The seed depends on the day it is written on (bank holiday changes and garden subscriptions
 * are relative to it: `wasteSeedDates`), so there is a template per seed: the global setup builds
 * the one for the suite's day, and a test whose server runs on a day of its own (a calendar rule
 * on a named date) gets one built the first time any worker asks for it.
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

/** The template database holding the seed written on `today`, named after the seed's dates. */
export function templateName(prefix: string, today: string): string {
  const { holidaysFrom, holidaysTo, activeUntil, expiredOn } = wasteSeedDates(today);
  return [prefix, holidaysFrom, holidaysTo, activeUntil.replaceAll('-', ''), expiredOn.replaceAll('-', '')].join('_');
}

/**
 * Makes sure the template `name` exists, migrated and seeded on `today`: the first caller in
 * the run builds it, holding a PostgreSQL advisory lock on its name so that a second worker
 * asking at the same time waits for it instead of building it too.
 */
export async function buildTemplate(name: string, today: string): Promise<string> {
  await onServer(async (db) => {
    await sql`select pg_advisory_lock(hashtext(${name}))`.execute(db);
    try {
      const exists = await sql`select 1 from pg_database where datname = ${name}`.execute(db);
      if (exists.rows.length) return;
      await sql.raw(`create database ${name}`).execute(db);
      const template = createDatabase(withDatabaseName(postgresUrl!, name));
      try {
        await migrateToLatest(template);
        await seedIfEmpty(template, { today });
      } catch (error) {
        await template.destroy();
        await sql.raw(`drop database if exists ${name} with (force)`).execute(db);
        throw error;
      }
      await template.destroy();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(db);
    }
  });
  return name;
}

const templates = new Map<string, Promise<string>>();

/** This run's template for a seed written on `today` (built on first use). */
function templateFor(today: string): Promise<string> {
  const name = templateName(inject('postgresTemplate'), today);
  let template = templates.get(name);
  if (!template) templates.set(name, (template = buildTemplate(name, today)));
  return template;
}

export interface TestDatabaseOptions {
  /** Copy a migrated, seeded template (PostgreSQL; default true). Otherwise the database is empty. */
  fromTemplate?: boolean;
  /** The day its seed is written on: the clock's today of the server that will use it (default the suite's day). */
  today?: string;
}

/**
 * A fresh, empty-of-visitors database: on PostgreSQL migrated and seeded as of `today`, on SQLite
 * a new file (the server migrates and seeds it on start, by its own clock).
 */
export async function testDatabase({ fromTemplate = true, today = TODAY }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (!postgresUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'council-api-test-'));
    return { url: join(dir, 'council.sqlite'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `council_test_${randomBytes(6).toString('hex')}`;
  const template = fromTemplate ? await templateFor(today) : undefined;
  await onServer((db) => sql.raw(`create database ${name}${template ? ` template ${template}` : ''}`).execute(db));
  return {
    url: withDatabaseName(postgresUrl, name),
    cleanup: () => onServer(async (db) => void (await sql.raw(`drop database if exists ${name} with (force)`).execute(db))),
  };
}
