import type { Kysely } from 'kysely';

/**
 * A repair's manage token, as its SHA-256 hash (hex): the token itself is given to the reporter
 * once and never stored. Null for repairs reported before tokens existed (and the demo ones):
 * those can be found by reference and postcode to see their status, and changed by phone.
 * `alter table … add column` is the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('repairs').addColumn('manage_token_hash', 'text').execute();
}
