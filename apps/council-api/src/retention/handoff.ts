import type { CouncilDb } from '../db/database.js';
import { inBatches } from './batches.js';

/**
 * Deletes back-office deliveries delivered and written before `cutoff`: their bodies hold the
 * resident's contact details, and the back office has them. Pending and dead ones are kept,
 * whatever their age, so nothing accepted is dropped before it reaches the back office (staff
 * see dead ones in `GET /api/v1/staff/deliveries?status=dead` and replay them).
 */
export async function purgeDeliveredHandoffs(db: CouncilDb, cutoff: string, size: number): Promise<number> {
  return inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom('handoff_deliveries')
      .select('event_id')
      .where('status', '=', 'delivered')
      .where('created_at', '<', cutoff)
      .orderBy('event_id')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    await db.deleteFrom('handoff_deliveries').where('event_id', 'in', batch.map((row) => row.event_id)).execute();
    return batch.length;
  });
}
