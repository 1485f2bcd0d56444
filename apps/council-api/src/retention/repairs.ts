import type { CouncilDb } from '../db/database.js';
import type { RepairStatus } from '@council-kit/contracts';
import { inBatches } from './batches.js';

/**
 * A repair is closed when it is completed or cancelled, and its clock starts then: `updated_at`,
 * which the cancellation (or the back office's completion) sets, and which nothing changes after
 * (a closed repair cannot be moved, and cancelling it again changes nothing). An open repair is
 * never purged however old it is, even with its appointment long past: the job may still be
 * waiting for a second visit or parts, and the operative needs the description and a number to
 * ring; closing it is the back office's call.
 */
export const closedStatuses: readonly RepairStatus[] = ['completed', 'cancelled'];

/**
 * Purges repairs closed before `cutoff`: deletes their photos (bytes, size, hash: nothing of
 * them is kept) and blanks what the resident wrote and how to reach them (description,
 * cancellation detail, mobile, email, phone). Kept: reference, UPRN, block, what and where
 * (the catalogue's labels, SOR, trade, priority), status, dates, the appointment, the contact
 * *preference* and the cancellation *reason*: what staff count, and what `/status?postcode=`
 * still answers. The manage token's hash stays, so the old link still says it has expired.
 * Each batch is one transaction, so a repair never loses its photos without its text.
 */
export async function purgeClosedRepairs(db: CouncilDb, cutoff: string, size: number): Promise<{ repairs: number; repairPhotos: number }> {
  let repairPhotos = 0;
  const repairs = await inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom('repairs')
      .select('reference')
      .where('status', 'in', closedStatuses)
      .where('updated_at', '<', cutoff)
      .where((eb) =>
        eb.or([
          eb('description', '<>', ''),
          eb('cancel_detail', 'is not', null),
          eb('contact_mobile', 'is not', null),
          eb('contact_email', 'is not', null),
          eb('contact_phone', 'is not', null),
          eb.exists(eb.selectFrom('repair_photos').select('repair_photos.id').whereRef('repair_photos.repair_reference', '=', 'repairs.reference')),
        ]),
      )
      .orderBy('reference')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    const references = batch.map((row) => row.reference);
    await db.transaction().execute(async (trx) => {
      const photos = await trx.deleteFrom('repair_photos').where('repair_reference', 'in', references).executeTakeFirst();
      repairPhotos += Number(photos.numDeletedRows);
      await trx
        .updateTable('repairs')
        .set({ description: '', cancel_detail: null, contact_mobile: null, contact_email: null, contact_phone: null })
        .where('reference', 'in', references)
        .where('status', 'in', closedStatuses)
        .execute();
    });
    return batch.length;
  });
  return { repairs, repairPhotos };
}
