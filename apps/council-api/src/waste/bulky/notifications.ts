import { weekdayOf } from '@council-kit/contracts';
import { longDate } from '../../http/dates.js';
import type { Lang } from '../../http/lang.js';
import type { BookedLine } from './booking-row.js';

/*
 * The personalisation of the bulky waste messages (GOV.UK Notify templates `bulky-booked-*`,
 * `bulky-changed-*`, `bulky-cancelled-*`), in the language the resident booked in. The fields
 * are listed in the README ("Notify templates").
 */

/** "£35.00" / "£35.00". */
export const pounds = (pence: number): string => `£${(pence / 100).toFixed(2)}`;

/** "2 × Sofa, 1 × Mattress" in the booking's language. */
export const itemsText = (lines: readonly BookedLine[], lang: Lang): string => lines.map((line) => `${line.quantity} × ${line.label[lang]}`).join(', ');

/**
 * reference, address, items, collection_date, amount, change_until (the cut-off, in words),
 * payment_required (yes/no), payment_url, manage_link (empty without `BULKY_MANAGE_URL`).
 */
export function bulkyPersonalisation(
  booking: { reference: string; address: string; lines: readonly BookedLine[]; collectionDate: string; amount: number; changeUntil: Date; paymentUrl: string | null; manageLink: string },
  lang: Lang,
): Record<string, string> {
  const cutoffDay = booking.changeUntil.toISOString().slice(0, 10);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(booking.changeUntil);
  return {
    reference: booking.reference,
    address: booking.address,
    items: itemsText(booking.lines, lang),
    collection_date: longDate(booking.collectionDate, weekdayOf(booking.collectionDate), lang),
    amount: pounds(booking.amount),
    change_until: `${time}, ${longDate(cutoffDay, weekdayOf(cutoffDay), lang)}`,
    payment_required: booking.amount > 0 ? 'yes' : 'no',
    payment_url: booking.paymentUrl ?? '',
    manage_link: booking.manageLink,
  };
}
