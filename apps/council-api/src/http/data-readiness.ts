import type { Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';

/**
 * The answer `/readyz` gives when the database is usable but holds nothing to answer with: no
 * addresses, no waste rounds and no directory services have been imported, and no external
 * source is configured. No configuration value appears in it (a key, a URL with credentials),
 * only what to run.
 */
export const noDataBody = {
  status: 'unavailable',
  database: 'ok',
  migrations: 'current',
  data: 'none',
  detail:
    'No data has been imported: every lookup would answer empty. Import the council\'s data with `council-api import <kind> <file-or-url>` (`council-api import --help` lists the kinds), or load the fictional Anytown demo with `council-api seed --demo` (or start with COUNCIL_DEMO=anytown).',
} as const;

/**
 * The external sources the configuration names (`ADDRESS_SOURCE=os-places`,
 * `WASTE_SOURCE=ukbcd`), which answer without imported data. The API's own database (the
 * default for both) does not count.
 */
export function externalSources({ sources }: Pick<Config, 'sources'>): string[] {
  return [sources.addressSource, sources.wasteSource].filter((source) => source !== 'database');
}

/** True when anything has been imported: an address, a property on a waste round, or a directory service. */
export async function hasImportedData(db: CouncilDb): Promise<boolean> {
  const [address, round, service] = await Promise.all([
    db.selectFrom('addresses').select('uprn').limit(1).executeTakeFirst(),
    db.selectFrom('waste_rounds').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('services').select('id').limit(1).executeTakeFirst(),
  ]);
  return Boolean(address || round || service);
}
