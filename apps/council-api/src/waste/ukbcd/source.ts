import { addDays, ContractError, fromUkBinCollection, ukBinCollectionJson, type CollectionsResult } from '@council-kit/contracts';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { redactSecrets } from '../../redact.js';
import { BoundedCache } from '../../sources/bounded-cache.js';
import { fillPlaceholders } from '../../sources/command-line.js';
import type { UkbcdConfig } from '../../sources/config.js';
import { SourceError } from '../../sources/problems.js';
import { runCommand } from '../../sources/run-command.js';

/*
 * Collections from a UKBinCollectionData scraper (`WASTE_SOURCE=ukbcd`): `UKBCD_COMMAND` with
 * the property's UPRN and postcode filled in, run without a shell and with a timeout; its JSON
 * read leniently (`ukBinCollectionJson`, `fromUkBinCollection`). What it printed is kept in
 * memory per UPRN until the next collection day (at most a week), by the app's clock, and read
 * again each day, so "next collection" and the report window follow the day.
 */

/** Longest a scraper's answer is kept, in days, even when the next collection is further off. */
export const UKBCD_MAX_CACHE_DAYS = 7;

/** The property the scraper is asked about. */
export interface UkbcdProperty {
  uprn: string;
  /** Normalised; undefined when the API does not know it (and the command does not need it). */
  postcode?: string;
  /** The address on one line, for the answer. */
  address: string;
}

/** Collections for a property, from the scraper (or its kept answer). */
export type UkbcdCollections = (property: UkbcdProperty) => Promise<CollectionsResult>;

export interface UkbcdSourceOptions {
  config: UkbcdConfig;
  clock: Clock;
  logger: Logger;
  /** Most UPRNs kept at once. */
  maxEntries?: number;
}

/** The first collection after `day` in what the scraper printed, read as on `day`. */
function nextCollectionAfter(output: unknown, day: string): string | undefined {
  try {
    const { services } = fromUkBinCollection(output, { uprn: '0', address: '' }, addDays(day, 1));
    return services.map((s) => s.nextCollection).filter((d): d is string => d !== undefined).sort()[0];
  } catch {
    return undefined; // read as on the next day, nothing usable: kept for the shortest time
  }
}

/** A scraper as a collections source. */
export function ukbcdSource({ config, clock, logger, maxEntries = 10_000 }: UkbcdSourceOptions): UkbcdCollections {
  const cache = new BoundedCache<unknown>(maxEntries);
  const program = config.argv[0] ?? '';

  const run = async (property: UkbcdProperty): Promise<unknown> => {
    const argv = fillPlaceholders(config.argv, property);
    let result;
    try {
      result = await runCommand(argv, { timeoutMs: config.timeoutSeconds * 1000 });
    } catch (error) {
      if (error instanceof SourceError) {
        // stderr may echo the arguments: the postcode (personal data) is redacted with the rest.
        throw new SourceError(error.kind, error.message, { program, stderr: redact(String(error.details.stderr ?? ''), property) });
      }
      throw error;
    }
    if (result.exitCode !== 0) {
      throw new SourceError('unavailable', `The scraper failed (exit ${result.exitCode ?? result.signal})`, { program, stderr: redact(result.stderr, property) });
    }
    const output = ukBinCollectionJson(result.stdout);
    if (output === undefined) throw new SourceError('unusable', 'The scraper printed no JSON', { program, stderr: redact(result.stderr, property) });
    // Checked before it is kept: an answer that cannot be read is not cached.
    read(output, property, clock.today());
    return output;
  };

  const read = (output: unknown, property: UkbcdProperty, today: string): CollectionsResult => {
    try {
      return fromUkBinCollection(output, { uprn: property.uprn, address: property.address }, today, {
        onSkip: (path, reason) => logger.debug('scraper entry left out', { program, path, reason }),
      });
    } catch (error) {
      if (error instanceof ContractError) throw new SourceError('unusable', `The scraper printed JSON the API cannot read (${error.message})`, { program });
      throw error;
    }
  };

  return async (property) => {
    const output = await cache.getOrLoad(property.uprn, async () => {
      const value = await run(property);
      const fetched = clock.today();
      const until = [nextCollectionAfter(value, fetched), addDays(fetched, UKBCD_MAX_CACHE_DAYS)].filter((d): d is string => d !== undefined).sort()[0]!;
      return { value, isStale: () => clock.today() >= until || clock.today() < fetched };
    });
    return read(output, property, clock.today());
  };
}

/** A scraper's stderr fit for the log: secrets in URLs redacted, the postcode taken out, cut short. */
function redact(stderr: string, property: UkbcdProperty): string {
  const postcode = property.postcode;
  const variants = postcode ? [postcode, postcode.replace(' ', ''), postcode.replace(' ', '+')] : [];
  return redactSecrets(stderr, variants).slice(0, 2000);
}
