/**
 * UK postcode handling shared by the elements and the council API.
 *
 * Residents type postcodes in every shape ("sw1a1aa", " SW1A  1AA "), so we normalise first
 * and validate second, using GOV.UK's pattern. Non-geographic prefixes (British Forces,
 * Girobank, XX test codes) and the Crown Dependencies (which are not UK councils' areas) are
 * rejected because no council can serve them.
 */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$/;
const NOT_SERVED = /^(BF|BX|GIR|XX|GY|JE|IM)/;

/** Trims, upper-cases and puts exactly one space before the inward code. Does not validate. */
export function normalisePostcode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** Why a postcode was refused: empty input, wrong shape, or a real postcode no council serves. */
export type PostcodeProblem = 'empty' | 'invalid' | 'notServed';

/** The normalised postcode, or the reason it cannot be used. */
export type PostcodeResult = { ok: true; postcode: string } | { ok: false; problem: PostcodeProblem };

/** Normalises and validates a UK postcode typed by a resident. */
export function parsePostcode(input: string | null | undefined): PostcodeResult {
  const raw = (input ?? '').trim();
  if (!raw) return { ok: false, problem: 'empty' };
  // Only letters, digits and spaces are tolerated; anything else is a typo or hostile input.
  if (!/^[A-Za-z0-9\s]+$/.test(raw) || raw.length > 12) return { ok: false, problem: 'invalid' };
  const postcode = normalisePostcode(raw);
  if (!POSTCODE.test(postcode)) return { ok: false, problem: 'invalid' };
  if (NOT_SERVED.test(postcode)) return { ok: false, problem: 'notServed' };
  return { ok: true, postcode };
}

/** True when `input` is a usable UK postcode once normalised. */
export function isValidPostcode(input: string | null | undefined): boolean {
  return parsePostcode(input).ok;
}
