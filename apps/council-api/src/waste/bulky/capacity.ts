import type { Transaction } from 'kysely';
import type { CouncilDb } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/*
 * A bulky round-day's capacity, in slots (see migration 0015): the row is made on first use
 * with the catalogue's capacity, and taken from with one conditional UPDATE, which is the whole
 * guarantee against overselling.
 */

/** Slots left on each of `dates` for `roundId` (a date without a row has the whole `slotsPerDay`). */
export async function slotsLeft(db: CouncilDb, roundId: string, dates: readonly string[], slotsPerDay: number): Promise<Map<string, number>> {
  const left = new Map(dates.map((date) => [date, slotsPerDay]));
  if (!dates.length) return left;
  const rows = await db.selectFrom('bulky_capacity').select(['date', 'capacity', 'booked']).where('round_id', '=', roundId).where('date', 'in', [...dates]).execute();
  for (const row of rows) left.set(row.date, row.capacity - row.booked);
  return left;
}

/**
 * Takes `slots` on the round-day inside the caller's transaction. False when they do not fit:
 * someone else took the last of them first.
 */
export async function takeSlots(trx: Transaction<Database>, roundId: string, date: string, slots: number, slotsPerDay: number): Promise<boolean> {
  await trx
    .insertInto('bulky_capacity')
    .values({ round_id: roundId, date, capacity: slotsPerDay, booked: 0 })
    .onConflict((oc) => oc.columns(['round_id', 'date']).doNothing())
    .execute();
  const result = await trx
    .updateTable('bulky_capacity')
    .set((eb) => ({ booked: eb('booked', '+', slots) }))
    .where('round_id', '=', roundId)
    .where('date', '=', date)
    .where((eb) => eb(eb('booked', '+', slots), '<=', eb.ref('capacity')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives slots back (a moved or cancelled booking). */
export async function releaseSlots(trx: Transaction<Database>, roundId: string, date: string, slots: number): Promise<void> {
  await trx
    .updateTable('bulky_capacity')
    .set((eb) => ({ booked: eb('booked', '-', slots) }))
    .where('round_id', '=', roundId)
    .where('date', '=', date)
    .where('booked', '>=', slots)
    .execute();
}
