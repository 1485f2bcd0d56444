import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { HANDOFF_ENVELOPE_VERSION, type HandoffEnvelope, type HandoffEvent } from './events.js';

/**
 * Queues an event for the back office, inside the transaction that stores the submission: it is
 * committed with it (nothing accepted is lost) or rolled back with it (nothing refused is sent).
 * Written whether or not `HANDOFF_WEBHOOK_URL` is set, so a council that configures delivery
 * later still gets everything accepted before. `now` is the app clock's. Returns the event id.
 */
export async function enqueueHandoff(trx: Transaction<Database>, event: HandoffEvent, now: Date): Promise<string> {
  const id = randomUUID();
  const envelope: HandoffEnvelope = {
    id,
    version: HANDOFF_ENVELOPE_VERSION,
    type: event.type,
    occurredAt: now.toISOString(),
    data: { reference: event.reference, ...event.data },
  };
  await trx
    .insertInto('handoff_deliveries')
    .values({
      event_id: id,
      type: event.type,
      reference: event.reference,
      body: JSON.stringify(envelope),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      claimed_until: null,
      last_error: null,
      created_at: now.toISOString(),
      delivered_at: null,
    })
    .execute();
  return id;
}
