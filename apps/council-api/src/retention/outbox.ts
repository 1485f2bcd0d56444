import type { CouncilDb } from '../db/database.js';
import { inBatches } from './batches.js';

/** What a purged message's personalisation becomes: an empty object, still valid JSON for anything reading it. */
export const PURGED_PERSONALISATION = '{}';

/**
 * Blanks the recipient and personalisation (address, what was reported, appointment) of Notify
 * messages written before `cutoff`, keeping the channel, template, reference, status, dates and
 * Notify's id and error (what was sent, when, about which submission, and whether it arrived).
 * By then a message has long been sent or has failed: the sender gives up on one not sent within
 * 48 hours, and fails one it finds blanked without calling Notify (`src/outbox/drain.ts`), so a
 * message the local outbox kept unsent (no `NOTIFY_API_KEY`) is never sent late, or to nobody.
 * A message being sent right now (`sending`) is left to the next run.
 */
export async function purgeOutbox(db: CouncilDb, cutoff: string, size: number): Promise<number> {
  return inBatches(size, async (limit) => {
    const batch = await db
      .selectFrom('notify_outbox')
      .select('id')
      .where('created_at', '<', cutoff)
      .where('status', '<>', 'sending')
      .where((eb) => eb.or([eb('recipient', '<>', ''), eb('personalisation', '<>', PURGED_PERSONALISATION)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    if (!batch.length) return 0;
    await db
      .updateTable('notify_outbox')
      .set({ recipient: '', personalisation: PURGED_PERSONALISATION })
      .where('id', 'in', batch.map((row) => row.id))
      .where('status', '<>', 'sending')
      .execute();
    return batch.length;
  });
}
