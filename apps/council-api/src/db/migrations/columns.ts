import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * The few column shapes SQLite and PostgreSQL spell differently. Everything else in the
 * migrations is the same on both, so the two schemas (and the API's answers) stay alike.
 */

/** An auto-numbered integer primary key: `autoincrement` on SQLite, an identity column on PostgreSQL. */
export function autoId(db: Kysely<unknown>): (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialectOf(db) === 'postgres'
    ? (col) => col.primaryKey().generatedByDefaultAsIdentity()
    : (col) => col.primaryKey().autoIncrement();
}

/** Raw bytes (photos): `blob` on SQLite, `bytea` on PostgreSQL. */
export function bytes(db: Kysely<unknown>): 'blob' | 'bytea' {
  return dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
}
