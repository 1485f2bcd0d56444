import type { CouncilDb } from '../../db/database.js';

/**
 * What the API's `addresses` table says of a UPRN: its postcode (for a scraper that needs one)
 * and its address on one line (for the answer), or undefined when the table does not have it.
 */
export async function addressOfUprn(db: CouncilDb, uprn: string): Promise<{ postcode: string; address: string } | undefined> {
  const row = await db.selectFrom('addresses').select(['line1', 'line2', 'town', 'postcode']).where('uprn', '=', uprn).executeTakeFirst();
  if (!row) return undefined;
  return { postcode: row.postcode, address: [row.line1, row.line2, row.town, row.postcode].filter((part) => part !== null).join(', ') };
}
