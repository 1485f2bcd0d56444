import type { CouncilDb } from '../db/database.js';
import { inBatches } from './batches.js';

/** What a purged message's personalisation becomes: an empty object, still valid JSON for anything reading it. */
export const PURGED_PERSONALISATION = '{}';

/**
 * Blanks the recipient and personalisation (address, what was reported, appointment) of Notify
 * messages written before `cutoff`, keeping the channel, template, reference and dates (what
 * was sent, when, about which submission). By then a message has long been sent or has failed:
 * one still unsent after `RETENTION_DAYS` (the local outbox, with no sender draining it) is
 * never going to be, and a confirmation that late would be no use to the resident.
 */
export async function purgeOutbox(db: CouncilDb, cutoff: string, size: number): Promise<number> {
  return inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom('notify_outbox')
      .select('id')
      .where('created_at', '<', cutoff)
      .where((eb) => eb.or([eb('recipient', '<>', ''), eb('personalisation', '<>', PURGED_PERSONALISATION)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    await db
      .updateTable('notify_outbox')
      .set({ recipient: '', personalisation: PURGED_PERSONALISATION })
      .where('id', 'in', batch.map((row) => row.id))
      .execute();
    return batch.length;
  });
}
