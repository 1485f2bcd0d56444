import type { CouncilDb } from '../db/database.js';
import { inBatches } from './batches.js';

/**
 * A garden waste subscription request is closed when the subscription it paid for ends
 * (`expires_on`, the last day of the subscription year), not when it was made: while it runs the
 * council needs to reach the resident (stickers not arrived, collections suspended, a refund on
 * cancelling), and a renewal is a request of its own with its own contact details. Counting from
 * `created_at` instead would blank an active subscriber's details after `RETENTION_DAYS` (90 by
 * default) of a year-long subscription; counting from payment would never start for councils
 * that take payment themselves (no `paid_at`). A request never paid expires on the same date, so
 * it is purged on the same clock.
 *
 * Purging blanks the contact details (the only personal data the row holds) and keeps the
 * reference, UPRN, bins, concession, price and dates: what staff count.
 */
export async function purgeGardenContacts(db: CouncilDb, cutoff: string, size: number): Promise<number> {
  // Expiry dates are calendar days: one is past the cut-off once the whole day is before it.
  const cutoffDay = cutoff.slice(0, 10);
  return inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom('garden_subscriptions')
      .select('reference')
      .where('expires_on', '<', cutoffDay)
      .where((eb) => eb.or([eb('contact_email', 'is not', null), eb('contact_phone', 'is not', null)]))
      .orderBy('reference')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    await db
      .updateTable('garden_subscriptions')
      .set({ contact_email: null, contact_phone: null })
      .where('reference', 'in', batch.map((row) => row.reference))
      .execute();
    return batch.length;
  });
}
