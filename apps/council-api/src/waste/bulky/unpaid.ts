import type { Clock } from '../../clock.js';
import type { CouncilDb } from '../../db/database.js';
import { releaseSlots } from './capacity.js';

/*
 * With GOV.UK Pay, a charged bulky booking takes the crew's slots when it is made and goes to the
 * back office only once paid. One never paid would hold its slots for good, and anyone could
 * fill a round's days by booking without paying. So a booking still unpaid `holdMinutes` after it
 * was made, with no payment under way (none `created`: the resident is not on Pay's page; the
 * payment poller settles or gives up on those within two hours), is cancelled with
 * `cancel_reason = 'unpaid'` and its slots go back. The back office never heard of it, so nothing
 * is handed off; a payment started in the moment between (Pay's return or the poller) is
 * recorded as for any booking cancelled on Pay's page: the back office hears of the booking and
 * of its cancellation, so it can refund. `startServer` runs this with the payment poller when Pay
 * is configured; tests call it directly with a clock they move.
 */

/** Cancels up to `limit` unpaid bookings whose hold has run out; answers how many. */
export async function releaseUnpaidBulkyOnce({ db, clock, holdMinutes, limit = 100 }: { db: CouncilDb; clock: Clock; holdMinutes: number; limit?: number }): Promise<number> {
  const now = clock.now();
  const before = new Date(now.getTime() - holdMinutes * 60_000).toISOString();
  const rows = await db
    .selectFrom('bulky_bookings as b')
    .select(['b.reference', 'b.round_id', 'b.collection_date', 'b.slots'])
    .where('b.status', '=', 'booked')
    .where('b.amount', '>', 0)
    .where('b.created_at', '<=', before)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('payments as p').select('p.reference').whereRef('p.reference', '=', 'b.reference').where('p.status', 'in', ['created', 'paid']))))
    .orderBy('b.created_at')
    .limit(limit)
    .execute();
  let released = 0;
  for (const row of rows) {
    // The same conditions again, in the one UPDATE that decides: a payment started since the
    // read keeps the booking, and two servers sweeping at once release it once.
    const done = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('bulky_bookings as b')
        .set({ status: 'cancelled', cancel_reason: 'unpaid', updated_at: now.toISOString() })
        .where('b.reference', '=', row.reference)
        .where('b.status', '=', 'booked')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('payments as p').select('p.reference').whereRef('p.reference', '=', 'b.reference').where('p.status', 'in', ['created', 'paid']))))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await releaseSlots(trx, row.round_id, row.collection_date, row.slots);
      return true;
    });
    if (done) released++;
  }
  return released;
}
