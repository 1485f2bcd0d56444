import { bulkyBookingRequest, bulkyChangeRequest, parseRequest, type BulkyBookingRequest, type BulkyChangeRequest } from '@council-kit/contracts';
import type { Parsed } from '../../http/fields.js';

/** `POST /waste/bulky-bookings`, read with the contract's schema (unknown fields refused, every problem at once). */
export const parseBulkyBooking = (body: unknown): Parsed<BulkyBookingRequest> => parseRequest(bulkyBookingRequest, body);

/** `PATCH /waste/bulky-bookings/{reference}` (with the manage token): a new date. */
export const parseBulkyChange = (body: unknown): Parsed<BulkyChangeRequest> => parseRequest(bulkyChangeRequest, body);

/** `DELETE /waste/bulky-bookings/{reference}`: an empty object (the manage token says who). */
export const parseBulkyCancel = (body: unknown): Parsed<Record<string, never>> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) && !Object.keys(body).length
    ? { ok: true, value: {} }
    : { ok: false, errors: [{ path: '', message: 'Send an empty JSON object: {}' }] };
