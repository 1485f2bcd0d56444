import type { AddressLookupResult, Address } from '../address.js';
import { ContractError } from '../validate.js';
import { titleCase } from './title-case.js';

/** The fields of an OS Places API `DPA` record that the adapter reads. */
export interface OsPlacesDpa {
  UPRN: string;
  ADDRESS?: string;
  ORGANISATION_NAME?: string;
  SUB_BUILDING_NAME?: string;
  BUILDING_NAME?: string;
  BUILDING_NUMBER?: string;
  DEPENDENT_THOROUGHFARE_NAME?: string;
  THOROUGHFARE_NAME?: string;
  DOUBLE_DEPENDENT_LOCALITY?: string;
  DEPENDENT_LOCALITY?: string;
  POST_TOWN: string;
  POSTCODE: string;
  LAT?: number;
  LNG?: number;
}

/** An OS Places API `/postcode` response (results are absent when nothing matched). */
export interface OsPlacesResponse {
  header?: { query?: string; totalresults?: number };
  results?: { DPA?: OsPlacesDpa }[];
}

function linesOf(dpa: OsPlacesDpa): string[] {
  const street = [dpa.BUILDING_NUMBER, dpa.DEPENDENT_THOROUGHFARE_NAME ?? dpa.THOROUGHFARE_NAME]
    .filter(Boolean)
    .join(' ');
  const parts = [
    dpa.ORGANISATION_NAME,
    dpa.SUB_BUILDING_NAME,
    dpa.BUILDING_NAME,
    street,
    dpa.DEPENDENT_THOROUGHFARE_NAME ? dpa.THOROUGHFARE_NAME : undefined,
    dpa.DOUBLE_DEPENDENT_LOCALITY,
    dpa.DEPENDENT_LOCALITY,
  ];
  return parts.filter((p): p is string => !!p && p.trim() !== '').map((p) => titleCase(p.trim()));
}

/**
 * Maps an OS Places API response to the council API's address lookup contract: deduplicated by
 * UPRN (OS Places can return a property once per classification), title-cased, with lines
 * built from the DPA fields rather than split from the one-line `ADDRESS`.
 */
export function fromOsPlaces(response: unknown, postcode: string): AddressLookupResult {
  if (typeof response !== 'object' || response === null) throw new ContractError('', 'object');
  const results = (response as OsPlacesResponse).results ?? [];
  if (!Array.isArray(results)) throw new ContractError('results', 'array');
  const seen = new Set<string>();
  const addresses: Address[] = [];
  results.forEach((result, i) => {
    const dpa = result?.DPA;
    if (!dpa) return;
    if (typeof dpa.UPRN !== 'string' || typeof dpa.POST_TOWN !== 'string' || typeof dpa.POSTCODE !== 'string') {
      throw new ContractError(`results[${i}].DPA`, 'UPRN, POST_TOWN and POSTCODE strings');
    }
    if (seen.has(dpa.UPRN)) return;
    seen.add(dpa.UPRN);
    const lines = linesOf(dpa);
    const town = titleCase(dpa.POST_TOWN);
    const address: Address = {
      uprn: dpa.UPRN,
      address: [...lines, town, dpa.POSTCODE].join(', '),
      lines,
      town,
      postcode: dpa.POSTCODE,
    };
    if (typeof dpa.LAT === 'number') address.lat = dpa.LAT;
    if (typeof dpa.LNG === 'number') address.lng = dpa.LNG;
    addresses.push(address);
  });
  return { postcode, outsideArea: false, addresses };
}
