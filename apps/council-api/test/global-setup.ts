import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/db/seed.js';
import { onPostgres, onServer, postgresUrl, withDatabaseName } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, seeded database each PostgreSQL test database is copied from. */
    postgresTemplate: string;
  }
}

/**
 * On PostgreSQL: builds this run's template (named per run, so two runs on one server never
 * meet), and drops it at the end. On SQLite there is nothing to share.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!onPostgres || !postgresUrl) return;
  const template = `council_template_${randomBytes(4).toString('hex')}`;
  console.log(`Council API tests on PostgreSQL (${new URL(postgresUrl).host}), template ${template}`);
  await onServer((db) => sql.raw(`create database ${template}`).execute(db));
  const db = createDatabase(withDatabaseName(postgresUrl, template));
  try {
    await migrateToLatest(db);
    await seedIfEmpty(db);
  } finally {
    await db.destroy();
  }
  project.provide('postgresTemplate', template);
  return async () => {
    await onServer((db) => sql.raw(`drop database if exists ${template} with (force)`).execute(db));
  };
}
