import type { Transaction } from 'kysely';
import { generateSeedAddresses } from './addresses/seed-data.js';
import type { CouncilDb } from './db/database.js';
import type { Database } from './db/schema.js';
import { insertDirectoryRows } from './directory/rows.js';
import { rebuildSearchIndex } from './directory/search-index.js';
import { generateDirectorySeed } from './directory/seed-data.js';
import { defaultSeed } from './random.js';
import { generateWasteSeed } from './waste/seed-data.js';

/**
 * The Anytown demo seed, the one place that knows every domain's seed data: each domain owns
 * its own (`addresses/seed-data.ts`, `waste/seed-data.ts`, `directory/seed-*.ts`,
 * `repairs/seed.ts`), and this writes them in order, addresses first, since the others are
 * built on the addresses.
 */

export { examplePostcodes, generateSeedAddresses, seedPostcodes } from './addresses/seed-data.js';
export { bankHolidayChanges, generateWasteSeed, wasteSeedDates } from './waste/seed-data.js';
export { seedUprns } from './waste/seed-uprns.js';
export { awkward as awkwardDirectoryRecords, generateDirectorySeed } from './directory/seed-data.js';
export { seedDirectoryBulk } from './directory/seed-bulk.js';
export { prepareRepairs, seedRepairReferences, type PrepareRepairsOptions } from './repairs/seed.js';
export { defaultSeed, mulberry32 } from './random.js';

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 400;

export interface SeedOptions {
  /**
   * The day the seed is written on (`YYYY-MM-DD`): the app clock's today. The waste seed's
   * moved collections and garden subscriptions are relative to it (see `wasteSeedDates`).
   */
  today: string;
  seed?: number;
}

/**
 * Fills an empty database with the Anytown seed, in one transaction: the addresses when the
 * addresses table is empty, then the waste services, rounds, moved collections and garden
 * subscriptions when there are no waste services (a database seeded before waste existed gets
 * them for the addresses it holds), then the service directory when it has no services.
 * Restarts never duplicate or overwrite data. Returns the number of addresses added.
 */
export async function seedIfEmpty(db: CouncilDb, { today, seed = defaultSeed }: SeedOptions): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let added = 0;
    const existing = await trx.selectFrom('addresses').select('uprn').limit(1).executeTakeFirst();
    if (!existing) {
      const rows = generateSeedAddresses(seed);
      await inBatches(rows, (batch) => trx.insertInto('addresses').values(batch).execute());
      added = rows.length;
    }
    const waste = await trx.selectFrom('waste_services').select('id').limit(1).executeTakeFirst();
    if (!waste) await seedWaste(trx, today, seed);
    const directory = await trx.selectFrom('services').select('id').limit(1).executeTakeFirst();
    if (!directory) await seedDirectory(trx, seed);
    return added;
  });
}

async function seedWaste(trx: Transaction<Database>, today: string, seed: number): Promise<void> {
  const addresses = await trx.selectFrom('addresses').select(['uprn', 'postcode', 'property_type', 'block_id']).execute();
  const waste = generateWasteSeed(addresses, { today, seed });
  await inBatches(waste.services, (batch) => trx.insertInto('waste_services').values(batch).execute());
  await inBatches(waste.rounds, (batch) => trx.insertInto('waste_rounds').values(batch).execute());
  await inBatches(waste.propertyRounds, (batch) => trx.insertInto('waste_property_rounds').values(batch).execute());
  await inBatches(waste.subscriptions, (batch) => trx.insertInto('waste_garden_subscriptions').values(batch).execute());
  await inBatches(waste.changes, (batch) => trx.insertInto('waste_date_changes').values(batch).execute());
}

/** Directory venues sit on seeded addresses, so the addresses must be in first. */
async function seedDirectory(trx: Transaction<Database>, seed: number): Promise<void> {
  const addresses = await trx.selectFrom('addresses').select(['uprn', 'line1', 'line2', 'town', 'postcode', 'lat', 'lng']).execute();
  if (!addresses.length) return;
  await insertDirectoryRows(trx, generateDirectorySeed(addresses, seed));
  await rebuildSearchIndex(trx);
}

async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}
