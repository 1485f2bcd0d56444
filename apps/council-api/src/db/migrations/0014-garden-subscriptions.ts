import type { Kysely } from 'kysely';

/**
 * Garden waste subscriptions and renewals as residents ask for them (`POST
 * /waste/garden-subscriptions`): one row per request, keyed by its reference. The amount is the
 * server's, worked out when the request was made (the price the resident saw and agreed). With
 * GOV.UK Pay, `paid_at` is set when Pay says paid, and then the property's subscription
 * (`waste_garden_subscriptions`, which now says how many bins it covers) runs to `expires_on`.
 * Timestamps come from the app's clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('garden_subscriptions')
    .addColumn('reference', 'text', (col) => col.primaryKey().references('submission_references.reference'))
    .addColumn('uprn', 'text', (col) => col.notNull())
    .addColumn('bins', 'integer', (col) => col.notNull())
    .addColumn('concession', 'integer', (col) => col.notNull())
    .addColumn('renewal', 'integer', (col) => col.notNull())
    // Pence; 0 for a free subscription (a council may give a concession of 100%).
    .addColumn('amount', 'integer', (col) => col.notNull())
    .addColumn('starts_on', 'text', (col) => col.notNull())
    .addColumn('expires_on', 'text', (col) => col.notNull())
    .addColumn('collections_start', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('lang', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('paid_at', 'text')
    .execute();
  await db.schema.createIndex('garden_subscriptions_uprn_idx').on('garden_subscriptions').column('uprn').execute();
  // How many bins a property's subscription covers (null: one, as every subscription before this did).
  await db.schema.alterTable('waste_garden_subscriptions').addColumn('bins', 'integer').execute();
}
