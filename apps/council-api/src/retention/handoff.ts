import type { CouncilDb } from '../db/database.js';
import { inBatches } from './batches.js';

/**
 * Deletes back-office events written before `cutoff`: their bodies hold the resident's contact
 * details and what they wrote. Delivered ones: the back office has them. Pending or dead ones:
 * retries end within two days, so an event still undelivered after `RETENTION_DAYS` means no
 * back office is configured (events are written whether or not `HANDOFF_WEBHOOK_URL` is set) or
 * staff chose not to replay it (`GET /api/v1/staff/deliveries?status=dead` shows them until
 * then); keeping it for ever would keep a full copy of what the submission's own purge blanked.
 * One being delivered right now is left to the next run.
 */
export async function purgeOldHandoffs(db: CouncilDb, cutoff: string, size: number): Promise<number> {
  return inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom('handoff_deliveries')
      .select('event_id')
      .where('status', '!=', 'delivering')
      .where('created_at', '<', cutoff)
      .orderBy('event_id')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    await db.deleteFrom('handoff_deliveries').where('event_id', 'in', batch.map((row) => row.event_id)).execute();
    return batch.length;
  });
}
