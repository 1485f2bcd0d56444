import type { Selectable } from 'kysely';
import { dialectOf, type CouncilDb } from '../db/database.js';
import type { NotifyOutboxTable } from '../db/schema.js';

export type OutboxRow = Selectable<NotifyOutboxTable>;

/**
 * How long a claim holds. Far longer than a send (which gives up after 30 s), so a row is taken
 * over only from an instance that stopped while sending it.
 */
export const leaseMs = 5 * 60_000;

/**
 * Claims up to `limit` due messages for this instance: each becomes `sending` with a lease, and
 * its attempt is counted. One statement, so it is atomic: on PostgreSQL the inner select locks
 * the rows it picks and skips rows another instance is claiming (`for update skip locked`), so
 * two instances never claim one row; on SQLite (one instance) the statement is its own
 * transaction. Due: `pending` and its next attempt time reached, or `sending` with its lease
 * run out (the instance claiming it stopped).
 */
export async function claimDue(db: CouncilDb, now: Date, limit: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  let due = db
    .selectFrom('notify_outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)])]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<=', at)]),
      ]),
    )
    .orderBy('id')
    .limit(limit);
  if (dialectOf(db) === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('notify_outbox')
    .set((eb) => ({ status: 'sending', claimed_until: new Date(now.getTime() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute()
    .then((rows) => rows.sort((a, b) => a.id - b.id));
}
