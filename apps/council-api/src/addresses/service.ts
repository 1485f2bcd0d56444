import type { AddressLookupResult } from '@council-kit/contracts';
import type { Lang } from '../http/lang.js';
import type { AddressSource } from './source.js';

/**
 * The address lookup for a normalised postcode ("AN1 1AA"): its addresses in natural order,
 * and whether the postcode is outside the council's area, so the element can say "this is not
 * our area" rather than "no addresses". From the database: no addresses and not in one of
 * `postcodeAreas`. From a national source (OS Places): not in one of `postcodeAreas`, asked
 * before the source is (another council's addresses are not this API's to list).
 */
export async function lookUpAddresses(source: AddressSource, postcode: string, postcodeAreas: readonly string[], lang: Lang = 'en'): Promise<AddressLookupResult> {
  if (source.national && !isInArea(postcode, postcodeAreas)) return { postcode, outsideArea: true, addresses: [] };
  const addresses = await source.find(postcode, lang);
  return { postcode, outsideArea: addresses.length === 0 && !isInArea(postcode, postcodeAreas), addresses };
}

/** True when a postcode's area (the letters before the first digit) is one the council serves. */
export function isInArea(postcode: string, areas: readonly string[]): boolean {
  const area = /^[A-Z]+/.exec(postcode)?.[0];
  return area !== undefined && areas.includes(area);
}
