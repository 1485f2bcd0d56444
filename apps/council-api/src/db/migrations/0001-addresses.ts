import type { Kysely } from 'kysely';

/** Addresses by postcode: what `GET /api/v1/addresses` serves and every other table keys on. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('addresses')
    .addColumn('uprn', 'text', (col) => col.primaryKey())
    .addColumn('line1', 'text', (col) => col.notNull())
    .addColumn('line2', 'text')
    .addColumn('town', 'text', (col) => col.notNull())
    .addColumn('postcode', 'text', (col) => col.notNull())
    .addColumn('postcode_compact', 'text', (col) => col.notNull())
    .addColumn('lat', 'double precision', (col) => col.notNull())
    .addColumn('lng', 'double precision', (col) => col.notNull())
    .addColumn('council_owned', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('property_type', 'text', (col) => col.notNull())
    .addColumn('block_id', 'text')
    .execute();
  await db.schema.createIndex('addresses_postcode_idx').on('addresses').column('postcode').execute();
  await db.schema
    .createIndex('addresses_postcode_compact_idx')
    .on('addresses')
    .column('postcode_compact')
    .execute();
  await db.schema.createIndex('addresses_block_id_idx').on('addresses').column('block_id').execute();
}
