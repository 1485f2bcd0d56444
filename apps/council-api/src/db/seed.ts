import type { CouncilDb } from './database.js';
import { defaultSeed, generateSeedAddresses } from './seed-data.js';

export { examplePostcodes, generateSeedAddresses, mulberry32, seedPostcodes } from './seed-data.js';

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 400;

/**
 * Fills an empty database with the Anytown seed, in one transaction. Does nothing (returns 0)
 * when the addresses table already has rows, so restarts never duplicate or overwrite data.
 */
export async function seedIfEmpty(db: CouncilDb, seed: number = defaultSeed): Promise<number> {
  const existing = await db.selectFrom('addresses').select('uprn').limit(1).executeTakeFirst();
  if (existing) return 0;
  const rows = generateSeedAddresses(seed);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx.insertInto('addresses').values(rows.slice(i, i + BATCH)).execute();
    }
  });
  return rows.length;
}
