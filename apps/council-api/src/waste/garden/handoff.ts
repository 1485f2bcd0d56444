import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueHandoff } from '../../handoff/outbox.js';

/**
 * Queues `garden-subscription.requested` for the back office, in the caller's transaction: at
 * acceptance when the council takes payment itself (the back office sends the payment link), or,
 * with GOV.UK Pay, once the payment is recorded paid.
 */
export async function enqueueGardenRequested(trx: Transaction<Database>, reference: string, now: Date, payment?: { status: 'paid'; amount: number }): Promise<void> {
  const row = await trx
    .selectFrom('garden_subscriptions as g')
    .innerJoin('addresses as a', 'a.uprn', 'g.uprn')
    .select(['g.uprn', 'g.bins', 'g.concession', 'g.renewal', 'g.amount', 'g.starts_on', 'g.expires_on', 'g.collections_start', 'g.contact_email', 'g.contact_phone', 'g.lang', 'a.line1', 'a.line2', 'a.town', 'a.postcode'])
    .where('g.reference', '=', reference)
    .executeTakeFirstOrThrow();
  const data = {
    uprn: row.uprn,
    address: [row.line1, row.line2, row.town, row.postcode].filter(Boolean).join(', '),
    bins: row.bins,
    concession: row.concession === 1,
    renewal: row.renewal === 1,
    amount: row.amount,
    starts: row.starts_on,
    expires: row.expires_on,
    collectionsStart: row.collections_start,
    payment: payment ?? null,
    contact: { email: row.contact_email, phone: row.contact_phone },
    language: row.lang,
  };
  await enqueueHandoff(trx, { type: 'garden-subscription.requested', reference, data }, now);
}
