import { ContractError, fromOsPlaces, type Address, type OsPlacesResponse } from '@council-kit/contracts';
import type { Clock } from '../clock.js';
import type { Lang } from '../http/lang.js';
import type { Logger } from '../logger.js';
import { BoundedCache } from '../sources/bounded-cache.js';
import { SourceError } from '../sources/problems.js';
import type { OsPlacesLookup, OsPlacesUprnLookup } from './os-places-client.js';
import { sortAddresses } from './sort.js';
import type { AddressSource } from './source.js';

export interface OsPlacesSourceOptions {
  lookup: OsPlacesLookup;
  /** OS Places' `/uprn`, for a property's postcode (a scraper that needs one). */
  uprnLookup?: OsPlacesUprnLookup;
  /** How long a postcode's answer is kept, in seconds, by `clock` (0: not kept). */
  cacheSeconds: number;
  clock: Clock;
  logger: Logger;
  /** Most postcodes kept at once (default 5,000: a few megabytes). */
  maxEntries?: number;
}

/** A numbered street line ("12 High Street", "9A Mill Road"): where a sort finds the house number. */
const NUMBERED = /^\d+[A-Za-z]?\s/;

/**
 * The two lines the natural sort reads: what names the flat or building, and the street line
 * (a numbered line after the first, else the second line), so "Flat 2, Mill Court, 12 High
 * Street" sorts by High Street, 12, then "Flat 2 …", and "3 Castle House, High Street" with
 * the named buildings of High Street.
 */
function sortLines(address: Address): { line1: string; line2: string | null; address: Address } {
  const { lines } = address;
  const at = lines.findIndex((line, i) => i > 0 && NUMBERED.test(line));
  const street = at > 0 ? at : Math.min(1, lines.length - 1);
  if (street <= 0) return { line1: lines[0] ?? '', line2: null, address };
  return { line1: lines.slice(0, street).join(', '), line2: lines[street]!, address };
}

/** OS's answer as the contract's addresses, or a `SourceError` naming the record it cannot read. */
function readable(response: OsPlacesResponse, postcode: string, lang: Lang = 'en'): Address[] {
  try {
    return fromOsPlaces(response, postcode, { lang }).addresses;
  } catch (error) {
    if (error instanceof ContractError) throw new SourceError('unusable', `OS Places answered a record the API cannot read (${error.message})`);
    throw error;
  }
}

/**
 * Addresses from OS Places (`ADDRESS_SOURCE=os-places`): OS's answer for a postcode is kept in
 * memory for `cacheSeconds` (per instance, bounded) and read through `fromOsPlaces` in the
 * page's language, then sorted the way the database's addresses are.
 */
export function osPlacesAddressSource({ lookup, uprnLookup, cacheSeconds, clock, logger, maxEntries = 5000 }: OsPlacesSourceOptions): AddressSource {
  const cache = new BoundedCache<OsPlacesResponse>(cacheSeconds > 0 ? maxEntries : 0);
  const uprns = new BoundedCache<OsPlacesResponse>(cacheSeconds > 0 ? maxEntries : 0);
  const keptFor = () => {
    const expires = clock.now().getTime() + cacheSeconds * 1000;
    return () => clock.now().getTime() >= expires;
  };
  return {
    name: 'OS Places',
    async find(postcode: string, lang: Lang): Promise<Address[]> {
      const response = await cache.getOrLoad(postcode, async () => {
        const value = await lookup(postcode);
        readable(value, postcode); // an answer the API cannot read is not kept
        // The postcode is personal data: the log says only that a postcode was cut short.
        if (value.truncated) logger.warn('OS Places had more addresses for a postcode than the API fetches', { fetched: value.results?.length ?? 0 });
        return { value, isStale: keptFor() };
      });
      return sortAddresses(readable(response, postcode, lang).map(sortLines)).map((entry) => entry.address);
    },
    ...(uprnLookup
      ? {
          async byUprn(uprn: string): Promise<Address | undefined> {
            const response = await uprns.getOrLoad(uprn, async () => {
              const value = await uprnLookup(uprn);
              readable(value, '');
              return { value, isStale: keptFor() };
            });
            return readable(response, '').find((address) => address.uprn === uprn);
          },
        }
      : {}),
  };
}
