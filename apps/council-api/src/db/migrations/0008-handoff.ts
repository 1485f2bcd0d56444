import type { Kysely } from 'kysely';

/**
 * The back-office outbox: one row per event to deliver to `HANDOFF_WEBHOOK_URL`, written in the
 * same transaction as the submission it describes, so nothing accepted is lost and nothing
 * rolled back is sent. Timestamps are ISO 8601 UTC text (they sort as they compare), as elsewhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handoff_deliveries')
    // UUID, sent as `X-Council-Kit-Event-Id` and as the envelope's `id`: the back office dedupes on it.
    .addColumn('event_id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    // The exact bytes signed and sent (the JSON envelope), so every retry sends the same body.
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    // While `delivering`: when the claim lapses and another worker (or instance) may take it.
    .addColumn('claimed_until', 'text')
    // An HTTP status or a network error's name: never the body, which holds contact details.
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('handoff_deliveries_due_idx').on('handoff_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('handoff_deliveries_reference_idx').on('handoff_deliveries').column('reference').execute();
}
