import { array, object, optional, picklist, string, type Infer, type StringSchema } from '../schema/index.js';
import { parseEmail } from '../validators/email.js';
import { parseUkMobile, parseUkPhone } from '../validators/phone.js';
import { parsePostcode } from '../validators/postcode.js';
import { uprnField } from '../waste/requests.js';
import { reporters } from './catalogue.js';

/**
 * The repairs request bodies, parsed by the council API with `parseRequest`. Limits that come
 * from the council's catalogue (description length, number of photos) make `repairRequestWith`
 * a function of them; `repairRequest` is built with the limits the OpenAPI document states.
 */

export const contactPreferences = ['text', 'email', 'phone'] as const;
export type ContactPreference = (typeof contactPreferences)[number];

/** Why a resident cancels (`DELETE /repairs/{reference}` body, sent with the manage token). */
export const cancelReasons = ['fixed', 'no-longer-needed', 'reported-by-mistake', 'other'] as const;
export type CancelReason = (typeof cancelReasons)[number];

/** An id from `POST /repairs/photos`. */
export const PHOTO_ID = /^[A-Za-z0-9_-]{22}$/;
/** A slot id from `GET /repairs/slots`. */
export const SLOT_ID = /^[a-z0-9-]{1,80}$/;
const LEAF_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Control characters other than tab and line feed (NUL, escape, DEL…): never part of free text. */
const hasControlCharacters = (text: string): boolean =>
  [...text].some((c) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;
  });

/**
 * Free text a resident typed: trimmed, line breaks as `\n`, 1 to `max` characters (as a person
 * counts them: an emoji is one), no control characters other than line breaks and tabs.
 * `what` names it in messages ("a description of the problem"). `blankIsAbsent`: an empty
 * string counts as not given (for an optional field).
 */
function freeText(what: string, max: number, blankIsAbsent = false): StringSchema {
  const What = `${what[0]!.toUpperCase()}${what.slice(1)}`;
  return string({
    parse: (text) => (blankIsAbsent && text === '' ? undefined : text.trim() ? text.trim().replace(/\r\n?/g, '\n') : null),
    // (Blank is refused by `parse`; `min` says so in JSON Schema where the text is required.)
    min: blankIsAbsent ? undefined : 1,
    max,
    message: (value) => (typeof value == 'string' && value.trim() ? `${What} must be ${max} characters or fewer` : `Enter ${what}`),
    check: (text, issue) => {
      if (hasControlCharacters(text)) issue(`${What} contains characters we cannot accept`);
    },
  });
}

/** A contact detail: checked and normalised when given; an empty string is not given. */
const contactDetail = (parse: (input: string) => string | null, message: string, format?: string) =>
  optional(string({ format, max: 254, parse: (text) => (text === '' ? undefined : text.length <= 254 ? parse(text) : null), message }));

// (Plain constants rather than one object: a property read at load would keep the schemas below in every bundle.)
const MOBILE = 'Enter a UK mobile number, like 07700 900 982';
const EMAIL = 'Enter an email address in the correct format, like name@example.com';
const PHONE = 'Enter a UK phone number, like 01632 960 001 or 07700 900 982';

/**
 * How to contact the resident: the preference, and the detail it needs (a text needs a UK
 * mobile, an email an address, a call a UK number). Other details given are checked and kept
 * for the council.
 */
export const repairContact = object(
  {
    preference: picklist(contactPreferences, { message: 'Choose how we should contact you: by text, email or phone' }),
    mobile: contactDetail(parseUkMobile, MOBILE),
    email: contactDetail(parseEmail, EMAIL, 'email'),
    phone: contactDetail(parseUkPhone, PHONE),
  },
  {
    message: 'Tell us how to contact you',
    check: (contact, issue) => {
      const [needed, message] = ({ text: ['mobile', MOBILE], email: ['email', EMAIL], phone: ['phone', PHONE] } as const)[contact.preference];
      if (!contact[needed]) issue(message, needed);
    },
  },
);

/** The catalogue's limits a repair request is checked against. */
export interface RepairRequestLimits {
  maxDescription: number;
  maxPhotos: number;
}

/**
 * `POST /repairs` (JSON, with an `Idempotency-Key`) against the council's catalogue limits.
 * Photos are uploaded first, one request each (`POST /repairs/photos`, body: the JPEG or PNG
 * bytes), and referred to by the ids returned. Build it once per catalogue, not per request.
 */
/* @__NO_SIDE_EFFECTS__ */
export function repairRequestWith(limits: RepairRequestLimits) {
  return object({
    uprn: uprnField,
    reporter: picklist(reporters, { message: `Say who is reporting: ${reporters.join(' or ')}` }),
    leafId: string({ pattern: LEAF_ID, max: 64, message: 'Choose the repair from the catalogue' }),
    description: freeText('a description of the problem', limits.maxDescription),
    photoIds: optional(
      array(string({ pattern: PHOTO_ID, message: 'This is not a photo id from POST /repairs/photos' }), {
        max: limits.maxPhotos,
        unique: 'This photo is listed twice',
        message: (value) => (Array.isArray(value) ? `Add ${limits.maxPhotos} photos or fewer` : 'photoIds must be a list of photo ids'),
      }),
      [],
    ),
    contact: repairContact,
    /** Absent when the job is not booked online. */
    slotId: optional(string({ pattern: SLOT_ID, message: 'Choose an appointment from the list' })),
  });
}

/** `POST /repairs` with the most the OpenAPI document allows (a council's catalogue may allow less). */
export const repairRequest = repairRequestWith({ maxDescription: 500, maxPhotos: 10 });
export type RepairRequest = Infer<typeof repairRequest>;

/** `PATCH /repairs/{reference}` body (sent with the manage token): move the appointment. */
export const rescheduleRequest = object({ slotId: string({ pattern: SLOT_ID, message: 'Choose a new appointment from the list' }) });
export type RescheduleRequest = Infer<typeof rescheduleRequest>;

/** `DELETE /repairs/{reference}` body (sent with the manage token). */
export const cancelRequest = object({
  reason: picklist(cancelReasons, { message: () => `Say why you are cancelling: ${cancelReasons.join(', ')}` }),
  /** Free text when the reason is `other` (500 characters at most). */
  detail: optional(freeText('the reason', 500, true)),
});
export type CancelRequest = Infer<typeof cancelRequest>;

/** The property's postcode, any case or spacing, normalised (`an11aa` → `AN1 1AA`). */
const repairPostcode = string({
  max: 16,
  parse: (text) => {
    const parsed = parsePostcode(text);
    return parsed.ok ? parsed.postcode : null;
  },
  message: 'Enter the postcode of the property the repair is for',
});

/** A one-time code as Notify sent it: 6 digits (spaces a resident typed are ignored). */
export const MANAGE_CODE = /^[0-9]{6}$/;

/**
 * `POST /repairs/{reference}/code`: send a one-time code to the contact details on the repair,
 * for a resident who has the reference and postcode but not the manage link.
 */
export const manageCodeRequest = object({ postcode: repairPostcode });
export type ManageCodeRequest = Infer<typeof manageCodeRequest>;

/** `POST /repairs/{reference}/token`: exchange the one-time code for a manage token. */
export const manageTokenRequest = object({
  postcode: repairPostcode,
  code: string({ pattern: MANAGE_CODE, parse: (text) => text.replace(/\s+/g, ''), message: 'Enter the 6-digit code we sent you' }),
});
export type ManageTokenRequest = Infer<typeof manageTokenRequest>;
