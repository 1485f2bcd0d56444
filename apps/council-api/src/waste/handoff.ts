import type { Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { enqueueHandoff } from '../handoff/outbox.js';

/**
 * Queues `container.requested` for the back office, in the caller's transaction: at acceptance
 * for a free request (or a charged one when the council takes payment on its own page, which
 * the API never hears back from), or, with GOV.UK Pay, once the payment is recorded paid.
 */
export async function enqueueContainerRequested(trx: Transaction<Database>, reference: string, now: Date, payment?: { status: 'paid'; amount: number }): Promise<void> {
  const row = await trx
    .selectFrom('container_requests as r')
    .innerJoin('addresses as a', 'a.uprn', 'r.uprn')
    .select(['r.uprn', 'r.container_id', 'r.reason', 'r.charged', 'r.payment_url', 'r.contact_email', 'r.contact_phone', 'a.line1', 'a.line2', 'a.town', 'a.postcode'])
    .where('r.reference', '=', reference)
    .executeTakeFirstOrThrow();
  const data = {
    uprn: row.uprn,
    address: [row.line1, row.line2, row.town, row.postcode].filter(Boolean).join(', '),
    containerId: row.container_id,
    reason: row.reason,
    charged: row.charged === 1,
    paymentUrl: row.payment_url,
    payment: payment ?? null,
    contact: { email: row.contact_email, phone: row.contact_phone },
  };
  await enqueueHandoff(trx, { type: 'container.requested', reference, data }, now);
}

/**
 * A container-requests-only `onPaid` hook: a charged request goes to the back office once paid.
 * The API itself uses `whenPaid` (payable-registry.ts), which runs any payable kind's own.
 */
export function enqueueWhenPaid(clock: Clock): (trx: Transaction<Database>, reference: string) => Promise<void> {
  return async (trx, reference) => {
    const paid = await trx.selectFrom('payments').select('amount').where('reference', '=', reference).where('status', '=', 'paid').orderBy('attempt', 'desc').executeTakeFirst();
    await enqueueContainerRequested(trx, reference, clock.now(), { status: 'paid', amount: paid?.amount ?? 0 });
  };
}
