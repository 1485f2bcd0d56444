import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * The service directory, shaped like Open Referral UK v3 so each table maps onto one ORUK
 * object: organisations run services, services are delivered at locations (service_at_locations),
 * classified by taxonomy terms (attributes), with opening times (schedules, RRULE-like), costs,
 * contacts and their phones, and languages. Ids are UUIDs stored as text.
 *
 * Full-text search (`services_search`, one row per service) is an FTS5 table ranked with bm25()
 * on SQLite; on PostgreSQL a weighted tsvector with a GIN index, ranked with ts_rank(), where
 * setweight() gives the same name-over-organisation-over-taxonomy-over-description ordering.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organization_id', 'text', (col) => col.notNull().references('organizations.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('active', 'inactive', 'defunct', 'temporarily closed')`),
    )
    .addColumn('eligibility_description', 'text')
    .addColumn('minimum_age', 'integer')
    .addColumn('maximum_age', 'integer')
    .addColumn('assured_date', 'text')
    .addColumn('last_modified', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('services_organization_idx').on('services').column('organization_id').execute();
  // Unfiltered listings are ordered by name (then id, so pages never overlap).
  await db.schema.createIndex('services_name_idx').on('services').columns(['name', 'id']).execute();

  // Coordinates are nullable: real feeds have locations nobody has geocoded.
  await db.schema
    .createTable('locations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    // One physical address per location, kept on the row; ORUK gives it its own id.
    .addColumn('address_id', 'text', (col) => col.notNull().unique())
    .addColumn('address_1', 'text', (col) => col.notNull())
    .addColumn('address_2', 'text')
    .addColumn('city', 'text', (col) => col.notNull())
    .addColumn('state_province', 'text', (col) => col.notNull())
    .addColumn('postal_code', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .execute();
  // The proximity search's bounding box: a range on latitude, with longitude and the id read
  // from the index too (covering), so 100k locations never touch the table.
  await db.schema.createIndex('locations_lat_lng_idx').on('locations').columns(['latitude', 'longitude', 'id']).execute();

  await db.schema
    .createTable('accessibility')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('location_id', 'text', (col) => col.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('accessibility_location_idx').on('accessibility').column('location_id').execute();

  await db.schema
    .createTable('service_at_locations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (col) => col.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('service_at_locations_service_idx').on('service_at_locations').column('service_id').execute();
  // Covering for the proximity search: location → (service, link id) without reading the table.
  await db.schema
    .createIndex('service_at_locations_location_idx')
    .on('service_at_locations')
    .columns(['location_id', 'service_id', 'id'])
    .execute();

  await db.schema
    .createTable('taxonomy_terms')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'text', (col) => col.references('taxonomy_terms.id'))
    .addColumn('taxonomy', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('taxonomy_terms_parent_idx').on('taxonomy_terms').column('parent_id').execute();

  // ORUK v3 "attributes": a service classified by a taxonomy term.
  await db.schema
    .createTable('attributes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id').onDelete('cascade'))
    .addColumn('taxonomy_term_id', 'text', (col) => col.notNull().references('taxonomy_terms.id'))
    .execute();
  // Filtering by term walks (term → services); a service's own terms walk the other index.
  await db.schema.createIndex('attributes_term_service_idx').on('attributes').columns(['taxonomy_term_id', 'service_id']).execute();
  await db.schema.createIndex('attributes_service_idx').on('attributes').column('service_id').execute();

  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id').onDelete('cascade'))
    .addColumn('freq', 'text', (col) => col.check(sql`freq in ('WEEKLY', 'MONTHLY')`))
    .addColumn('interval', 'integer')
    .addColumn('byday', 'text')
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('schedules_service_idx').on('schedules').column('service_id').execute();

  await db.schema
    .createTable('cost_options')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id').onDelete('cascade'))
    .addColumn('option', 'text')
    .addColumn('amount', 'double precision')
    .addColumn('currency', 'text')
    .addColumn('amount_description', 'text')
    .execute();
  await db.schema.createIndex('cost_options_service_idx').on('cost_options').column('service_id').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('title', 'text')
    .addColumn('email', 'text')
    .execute();
  await db.schema.createIndex('contacts_service_idx').on('contacts').column('service_id').execute();

  await db.schema
    .createTable('phones')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('phones_contact_idx').on('phones').column('contact_id').execute();

  await db.schema
    .createTable('languages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('service_id', 'text', (col) => col.notNull().references('services.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('languages_service_idx').on('languages').column('service_id').execute();

  if (dialectOf(db) === 'postgres') return postgresSearch(db);

  // One row per service: what a search matches. Kysely's schema builder has no virtual tables.
  // Porter stemming ("debts" finds "debt"); remove_diacritics so "Lon" finds "Lôn".
  await sql`
    create virtual table services_search using fts5(
      service_id unindexed,
      name,
      organization,
      taxonomy,
      description,
      tokenize = 'porter unicode61 remove_diacritics 2'
    )
  `.execute(db);
}

/**
 * PostgreSQL: `document` holds the weighted words (see search-index.ts). The `council`
 * configuration stems English words like FTS5's porter tokenizer and, through unaccent, lets
 * "Lon" find "Lôn" like its remove_diacritics option.
 */
async function postgresSearch(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create text search configuration council (copy = english)`.execute(db);
  await sql`alter text search configuration council alter mapping for hword, hword_part, word with unaccent, english_stem`.execute(db);
  await db.schema
    .createTable('services_search')
    .addColumn('service_id', 'text', (col) => col.primaryKey().references('services.id').onDelete('cascade'))
    .addColumn('document', sql`tsvector`, (col) => col.notNull())
    .execute();
  await sql`create index services_search_document_idx on services_search using gin (document)`.execute(db);
}
