import { sql, type Kysely } from 'kysely';
import { autoId, bytes } from './columns.js';

/**
 * Housing repairs: the catalogue (configuration, one JSON document per version loaded), the
 * trades and their operatives, appointment slots, repairs, their photos, and the reasons a
 * resident may cancel. Idempotency keys, references and the Notify outbox are shared with
 * waste (migration 0002).
 *
 * Double booking is made impossible by the slot row itself, not by application code: each
 * slot (trade, date, period) holds a `capacity` and a `booked` count, a booking is
 * `UPDATE repair_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity` inside the
 * repair's transaction, and the caller treats "0 rows updated" as "slot taken". On SQLite the
 * write lock serialises transactions; on PostgreSQL the UPDATE takes the row lock and re-checks
 * `booked < capacity` against the committed value (READ COMMITTED), so two racing bookings for
 * the last place cannot both see it free. The CHECK constraint is a second line: no code path
 * can push `booked` past `capacity`. We chose a counter over a unique index on bookings because
 * a slot serves several operatives (capacity > 1); a unique index would need one row per
 * operative per period, and moving an appointment would become a delete plus an insert.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A council loads its catalogue without code changes: each distinct document loaded is kept
  // (the newest id is current), so repairs reported under an older version still make sense.
  await db.schema
    .createTable('repair_catalogues')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('document', 'text', (col) => col.notNull())
    /** 'example' or the file it was loaded from. */
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('loaded_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('repair_trades')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('name_cy', 'text', (col) => col.notNull())
    /** 'am-pm' (two slots a day) or 'all-day' (one): roofers and glaziers need the whole day. */
    .addColumn('day_shape', 'text', (col) => col.notNull().check(sql`day_shape in ('am-pm', 'all-day')`))
    .execute();

  await db.schema
    .createTable('repair_operatives')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('trade_id', 'text', (col) => col.notNull().references('repair_trades.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('repair_operatives_trade_idx').on('repair_operatives').column('trade_id').execute();

  await db.schema
    .createTable('repair_slots')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('trade_id', 'text', (col) => col.notNull().references('repair_trades.id'))
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().check(sql`period in ('am', 'pm', 'all-day')`))
    .addColumn('capacity', 'integer', (col) => col.notNull().check(sql`capacity >= 0`))
    .addColumn('booked', 'integer', (col) => col.notNull().defaultTo(0))
    .addCheckConstraint('repair_slots_not_overbooked', sql`booked >= 0 and booked <= capacity`)
    .addUniqueConstraint('repair_slots_once', ['trade_id', 'date', 'period'])
    .execute();
  await db.schema.createIndex('repair_slots_date_idx').on('repair_slots').columns(['trade_id', 'date']).execute();

  await db.schema
    .createTable('repair_cancel_reasons')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('label_en', 'text', (col) => col.notNull())
    .addColumn('label_cy', 'text', (col) => col.notNull())
    .execute();
  // The contract's fixed list (`cancelReasons` in @council-kit/contracts).
  await sql`
    insert into repair_cancel_reasons (id, label_en, label_cy) values
      ('fixed', 'It has been fixed', 'Mae wedi’i drwsio'),
      ('no-longer-needed', 'It is no longer needed', 'Nid oes ei angen mwyach'),
      ('reported-by-mistake', 'It was reported by mistake', 'Cafodd ei adrodd trwy gamgymeriad'),
      ('other', 'Another reason', 'Rheswm arall')
  `.execute(db);

  // What the resident chose is copied from the catalogue (SOR, trade, priority, labels), so a
  // repair reads the same after the council loads a new catalogue. No foreign key to addresses:
  // a repair outlives changes to the address register.
  await db.schema
    .createTable('repairs')
    .addColumn('reference', 'text', (col) => col.primaryKey().references('submission_references.reference'))
    .addColumn('uprn', 'text', (col) => col.notNull())
    /** The property's block when reported: communal repairs are listed for the whole block. */
    .addColumn('block_id', 'text')
    .addColumn('reporter', 'text', (col) => col.notNull().check(sql`reporter in ('tenant', 'leaseholder')`))
    .addColumn('catalogue_version', 'text', (col) => col.notNull())
    .addColumn('leaf_id', 'text', (col) => col.notNull())
    .addColumn('sor', 'text', (col) => col.notNull())
    .addColumn('trade_id', 'text', (col) => col.notNull())
    .addColumn('priority', 'text', (col) => col.notNull().check(sql`priority in ('emergency', 'urgent', 'routine')`))
    .addColumn('communal', 'integer', (col) => col.notNull())
    .addColumn('label_en', 'text', (col) => col.notNull())
    .addColumn('label_cy', 'text', (col) => col.notNull())
    .addColumn('location_label_en', 'text', (col) => col.notNull())
    .addColumn('location_label_cy', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('booked', 'awaiting-appointment', 'cancelled', 'completed')`),
    )
    .addColumn('reported_on', 'text', (col) => col.notNull())
    .addColumn('target_date', 'text', (col) => col.notNull())
    /** The booked slot; null while awaiting an appointment, and once cancelled (the slot is released). */
    .addColumn('slot_id', 'text', (col) => col.references('repair_slots.id'))
    /** A completed repair keeps the appointment it had after its slot row is gone. */
    .addColumn('appointment_date', 'text')
    .addColumn('appointment_period', 'text')
    .addColumn('contact_preference', 'text', (col) => col.notNull().check(sql`contact_preference in ('text', 'email', 'phone')`))
    .addColumn('contact_mobile', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('cancel_reason', 'text', (col) => col.references('repair_cancel_reasons.id'))
    .addColumn('cancel_detail', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('repairs_block_idx').on('repairs').columns(['block_id', 'communal', 'status']).execute();
  await db.schema.createIndex('repairs_uprn_idx').on('repairs').column('uprn').execute();
  await db.schema.createIndex('repairs_slot_idx').on('repairs').column('slot_id').execute();

  // Photos are kept in the database (one transaction with the repair, one backup) under random,
  // unguessable ids. No route ever serves one back: they are for the council's staff only.
  await db.schema
    .createTable('repair_photos')
    .addColumn('id', 'text', (col) => col.primaryKey())
    /** Null until a repair claims the photo; unclaimed photos are deleted after a day. */
    .addColumn('repair_reference', 'text', (col) => col.references('repairs.reference'))
    /** What the bytes really are (checked by their signature), not what the client said. */
    .addColumn('content_type', 'text', (col) => col.notNull().check(sql`content_type in ('image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('data', bytes(db), (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('repair_photos_repair_idx').on('repair_photos').column('repair_reference').execute();
  await db.schema.createIndex('repair_photos_created_idx').on('repair_photos').column('created_at').execute();
}
