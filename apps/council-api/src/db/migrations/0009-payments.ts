import { sql, type Kysely } from 'kysely';

/**
 * GOV.UK Pay payments for charged container requests: one row per attempt (a resident whose
 * payment failed or was cancelled tries again with a fresh payment). `attempt` is unique per
 * request, so two requests racing to start a payment for the same request cannot both do so
 * (never two live payments, never a double charge). Timestamps come from the app's clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('reference', 'text', (col) => col.notNull().references('submission_references.reference'))
    .addColumn('attempt', 'integer', (col) => col.notNull())
    // Null until Pay has answered (and for ever when it could not start the payment).
    .addColumn('pay_payment_id', 'text')
    // Pay's `_links.next_url.href`: where the resident pays; handed out again until the payment finishes.
    .addColumn('next_url', 'text')
    .addColumn('amount', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('created', 'paid', 'failed', 'cancelled', 'error')`))
    // Pay's `state.code` for a failure (P0010 rejected, P0020 expired, P0030 cancelled by the user…).
    .addColumn('pay_code', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('checked_at', 'text')
    .addPrimaryKeyConstraint('payments_pk', ['reference', 'attempt'])
    .execute();
  // The poller's question: unfinished payments, oldest first.
  await db.schema.createIndex('payments_status_created_idx').on('payments').columns(['status', 'created_at']).execute();
}
