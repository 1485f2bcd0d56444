import type { CouncilDb } from '../db/database.js';
import { inBatches } from './batches.js';

/**
 * A bulky waste booking is closed once its collection day has passed (the crew has been; a
 * missed item is reported within days), or when it is cancelled: its clock starts then, the
 * collection date or the cancellation (`updated_at`, which nothing changes after). A booking
 * weeks ahead keeps its contact details until then however long ago it was made, as the crew may
 * need to ring the resident on the day.
 *
 * Purging blanks how to reach the resident and what they wrote of where the items are
 * (`location_detail`, free text); it keeps the reference, UPRN, round, date, items, slots, price
 * and status: what staff count, and what the manage link still answers ("this has expired").
 */
export async function purgeBulkyContacts(db: CouncilDb, cutoff: string, size: number): Promise<number> {
  // Collection dates are calendar days: one is past the cut-off once the whole day is before it.
  const cutoffDay = cutoff.slice(0, 10);
  return inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom('bulky_bookings')
      .select('reference')
      .where((eb) => eb.or([eb('collection_date', '<', cutoffDay), eb.and([eb('status', '=', 'cancelled'), eb('updated_at', '<', cutoff)])]))
      .where((eb) => eb.or([eb('contact_email', 'is not', null), eb('contact_phone', 'is not', null), eb('location_detail', 'is not', null)]))
      .orderBy('reference')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    await db
      .updateTable('bulky_bookings')
      .set({ contact_email: null, contact_phone: null, location_detail: null })
      .where('reference', 'in', batch.map((row) => row.reference))
      .execute();
    return batch.length;
  });
}
