import { array, boolean, date, integer, object, optional, picklist, reader, string, type Infer } from '../schema/index.js';
import type { Reader } from '../validate.js';
import { paymentStatuses } from './collections.js';
import { uprnField, wasteContact } from './requests.js';

/*
 * Bulky waste collections: the council's catalogue of items (configuration, English and
 * Welsh), the dates a property can book with crew capacity left, the booking, and managing it
 * later with the booking's manage token. A module of its own so only `<council-bulky-waste>`
 * carries its readers.
 */

const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A label in English and Welsh. */
const words = object({ en: string(), cy: string() });

/** One item the council collects: its price (pence, per item) and how many slots of a crew's day it uses. */
export const bulkyItem = object({
  id: string({ pattern: ITEM_ID, max: 40, message: 'an id of lower-case letters, digits and single hyphens' }),
  label: words,
  /** In pence, per item. */
  price: integer({ min: 0, max: 100_000, message: 'pence from 0 to 100000' }),
  /** Slots of the crew's day one of these takes (a sofa 2, a chair 1). */
  slots: integer({ min: 1, max: 20, message: 'whole slots from 1 to 20' }),
});
export type BulkyItem = Infer<typeof bulkyItem>;

/** Something the council will not take, and where to take it instead. */
export const refusedItem = object({
  id: string({ pattern: ITEM_ID, max: 40, message: 'an id of lower-case letters, digits and single hyphens' }),
  label: words,
  instead: words,
});
export type RefusedItem = Infer<typeof refusedItem>;

/** Where the resident leaves the items for the crew. */
export const bulkyLocations = ['front-garden', 'driveway', 'kerbside', 'other'] as const;
export type BulkyLocation = (typeof bulkyLocations)[number];

/**
 * `GET /waste/bulky/catalogue`: the council's items and prices (`BULKY_CATALOGUE_FILE`), the
 * items it refuses, the most items one booking may hold, how far ahead it books, and the
 * cut-off for changes: until `cutoffTime` (London) `cutoffWorkingDays` working days before.
 */
export const bulkyCatalogue = object({
  version: string({ pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: 'letters, digits, dots, hyphens or underscores' }),
  items: array(bulkyItem, { min: 1, message: 'at least one item' }),
  refused: array(refusedItem),
  /** Most items (counting quantities) in one booking. */
  maxItems: integer({ min: 1, max: 50, message: 'a whole number from 1 to 50' }),
  /** Slots a crew has per collection day. */
  slotsPerDay: integer({ min: 1, max: 1000, message: 'a whole number from 1 to 1000' }),
  /** How many weeks ahead dates are offered. */
  weeksAhead: integer({ min: 1, max: 12, message: 'a whole number from 1 to 12' }),
  /** Changes and cancellations close this many working days before the collection… */
  cutoffWorkingDays: integer({ min: 0, max: 10, message: 'a whole number from 0 to 10' }),
  /** …at this time (`HH:MM`, Europe/London). */
  cutoffTime: string({ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'time HH:MM' }),
});
export type BulkyCatalogue = Infer<typeof bulkyCatalogue>;
export const readBulkyCatalogue: Reader<BulkyCatalogue> = reader(bulkyCatalogue);

/** `GET /waste/properties/{uprn}/bulky-dates?items=`: dates with room for the items, soonest first. */
export const bulkyDates = object({
  uprn: string(),
  address: string(),
  dates: array(date()),
});
export type BulkyDates = Infer<typeof bulkyDates>;
export const readBulkyDates: Reader<BulkyDates> = reader(bulkyDates);

/** One line of a booking: an item from the catalogue and how many. */
export const bulkyLine = object({
  id: string({ pattern: ITEM_ID, max: 40, message: 'Choose the item from the council’s list' }),
  quantity: integer({ min: 1, max: 50, message: 'Give how many, from 1 to 50' }),
});
export type BulkyLine = Infer<typeof bulkyLine>;

/** `POST /waste/bulky-bookings` (with an `Idempotency-Key`), as `<council-bulky-waste>` sends it. */
export const bulkyBookingRequest = object({
  uprn: uprnField,
  items: array(bulkyLine, { min: 1, max: 50, unique: 'This item is listed twice', message: 'Choose at least one item' }),
  location: picklist(bulkyLocations, { message: () => `Say where the items will be left: ${bulkyLocations.join(', ')}` }),
  /** Where exactly, when `other` (200 characters at most). */
  locationDetail: optional(string({ max: 200, parse: (text) => text.trim() || undefined, message: 'Where the items will be left must be 200 characters or fewer' })),
  collectionDate: date({ message: 'Choose a collection date' }),
  contact: optional(wasteContact, {}),
});
export type BulkyBookingRequest = Infer<typeof bulkyBookingRequest>;

/**
 * `POST /waste/bulky-bookings` answers the reference, the amount (pence) and the manage token
 * (for the confirmation's "change or cancel" link; only this answer ever holds it).
 */
export const bulkyBookingReceipt = object({
  reference: string(),
  amount: integer({ min: 0 }),
  collectionDate: date(),
  manageToken: string(),
  /** Where to pay, when the council takes payment on its own page (https or a path only). */
  paymentUrl: optional(string()),
  /** With GOV.UK Pay: the payment's state. */
  payment: optional(object({ status: picklist(paymentStatuses), amount: integer({ min: 0 }), token: string() })),
});
export type BulkyBookingReceipt = Infer<typeof bulkyBookingReceipt>;
export const readBulkyBookingReceipt: Reader<BulkyBookingReceipt> = reader(bulkyBookingReceipt);

export const bulkyStatuses = ['booked', 'cancelled', 'collected'] as const;
export type BulkyStatus = (typeof bulkyStatuses)[number];

/** `GET`, `PATCH` and `DELETE /waste/bulky-bookings/{reference}` (with the manage token): the booking. */
export const bulkyBooking = object({
  reference: string(),
  status: picklist(bulkyStatuses),
  uprn: string(),
  address: string(),
  collectionDate: date(),
  items: array(object({ id: string(), label: string(), quantity: integer({ min: 1 }) })),
  location: picklist(bulkyLocations),
  locationDetail: optional(string()),
  amount: integer({ min: 0 }),
  /** Until when (an ISO instant) the date can be changed or the booking cancelled. */
  changeUntil: string(),
  /** Whether it can still be changed or cancelled (booked, and before `changeUntil`). */
  changeable: boolean(),
});
export type BulkyBooking = Infer<typeof bulkyBooking>;
export const readBulkyBooking: Reader<BulkyBooking> = reader(bulkyBooking);

/** `PATCH /waste/bulky-bookings/{reference}` (with the manage token): a new collection date. */
export const bulkyChangeRequest = object({ collectionDate: date({ message: 'Choose a new collection date' }) });
export type BulkyChangeRequest = Infer<typeof bulkyChangeRequest>;

/** Problem types only bulky waste sends. */
export const bulkyProblemTypes = {
  /** 409: the date filled up (or its cut-off passed) while the resident was choosing: choose another. */
  dateFull: 'https://council-kit.dev/problems/date-full',
  /** 422: an item the council does not collect; `detail` says where to take it instead. */
  itemRefused: 'https://council-kit.dev/problems/item-refused',
  /** 422: the cut-off for changing or cancelling has passed. */
  changeClosed: 'https://council-kit.dev/problems/change-closed',
  /** 422: the property has no rounds, so no bulky collections (flats with communal bins, businesses). */
  notServed: 'https://council-kit.dev/problems/bulky-not-served',
} as const;
