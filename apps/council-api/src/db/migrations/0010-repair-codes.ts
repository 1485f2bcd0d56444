import type { Kysely } from 'kysely';

/**
 * Managing a repair without its manage link (issue 21):
 *
 * - `repair_codes`: the one-time code sent by Notify to the contact details on a repair, as the
 *   SHA-256 of the reference and the code (never the code), with when it expires (15 minutes by
 *   the app's clock), when it was made (a new code is not sent again within a minute) and how
 *   many tries it has had (5 end it). One a repair: a new code replaces the old.
 * - `repair_manage_tokens`: manage tokens given for a code, as SHA-256 hashes, kept beside the
 *   report's token (`repairs.manage_token_hash`), so the link in the confirmation keeps working.
 *
 * Timestamps are ISO 8601 text, as in every other table; the same statements on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('repair_codes')
    .addColumn('reference', 'text', (col) => col.primaryKey().references('repairs.reference'))
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('repair_manage_tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.notNull().references('repairs.reference'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('repair_manage_tokens_reference_idx').on('repair_manage_tokens').column('reference').execute();
}
