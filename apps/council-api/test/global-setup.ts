import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { TODAY } from './dates.js';
import { buildTemplate, onPostgres, onServer, postgresUrl, templateName } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The start of this run's template databases' names: each PostgreSQL test database is copied
     * from the template seeded on its server's day (see `templateName` in test-database.ts).
     */
    postgresTemplate: string;
  }
}

/**
 * On PostgreSQL: builds this run's template for the suite's day (the one most tests copy; named
 * per run, so two runs on one server never meet), and drops every template of the run at the
 * end. On SQLite there is nothing to share.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!onPostgres || !postgresUrl) return;
  const prefix = `council_template_${randomBytes(4).toString('hex')}`;
  console.log(`Council API tests on PostgreSQL (${new URL(postgresUrl).host}), templates ${prefix}_*, today ${TODAY}`);
  project.provide('postgresTemplate', prefix);
  const dropAll = () =>
    onServer(async (db) => {
      const { rows } = await sql<{ datname: string }>`select datname from pg_database where datname like ${`${prefix}_%`}`.execute(db);
      for (const { datname } of rows) await sql.raw(`drop database if exists ${datname} with (force)`).execute(db);
    });
  try {
    await buildTemplate(templateName(prefix, TODAY), TODAY);
  } catch (error) {
    await dropAll();
    throw error;
  }
  return dropAll;
}
