import type { Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { containerRequestPayable } from './container-payable.js';
import { gardenSubscriptionPayable } from './garden/payable.js';
import { bulkyBookingPayable } from './bulky/payable.js';
import { kindOf, type PayableKind } from './payable-kinds.js';

/**
 * Every kind of submission that can take payment through GOV.UK Pay. A new kind registers by
 * writing a `PayableKind` (its own file: find, collection, whenPaid) and adding it here; its
 * payment routes, its receipt's payment (`withPayment`), the poller and the paid hook then
 * follow with nothing else to change.
 */
export const payableKinds: readonly PayableKind[] = [containerRequestPayable, gardenSubscriptionPayable, bulkyBookingPayable];

/** The registered kind named `kind`. */
export function payableKind(kind: PayableKind['kind']): PayableKind | undefined {
  return payableKinds.find((entry) => entry.kind === kind);
}

/**
 * The `onPaid` hook of GOV.UK Pay (routes and poller): runs the paid submission's kind's
 * `whenPaid`, in the transaction that records the payment paid.
 */
export function whenPaid(clock: Clock, kinds: readonly PayableKind[] = payableKinds): (trx: Transaction<Database>, reference: string) => Promise<void> {
  return async (trx, reference) => {
    const kind = await kindOf(trx, reference);
    const entry = kinds.find((k) => k.kind === kind);
    if (!entry?.whenPaid) return;
    const paid = await trx.selectFrom('payments').select('amount').where('reference', '=', reference).where('status', '=', 'paid').orderBy('attempt', 'desc').executeTakeFirst();
    await entry.whenPaid(trx, reference, { now: clock.now(), amount: paid?.amount ?? 0 });
  };
}
