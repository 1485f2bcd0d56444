import { weekdayOf } from '@council-kit/contracts';
import { enqueueHandoff } from '../../handoff/outbox.js';
import { longDate } from '../../http/dates.js';
import type { PayableKind } from '../payable-kinds.js';
import { enqueueBulkyBooked } from './handoff.js';

/**
 * Bulky waste bookings as a payable kind: the amount was fixed when the resident booked (stored
 * with the booking, from the catalogue as it was then). A cancelled booking has nothing to pay.
 * Once paid, the booking goes to the back office; a booking cancelled while its payment was
 * still on Pay's page goes too, followed by its cancellation, so the council can refund it.
 */
export const bulkyBookingPayable: PayableKind = {
  kind: 'bulky-booking',
  collection: 'bulky-bookings',
  async find(deps, reference) {
    const row = await deps.db
      .selectFrom('bulky_bookings')
      .select(['reference', 'amount', 'collection_date'])
      .where('reference', '=', reference)
      .where('amount', '>', 0)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (!row) return undefined;
    const day = weekdayOf(row.collection_date);
    return {
      reference,
      amount: row.amount,
      description: {
        en: `Bulky waste collection ${reference}: ${longDate(row.collection_date, day, 'en')}`,
        cy: `Casgliad gwastraff swmpus ${reference}: ${longDate(row.collection_date, day, 'cy')}`,
      },
    };
  },
  async whenPaid(trx, reference, { now, amount }) {
    await enqueueBulkyBooked(trx, reference, now, { status: 'paid', amount });
    const row = await trx.selectFrom('bulky_bookings').select(['status', 'collection_date', 'amount']).where('reference', '=', reference).executeTakeFirstOrThrow();
    if (row.status === 'cancelled') await enqueueHandoff(trx, { type: 'bulky.cancelled', reference, data: { collectionDate: row.collection_date, amount: row.amount } }, now);
  },
};
