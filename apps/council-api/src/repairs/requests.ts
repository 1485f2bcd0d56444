import { cancelReasons, contactPreferences, reporters, type CancelReason, type RepairRequest, type RescheduleRequest, type CancelRequest } from '@council-kit/contracts';
import { parseEmail, parseUkMobile, parseUkPhone } from '@council-kit/core/validators';
import type { FieldError, Parsed } from '../http/fields.js';

/**
 * Request bodies for the repairs routes, checked field by field so the resident hears about
 * every problem at once. Shapes are the contract's (`RepairRequest`, `RescheduleRequest`,
 * `CancelRequest`); limits that come from the council's catalogue (description length,
 * number of photos) are checked here against it.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const notAnObject: Parsed<never> = { ok: false, errors: [{ path: '', message: 'The request body must be a JSON object' }] };

/** Unknown fields are refused; names that are not plain identifiers are never echoed back. */
function unknownFields(body: Json, allowed: readonly string[], prefix = ''): FieldError[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) =>
      /^[A-Za-z0-9_-]{1,40}$/.test(key) ? { path: `${prefix}/${key}`, message: 'This field is not allowed' } : { path: prefix, message: 'A field with an unexpected name is not allowed' },
    );
}

export const PHOTO_ID = /^[A-Za-z0-9_-]{22}$/;
export const SLOT_ID = /^[a-z0-9-]{1,80}$/;
const LEAF_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Characters as a resident counts them (an emoji is one), not UTF-16 code units. */
const characters = (text: string): number => [...text].length;

/** Control characters other than tab and line feed (NUL, escape, DEL…): never part of a description. */
const hasControlCharacters = (text: string): boolean => [...text].some((c) => {
  const code = c.codePointAt(0)!;
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;
});

/** Free text: trimmed, no control characters other than line breaks and tabs. */
function freeText(value: unknown, path: string, max: number, errors: FieldError[], what: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    errors.push({ path, message: `Enter ${what}` });
    return undefined;
  }
  const text = value.trim().replace(/\r\n?/g, '\n');
  if (characters(text) > max) errors.push({ path, message: `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer` });
  else if (hasControlCharacters(text)) errors.push({ path, message: `${what[0]!.toUpperCase()}${what.slice(1)} contains characters we cannot accept` });
  else return text;
  return undefined;
}

export interface Limits {
  maxDescription: number;
  maxPhotos: number;
}

export function parseRepairRequest(body: unknown, limits: Limits): Parsed<RepairRequest> {
  if (!isObject(body)) return notAnObject;
  const errors = unknownFields(body, ['uprn', 'reporter', 'leafId', 'description', 'photoIds', 'contact', 'slotId']);
  if (typeof body.uprn !== 'string' || !/^[0-9]{1,12}$/.test(body.uprn)) errors.push({ path: '/uprn', message: 'Give the property’s UPRN: a string of up to 12 digits' });
  if (!(reporters as readonly unknown[]).includes(body.reporter)) errors.push({ path: '/reporter', message: `Say who is reporting: ${reporters.join(' or ')}` });
  if (typeof body.leafId !== 'string' || !LEAF_ID.test(body.leafId) || body.leafId.length > 64) errors.push({ path: '/leafId', message: 'Choose the repair from the catalogue' });
  const description = freeText(body.description, '/description', limits.maxDescription, errors, 'a description of the problem');

  const photoIds: string[] = [];
  if (body.photoIds !== undefined) {
    if (!Array.isArray(body.photoIds)) errors.push({ path: '/photoIds', message: 'photoIds must be a list of photo ids' });
    else if (body.photoIds.length > limits.maxPhotos) errors.push({ path: '/photoIds', message: `Add ${limits.maxPhotos} photos or fewer` });
    else {
      body.photoIds.forEach((id, i) => {
        if (typeof id !== 'string' || !PHOTO_ID.test(id)) errors.push({ path: `/photoIds/${i}`, message: 'This is not a photo id from POST /repairs/photos' });
        else if (photoIds.includes(id)) errors.push({ path: `/photoIds/${i}`, message: 'This photo is listed twice' });
        else photoIds.push(id);
      });
    }
  }

  const contact = parseContact(body.contact, errors);
  if (body.slotId !== undefined && (typeof body.slotId !== 'string' || !SLOT_ID.test(body.slotId))) errors.push({ path: '/slotId', message: 'Choose an appointment from the list' });
  if (errors.length || !description || !contact) return { ok: false, errors };
  return {
    ok: true,
    value: {
      uprn: body.uprn as string,
      reporter: body.reporter as RepairRequest['reporter'],
      leafId: body.leafId as string,
      description,
      photoIds,
      contact,
      ...(body.slotId !== undefined ? { slotId: body.slotId as string } : {}),
    },
  };
}

/**
 * Contact: the preference, and the detail it needs (a text needs a UK mobile, an email an
 * address, a call a UK number). Other details given are checked and kept for the council.
 */
function parseContact(value: unknown, errors: FieldError[]): RepairRequest['contact'] | undefined {
  if (!isObject(value)) {
    errors.push({ path: '/contact', message: 'Tell us how to contact you' });
    return undefined;
  }
  const before = errors.length;
  errors.push(...unknownFields(value, ['preference', 'mobile', 'email', 'phone'], '/contact'));
  const preference = value.preference;
  if (!(contactPreferences as readonly unknown[]).includes(preference)) {
    errors.push({ path: '/contact/preference', message: 'Choose how we should contact you: by text, email or phone' });
  }
  const contact: RepairRequest['contact'] = { preference: preference as RepairRequest['contact']['preference'] };
  const field = (name: 'mobile' | 'email' | 'phone', parse: (input: string) => string | null, message: string, needed: boolean) => {
    const raw = value[name];
    if (raw === undefined || raw === '') {
      if (needed) errors.push({ path: `/contact/${name}`, message });
      return;
    }
    const parsed = typeof raw === 'string' && raw.length <= 254 ? parse(raw) : null;
    if (parsed) contact[name] = parsed;
    else errors.push({ path: `/contact/${name}`, message });
  };
  field('mobile', parseUkMobile, 'Enter a UK mobile number, like 07700 900 982', preference === 'text');
  field('email', parseEmail, 'Enter an email address in the correct format, like name@example.com', preference === 'email');
  field('phone', parseUkPhone, 'Enter a UK phone number, like 01632 960 001 or 07700 900 982', preference === 'phone');
  return errors.length === before ? contact : undefined;
}

export function parseReschedule(body: unknown): Parsed<RescheduleRequest> {
  if (!isObject(body)) return notAnObject;
  const errors = unknownFields(body, ['slotId']);
  if (typeof body.slotId !== 'string' || !SLOT_ID.test(body.slotId)) errors.push({ path: '/slotId', message: 'Choose a new appointment from the list' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { slotId: body.slotId as string } };
}

export function parseCancel(body: unknown): Parsed<CancelRequest> {
  if (!isObject(body)) return notAnObject;
  const errors = unknownFields(body, ['reason', 'detail']);
  if (!(cancelReasons as readonly unknown[]).includes(body.reason)) errors.push({ path: '/reason', message: `Say why you are cancelling: ${cancelReasons.join(', ')}` });
  let detail: string | undefined;
  if (body.detail !== undefined && body.detail !== '') detail = freeText(body.detail, '/detail', 500, errors, 'the reason');
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { reason: body.reason as CancelReason, ...(detail ? { detail } : {}) } };
}
