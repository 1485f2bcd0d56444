import type { Kysely } from 'kysely';

/**
 * Directory feeds taken in (issue 15): `council-api import directory URL` reads another
 * organisation's Open Referral UK feed into the directory tables.
 *
 * - `directory_feeds`: one row per feed (`--feed-id`, by default the URL's host): its URL, the
 *   version it was read as, how its last run went, and the next page to read when a run failed
 *   part-way (`cursor`), so the next run resumes there under the same `run_id`.
 * - `directory_feed_records`: where each imported row came from: (feed, kind, the feed's own id)
 *   → our row's id, the run that last saw it (what a complete run withdraws by), a hash of the
 *   record (to tell an update from an unchanged record) and, for services, the keys two feeds'
 *   copies of one service are matched by. A service published by two feeds has two rows here
 *   and one in `services`.
 *
 * Kept beside the ORUK tables rather than as columns on them, so the seed, the bulk generator
 * and the API's queries are unchanged, and one row can have several sources.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_feeds')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('version', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('run_id', 'text')
    .addColumn('cursor', 'integer')
    .addColumn('last_run_at', 'text')
    .addColumn('last_complete_at', 'text')
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('directory_feed_records')
    .addColumn('feed_id', 'text', (col) => col.notNull().references('directory_feeds.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('source_id', 'text', (col) => col.notNull())
    .addColumn('local_id', 'text', (col) => col.notNull())
    .addColumn('seen_run', 'text', (col) => col.notNull())
    .addColumn('hash', 'text')
    .addColumn('name_key', 'text')
    .addColumn('match_keys', 'text')
    .addPrimaryKeyConstraint('directory_feed_records_pk', ['feed_id', 'kind', 'source_id'])
    .execute();
  await db.schema.createIndex('directory_feed_records_local_idx').on('directory_feed_records').columns(['kind', 'local_id']).execute();
  await db.schema.createIndex('directory_feed_records_name_idx').on('directory_feed_records').columns(['kind', 'name_key']).execute();
}
