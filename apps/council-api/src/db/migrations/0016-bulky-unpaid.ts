import type { Kysely } from 'kysely';

/**
 * Why a bulky waste booking was cancelled: `resident` (from its manage link) or `unpaid` (with
 * GOV.UK Pay, not paid within `BULKY_UNPAID_HOLD_MINUTES`, so its slots went back to other
 * residents: see src/waste/bulky/unpaid.ts). Null while booked, and for cancellations made
 * before this column. A column, not another status: SQLite cannot change 0015's CHECK in place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bulky_bookings').addColumn('cancel_reason', 'text').execute();
}
