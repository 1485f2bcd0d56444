import { sql, type Kysely } from 'kysely';

/**
 * Bulky waste collections (issue 18): bookings, and the crews' capacity per round-day.
 *
 * Capacity is never oversold because of the capacity row itself, not application code: each
 * bulky round-day (`round_id`, `date`) holds a `capacity` (slots) and a `booked` count, and a
 * booking is `UPDATE bulky_capacity SET booked = booked + n WHERE round_id = ? AND date = ? AND
 * booked + n <= capacity` inside the booking's transaction; "0 rows updated" is "date full". On
 * SQLite the write lock serialises transactions; on PostgreSQL the UPDATE takes the row lock and
 * re-checks the condition against the committed value (READ COMMITTED), so two bookings racing
 * for the last slots cannot both fit. The CHECK constraint is the second line. Rows are made on
 * first use (insert, ignoring a conflict), with the capacity the catalogue gives then; a
 * counter (not a row per slot) because items take several slots each, and moving a booking is
 * one decrement and one increment.
 *
 * `bulky_bookings` copies what was booked (items with labels and prices, as JSON) so a booking
 * reads the same after the council changes its catalogue. The manage token is kept only as its
 * SHA-256. Timestamps are ISO 8601 text; the same statements on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulky_capacity')
    .addColumn('round_id', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull().check(sql`capacity >= 0`))
    .addColumn('booked', 'integer', (col) => col.notNull().defaultTo(0))
    .addCheckConstraint('bulky_capacity_not_overbooked', sql`booked >= 0 and booked <= capacity`)
    .addPrimaryKeyConstraint('bulky_capacity_pk', ['round_id', 'date'])
    .execute();

  await db.schema
    .createTable('bulky_bookings')
    .addColumn('reference', 'text', (col) => col.primaryKey().references('submission_references.reference'))
    .addColumn('uprn', 'text', (col) => col.notNull())
    .addColumn('round_id', 'text', (col) => col.notNull())
    .addColumn('collection_date', 'text', (col) => col.notNull())
    /** `[{ id, label: { en, cy }, price, slots, quantity }]`, as booked. */
    .addColumn('items', 'text', (col) => col.notNull())
    .addColumn('slots', 'integer', (col) => col.notNull())
    .addColumn('amount', 'integer', (col) => col.notNull())
    .addColumn('location', 'text', (col) => col.notNull().check(sql`location in ('front-garden', 'driveway', 'kerbside', 'other')`))
    .addColumn('location_detail', 'text')
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('booked', 'cancelled', 'collected')`))
    .addColumn('lang', 'text', (col) => col.notNull())
    .addColumn('payment_url', 'text')
    .addColumn('manage_token_hash', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('bulky_bookings_uprn_idx').on('bulky_bookings').column('uprn').execute();
  await db.schema.createIndex('bulky_bookings_created_idx').on('bulky_bookings').column('created_at').execute();
}
