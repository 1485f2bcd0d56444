import type { AddressLookupResult } from '@council-kit/contracts';
import type { CouncilDb } from '../db/database.js';
import { findAddressesByPostcode } from './repository.js';

/**
 * The address lookup for a normalised postcode ("AN1 1AA"): its addresses in natural order,
 * and whether the postcode is outside the council's area (no addresses, and not in one of
 * `postcodeAreas`), so the element can say "this is not our area" rather than "no addresses".
 */
export async function lookUpAddresses(db: CouncilDb, postcode: string, postcodeAreas: readonly string[]): Promise<AddressLookupResult> {
  const addresses = await findAddressesByPostcode(db, postcode);
  return { postcode, outsideArea: addresses.length === 0 && !isInArea(postcode, postcodeAreas), addresses };
}

/** True when a postcode's area (the letters before the first digit) is one the council serves. */
export function isInArea(postcode: string, areas: readonly string[]): boolean {
  const area = /^[A-Z]+/.exec(postcode)?.[0];
  return area !== undefined && areas.includes(area);
}
