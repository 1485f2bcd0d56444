import type { Kysely } from 'kysely';
import { autoId } from './columns.js';

/**
 * What `council-api import` loads beside addresses and rounds: GOV.UK's bank holidays (every
 * division in the file, so `BANK_HOLIDAY_DIVISION` can be changed without importing again), and
 * a record of each import (kind, source name, rows, when), which `/readyz` can report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bank_holidays')
    .addColumn('division', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('bank_holidays_pk', ['division', 'date'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('kind', 'text', (col) => col.notNull())
    // A file name or a URL's origin and path: never a query string (it may hold a key).
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('imported', 'integer', (col) => col.notNull())
    .addColumn('skipped', 'integer', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('imports_kind_idx').on('imports').columns(['kind', 'imported_at']).execute();
}
