import { sql, type Kysely } from 'kysely';

/**
 * Delivery state for the Notify outbox, so a sender can drain it (see `src/outbox/`):
 *
 * - `status`: `pending` (waiting for its next attempt), `sending` (claimed by one instance until
 *   `claimed_until`, a lease that lets another instance take it over if that one dies), `sent`
 *   (Notify accepted it: `notify_id`, `sent_at`) or `failed` (Notify refused it, or every retry
 *   failed: `last_error`).
 * - `attempts`, `next_attempt_at`: the retries with backoff on Notify's 5xx and network errors.
 * - `lang`: the language of the form the message confirms, so the sender picks a Welsh template.
 *
 * Rows written before this migration with `sent_at` set are `sent`; the others are `pending`.
 * `add column` with a constant default is the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('notify_outbox')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status in ('pending', 'sending', 'sent', 'failed')`))
    .execute();
  await db.schema.alterTable('notify_outbox').addColumn('lang', 'text', (col) => col.notNull().defaultTo('en').check(sql`lang in ('en', 'cy')`)).execute();
  await db.schema.alterTable('notify_outbox').addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('notify_outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('notify_outbox').addColumn('claimed_until', 'text').execute();
  await db.schema.alterTable('notify_outbox').addColumn('notify_id', 'text').execute();
  await db.schema.alterTable('notify_outbox').addColumn('last_error', 'text').execute();
  await sql`update notify_outbox set status = 'sent' where sent_at is not null`.execute(db);
  // The sender's query: what is due, oldest first.
  await db.schema.createIndex('notify_outbox_status_idx').on('notify_outbox').columns(['status', 'next_attempt_at']).execute();
}
