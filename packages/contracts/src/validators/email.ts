// Deliberately permissive: one @, something either side, a dot in the domain, no spaces.
// Stricter patterns reject real addresses; the confirmation email is the true check.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Normalised email (trimmed), or `null` when it is not a plausible address. */
export function parseEmail(input: string | null | undefined): string | null {
  const value = (input ?? '').trim();
  return value.length <= 254 && EMAIL.test(value) ? value : null;
}
