import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/database.js';
import type { AddressesTable, Database } from '../db/schema.js';

// 11 values a row: 500 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const BATCH = 500;

/**
 * Makes `addresses` hold exactly `rows`, inside the caller's transaction: rows already there are
 * updated in place (never deleted and inserted again, which would cascade away their collection
 * rounds and garden subscriptions), new ones inserted, and addresses not in `rows` deleted.
 * Returns how many were deleted.
 */
export async function replaceAddresses(trx: Kysely<Database>, rows: readonly AddressesTable[]): Promise<number> {
  const keep = new Set(rows.map((row) => row.uprn));
  const existing = await trx.selectFrom('addresses').select('uprn').execute();
  const gone = existing.map((row) => row.uprn).filter((uprn) => !keep.has(uprn));
  for (let i = 0; i < gone.length; i += BATCH) {
    await trx.deleteFrom('addresses').where('uprn', 'in', gone.slice(i, i + BATCH)).execute();
  }
  // `excluded` is the row that could not be inserted, on both databases.
  const update = {
    line1: sql<string>`excluded.line1`,
    line2: sql<string | null>`excluded.line2`,
    town: sql<string>`excluded.town`,
    postcode: sql<string>`excluded.postcode`,
    postcode_compact: sql<string>`excluded.postcode_compact`,
    lat: sql<number>`excluded.lat`,
    lng: sql<number>`excluded.lng`,
    council_owned: sql<number>`excluded.council_owned`,
    property_type: sql<AddressesTable['property_type']>`excluded.property_type`,
    block_id: sql<string | null>`excluded.block_id`,
  };
  const postgres = dialectOf(trx) === 'postgres';
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await trx
      .insertInto('addresses')
      .values(batch)
      .onConflict((oc) => {
        const target = oc.column('uprn').doUpdateSet(update);
        // Rows that have not changed are left alone on PostgreSQL (no dead tuples for a re-import).
        return postgres ? target.where(sql<boolean>`(addresses.*) is distinct from (excluded.*)`) : target;
      })
      .execute();
  }
  return gone.length;
}
