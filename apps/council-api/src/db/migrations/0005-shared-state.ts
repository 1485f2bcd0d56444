import type { Kysely } from 'kysely';

/**
 * State several API instances must share: rate-limit counters (used on PostgreSQL; a single
 * SQLite instance counts in memory), and an index to purge old idempotency keys by age.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('client', 'text', (col) => col.primaryKey())
    // Epoch milliseconds the client's current window started at (its first request in it).
    .addColumn('window_start', 'bigint', (col) => col.notNull())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_window_idx').on('rate_limit_hits').column('window_start').execute();
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();
}
