import type { Address } from '@council-kit/contracts';
import type { CouncilDb } from '../db/database.js';
import { sortAddresses } from './sort.js';

/** Addresses at a normalised postcode ("AN1 1AA"), in natural order, in the contract's shape. */
export async function findAddressesByPostcode(db: CouncilDb, postcode: string): Promise<Address[]> {
  const rows = await db
    .selectFrom('addresses')
    .select(['uprn', 'line1', 'line2', 'town', 'postcode', 'lat', 'lng'])
    .where('postcode_compact', '=', postcode.replace(/\s+/g, ''))
    .execute();
  return sortAddresses(rows).map((row) => {
    const lines = row.line2 === null ? [row.line1] : [row.line1, row.line2];
    return {
      uprn: row.uprn,
      address: [...lines, row.town, row.postcode].join(', '),
      lines,
      town: row.town,
      postcode: row.postcode,
      lat: row.lat,
      lng: row.lng,
    };
  });
}
