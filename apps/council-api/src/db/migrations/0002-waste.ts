import { sql, type Kysely } from 'kysely';
import { autoId } from './columns.js';

/**
 * Waste: services, rounds (collection dates are computed from a round's pattern, never stored
 * per date), which round serves each property, moved collections, garden subscriptions, the
 * crews' states for a day; then what residents send (missed collections, container requests),
 * the references handed out, idempotency keys and the notification outbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('waste_services')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('name_cy', 'text', (col) => col.notNull())
    .addColumn('container_type', 'text', (col) => col.notNull())
    .addColumn('container_colour', 'text', (col) => col.notNull())
    .addColumn('container_lid_colour', 'text')
    .addColumn('charged', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('waste_rounds')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('waste_services.id'))
    .addColumn('every_weeks', 'integer', (col) => col.notNull().check(sql`every_weeks between 1 and 8`))
    .addColumn('anchor', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('waste_property_rounds')
    .addColumn('uprn', 'text', (col) => col.notNull().references('addresses.uprn').onDelete('cascade'))
    .addColumn('service_id', 'text', (col) => col.notNull().references('waste_services.id'))
    .addColumn('round_id', 'text', (col) => col.notNull().references('waste_rounds.id'))
    .addColumn('demo_today_state', 'text')
    .addPrimaryKeyConstraint('waste_property_rounds_pk', ['uprn', 'service_id'])
    .execute();
  await db.schema.createIndex('waste_property_rounds_round_idx').on('waste_property_rounds').column('round_id').execute();

  await db.schema
    .createTable('waste_date_changes')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('round_id', 'text', (col) => col.references('waste_rounds.id').onDelete('cascade'))
    .addColumn('was', 'text', (col) => col.notNull())
    .addColumn('now', 'text', (col) => col.notNull())
    .addColumn('reason_en', 'text', (col) => col.notNull())
    .addColumn('reason_cy', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('waste_date_changes_was_idx').on('waste_date_changes').column('was').execute();

  await db.schema
    .createTable('waste_garden_subscriptions')
    .addColumn('uprn', 'text', (col) => col.primaryKey().references('addresses.uprn').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('active', 'expired')`))
    .addColumn('expires_on', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('waste_collection_states')
    .addColumn('round_id', 'text', (col) => col.notNull().references('waste_rounds.id').onDelete('cascade'))
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('scheduled', 'in_progress', 'collected', 'not_collected')`),
    )
    .addPrimaryKeyConstraint('waste_collection_states_pk', ['round_id', 'date'])
    .execute();

  await db.schema
    .createTable('submission_references')
    .addColumn('reference', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  // No foreign key to addresses: a report outlives changes to the address register.
  await db.schema
    .createTable('missed_collection_reports')
    .addColumn('reference', 'text', (col) => col.primaryKey().references('submission_references.reference'))
    .addColumn('uprn', 'text', (col) => col.notNull())
    .addColumn('service_id', 'text', (col) => col.notNull())
    .addColumn('collection_date', 'text', (col) => col.notNull())
    .addColumn('bin_out_in_time', 'integer', (col) => col.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('missed_collection_reports_once', ['uprn', 'service_id', 'collection_date'])
    .execute();

  await db.schema
    .createTable('container_requests')
    .addColumn('reference', 'text', (col) => col.primaryKey().references('submission_references.reference'))
    .addColumn('uprn', 'text', (col) => col.notNull())
    .addColumn('container_id', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('charged', 'integer', (col) => col.notNull())
    .addColumn('payment_url', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('container_requests_uprn_idx').on('container_requests').column('uprn').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('notify_outbox')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('template_id', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('personalisation', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('notify_outbox_reference_idx').on('notify_outbox').column('reference').execute();
}
