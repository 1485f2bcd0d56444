import type { Hono } from 'hono';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { CouncilDb } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { ukbcdRoutes } from './routes.js';
import { ukbcdSource } from './source.js';

/**
 * The one place the collections source is chosen, from `WASTE_SOURCE`: with `ukbcd`, the
 * scraper's routes for collections and the calendar (mounted before the database's, so they
 * answer); with `database` (the default), none, and the database's routes answer.
 */
export function wasteSourceRoutes({ db, config, clock, logger, lookUpUprn }: WasteSourceDeps): Hono | undefined {
  const settings = config.sources.ukbcd;
  if (config.sources.wasteSource !== 'ukbcd' || !settings) return undefined;
  return ukbcdRoutes({ db, clock, logger, config: settings, collections: ukbcdSource({ config: settings, clock, logger }), ...(lookUpUprn ? { lookUpUprn } : {}) });
}

/** What the collections source is made from. */
export interface WasteSourceDeps {
  db: CouncilDb;
  config: Pick<Config, 'sources'>;
  clock: Clock;
  logger: Logger;
  /** The address source's look-up by UPRN, when it has one (OS Places), for a scraper's postcode. */
  lookUpUprn?: (uprn: string) => Promise<{ postcode: string; address: string } | undefined>;
}
