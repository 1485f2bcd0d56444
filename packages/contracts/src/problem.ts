import { array, integer, object, optional, reader, string, type Infer } from './schema/index.js';
import type { Reader } from './validate.js';

/**
 * RFC 9457 problem details. Every council API error uses one, with a stable `type` per error
 * so an element can choose its message without parsing prose.
 */
export const problem = object({
  type: string({ format: 'uri' }),
  title: string(),
  status: integer(),
  detail: optional(string()),
  instance: optional(string()),
  /** Per-field problems for 400 responses, keyed by a JSON pointer into the request (`/contact/email`). */
  errors: optional(array(object({ path: string(), message: string() }))),
});
export type Problem = Infer<typeof problem>;

export const readProblem: Reader<Problem> = reader(problem);

/** The stable problem `type` URIs the council API uses. */
export const problemTypes = {
  invalidPostcode: 'https://council-kit.dev/problems/invalid-postcode',
  validation: 'https://council-kit.dev/problems/validation',
  notFound: 'https://council-kit.dev/problems/not-found',
  rateLimited: 'https://council-kit.dev/problems/rate-limited',
  payloadTooLarge: 'https://council-kit.dev/problems/payload-too-large',
  unsupportedMediaType: 'https://council-kit.dev/problems/unsupported-media-type',
  forbiddenOrigin: 'https://council-kit.dev/problems/forbidden-origin',
  /** 422: a missed collection reported outside its report window. */
  reportWindowClosed: 'https://council-kit.dev/problems/report-window-closed',
  /** 422: a charged service (garden waste) without an active subscription. */
  subscriptionRequired: 'https://council-kit.dev/problems/subscription-required',
  /** 422: garden waste is not collected from this property, so it cannot be subscribed to. */
  gardenNotAvailable: 'https://council-kit.dev/problems/garden-not-available',
  /** 422: an active garden waste subscription whose renewal has not opened yet. */
  gardenAlreadySubscribed: 'https://council-kit.dev/problems/garden-already-subscribed',
  /** 422: an `Idempotency-Key` sent again with a different body. */
  idempotencyKeyReused: 'https://council-kit.dev/problems/idempotency-key-reused',
  /** 422: repairs are reported online only for council-owned homes. */
  notCouncilProperty: 'https://council-kit.dev/problems/not-council-property',
  /** 422: the chosen repair is not one this reporter (e.g. a leaseholder) can report. */
  notEligible: 'https://council-kit.dev/problems/not-eligible',
  /** 409: someone else booked the slot first; choose another. */
  slotTaken: 'https://council-kit.dev/problems/slot-taken',
  /** 422: a cancelled or completed repair cannot be moved or cancelled. */
  repairClosed: 'https://council-kit.dev/problems/repair-closed',
  /** 401: reading, moving or cancelling a repair needs its manage token (`Authorization: Bearer <token>`). */
  manageTokenRequired: 'https://council-kit.dev/problems/manage-token-required',
  /** 403: the repair is closed (completed or cancelled), so its manage token no longer works. */
  manageLinkExpired: 'https://council-kit.dev/problems/manage-link-expired',
  /**
   * 422: a one-time code that does not work: wrong, expired, used, or asked for too many times;
   * or a reference and postcode that do not match. One answer, whichever part was wrong.
   */
  manageCodeNotValid: 'https://council-kit.dev/problems/manage-code-not-valid',
  /** 422: the repair has no email address or mobile to send a one-time code to: call the council. */
  noContactDetails: 'https://council-kit.dev/problems/no-contact-details',
  internal: 'https://council-kit.dev/problems/internal',
} as const;
