import type { CouncilDb } from '../db/database.js';
import type { HandoffStatus } from '../db/handoff-table.js';

export const handoffStatuses: readonly HandoffStatus[] = ['pending', 'delivering', 'delivered', 'dead'];

/** A delivery as staff see it: never its body (the back office has it, or will). */
export interface StaffDelivery {
  eventId: string;
  type: string;
  reference: string;
  status: HandoffStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const columns = ['event_id', 'type', 'reference', 'status', 'attempts', 'last_error', 'next_attempt_at', 'created_at', 'delivered_at'] as const;

function toDelivery(row: { event_id: string; type: string; reference: string; status: HandoffStatus; attempts: number; last_error: string | null; next_attempt_at: string; created_at: string; delivered_at: string | null }): StaffDelivery {
  return {
    eventId: row.event_id,
    type: row.type,
    reference: row.reference,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** Deliveries (optionally of one status), oldest first, and how many match. */
export async function listDeliveries(db: CouncilDb, status: HandoffStatus | undefined, offset: number, limit: number): Promise<{ items: StaffDelivery[]; total: number }> {
  const filtered = db.selectFrom('handoff_deliveries').$if(status !== undefined, (qb) => qb.where('status', '=', status!));
  const [{ total }, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    filtered.select([...columns]).orderBy('created_at').orderBy('event_id').limit(limit).offset(offset).execute(),
  ]);
  return { items: rows.map(toDelivery), total: Number(total) };
}

/**
 * Puts a dead delivery back in the queue, due now with a fresh set of attempts. Only a `dead`
 * one moves (the condition is in the update, so two replays at once move it once).
 */
export async function replayDelivery(db: CouncilDb, eventId: string, now: Date): Promise<{ ok: true; delivery: StaffDelivery } | { ok: false; status?: HandoffStatus }> {
  const [moved] = await db
    .updateTable('handoff_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString(), claimed_until: null })
    .where('event_id', '=', eventId)
    .where('status', '=', 'dead')
    .returning([...columns])
    .execute();
  if (moved) return { ok: true, delivery: toDelivery(moved) };
  const found = await db.selectFrom('handoff_deliveries').select('status').where('event_id', '=', eventId).executeTakeFirst();
  return found ? { ok: false, status: found.status } : { ok: false };
}
