import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueHandoff } from '../../handoff/outbox.js';
import { addressOf, linesOf } from './booking-row.js';

/**
 * Queues `bulky.booked` for the back office, in the caller's transaction, from the booking as it
 * now stands: at booking when the council takes payment itself (or the collection is free), or,
 * with GOV.UK Pay, once the payment is recorded paid (bulky/payable.ts), so the crews are only
 * sent to collections that are paid for. A date moved before payment is the date sent.
 */
export async function enqueueBulkyBooked(trx: Transaction<Database>, reference: string, now: Date, payment?: { status: 'paid'; amount: number }): Promise<void> {
  const row = await trx
    .selectFrom('bulky_bookings as b')
    .innerJoin('addresses as a', 'a.uprn', 'b.uprn')
    .select(['b.uprn', 'b.round_id', 'b.collection_date', 'b.items', 'b.slots', 'b.amount', 'b.location', 'b.location_detail', 'b.payment_url', 'b.contact_email', 'b.contact_phone', 'b.lang', 'a.line1', 'a.line2', 'a.town', 'a.postcode'])
    .where('b.reference', '=', reference)
    .executeTakeFirstOrThrow();
  const data = {
    uprn: row.uprn,
    address: addressOf(row),
    roundId: row.round_id,
    collectionDate: row.collection_date,
    items: linesOf(row).map((line) => ({ id: line.id, label: line.label.en, quantity: line.quantity, price: line.price })),
    slots: row.slots,
    amount: row.amount,
    location: row.location,
    locationDetail: row.location_detail,
    paymentUrl: row.payment_url,
    payment: payment ?? null,
    contact: { email: row.contact_email, phone: row.contact_phone },
    language: row.lang,
  };
  await enqueueHandoff(trx, { type: 'bulky.booked', reference, data }, now);
}

/**
 * Whether the back office has been told of the booking: always, unless it waits for GOV.UK Pay
 * (charged, Pay configured, no payment recorded paid). A booking it never heard of is moved or
 * cancelled without telling it; once paid, it hears of the booking as it then stands.
 */
export async function handedOff(trx: Transaction<Database>, booking: { reference: string; amount: number }, payConfigured: boolean): Promise<boolean> {
  if (!payConfigured || booking.amount <= 0) return true;
  const paid = await trx.selectFrom('payments').select('reference').where('reference', '=', booking.reference).where('status', '=', 'paid').executeTakeFirst();
  return paid !== undefined;
}
