/**
 * UK phone numbers as residents type them: spaces, brackets, dashes, a +44 or 0044 prefix.
 * Normalised to the national format starting 0, which text-message services and staff both use.
 */
export function parseUkPhone(input: string | null | undefined): string | null {
  let digits = (input ?? '').replace(/[\s()\-.]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  // UK numbers are 10 or 11 digits including the leading 0 (a few old areas use 10).
  if (!/^0\d{9,10}$/.test(digits)) return null;
  return digits;
}

/** A UK mobile (07…), the only kind that can receive a text message. */
export function parseUkMobile(input: string | null | undefined): string | null {
  const phone = parseUkPhone(input);
  return phone && /^07\d{9}$/.test(phone) && !phone.startsWith('076') ? phone : null;
}
