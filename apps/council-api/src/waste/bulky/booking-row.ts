import type { BulkyBooking, BulkyCatalogue } from '@council-kit/contracts';
import type { Selectable } from 'kysely';
import type { BulkyBookingsTable } from '../../db/schema.js';
import type { Lang } from '../../http/lang.js';
import { changeUntil } from './calendar.js';

/** One line of a booking as stored: the catalogue's item as it was, and how many. */
export interface BookedLine {
  id: string;
  label: { en: string; cy: string };
  price: number;
  slots: number;
  quantity: number;
}

/** A stored booking with its property's address. */
export type BookingRow = Selectable<BulkyBookingsTable> & { line1: string; line2: string | null; town: string; postcode: string };

export const addressOf = (row: { line1: string; line2: string | null; town: string; postcode: string }): string =>
  [row.line1, row.line2, row.town, row.postcode].filter(Boolean).join(', ');

export const linesOf = (row: Pick<BulkyBookingsTable, 'items'>): BookedLine[] => JSON.parse(row.items) as BookedLine[];

/** A stored booking in the contract's shape, labels in `lang`; `now` decides whether it can still change. */
export function toBooking(row: BookingRow, catalogue: BulkyCatalogue, now: Date, lang: Lang): BulkyBooking {
  const until = changeUntil(row.collection_date, catalogue);
  return {
    reference: row.reference,
    status: row.status,
    uprn: row.uprn,
    address: addressOf(row),
    collectionDate: row.collection_date,
    items: linesOf(row).map((line) => ({ id: line.id, label: line.label[lang], quantity: line.quantity })),
    location: row.location,
    ...(row.location_detail ? { locationDetail: row.location_detail } : {}),
    amount: row.amount,
    changeUntil: until.toISOString(),
    changeable: row.status === 'booked' && now < until,
  };
}
