import type { Address } from '@council-kit/contracts';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import type { Lang } from '../http/lang.js';
import type { Logger } from '../logger.js';
import { osPlacesClient, osPlacesUprnClient, type OsPlacesLookup } from './os-places-client.js';
import { osPlacesAddressSource } from './os-places-source.js';
import { findAddressesByPostcode } from './repository.js';

/** Where `GET /addresses` finds a postcode's addresses. Throws a `SourceError` when an outside source fails. */
export interface AddressSource {
  /** For the log: "database", "OS Places". */
  name: string;
  /** Addresses at a normalised postcode, in natural order, in the page's language where the source has two. */
  find(postcode: string, lang: Lang): Promise<Address[]>;
  /** True when the source holds every address in Great Britain, so the council's own area must be checked first. */
  national?: boolean;
  /** The address at a UPRN, when the source can look one up (OS Places' `/uprn`); undefined when it has none. */
  byUprn?(uprn: string): Promise<Address | undefined>;
}

/** The API's own `addresses` table (the seed, or the council's import). */
export function databaseAddressSource(db: CouncilDb): AddressSource {
  return { name: 'database', find: (postcode) => findAddressesByPostcode(db, postcode) };
}

export interface AddressSourceDeps {
  db: CouncilDb;
  config: Pick<Config, 'sources'>;
  clock: Clock;
  logger: Logger;
  /** OS Places' client (default: over HTTP to `config.sources.osPlaces.url`); tests may pass their own. */
  osPlaces?: OsPlacesLookup;
}

/** The one place the address source is chosen, from `ADDRESS_SOURCE`. */
export function addressSourceFromConfig({ db, config, clock, logger, osPlaces }: AddressSourceDeps): AddressSource {
  const settings = config.sources.osPlaces;
  if (config.sources.addressSource === 'os-places' && settings) {
    const source = osPlacesAddressSource({
      lookup: osPlaces ?? osPlacesClient(settings),
      uprnLookup: osPlacesUprnClient(settings),
      cacheSeconds: settings.cacheSeconds,
      clock,
      logger,
    });
    return { ...source, national: true };
  }
  return databaseAddressSource(db);
}
