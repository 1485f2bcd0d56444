import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code a resident without the manage link asks for (`POST /repairs/{reference}/code`):
 * 6 digits from the operating system's CSPRNG (node:crypto's `randomInt`, uniform, never the
 * seeded PRNG in `random.ts`). A million codes is few, so what keeps it safe is not its length
 * but its limits: it works for 15 minutes, once, for 5 tries, and every wrong try also counts
 * against the repair's and the client's wrong guesses (`guess-limit.ts`).
 */

/** How long a code works, in milliseconds. */
export const CODE_LIFETIME_MS = 15 * 60 * 1000;
/** Tries a code allows (right or wrong); the fifth wrong one ends it. */
export const CODE_ATTEMPTS = 5;
/** A new code is not sent within this long of the last one (no flood of texts or emails). */
export const CODE_RESEND_MS = 60 * 1000;

/** A fresh code: 6 digits, leading zeros kept. */
export function randomManageCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * What the database keeps for a code: SHA-256 of the reference and the code. The reference is
 * mixed in so one table of the million codes' hashes does not read every repair's; a leaked
 * row can still be tried offline, but the code in it is dead within 15 minutes.
 */
export function hashManageCode(reference: string, code: string): string {
  return createHash('sha256').update(`${reference}:${code}`, 'utf8').digest('hex');
}

/** Whether `code` is the one stored as `storedHash` for `reference`, in constant time. */
export function manageCodeMatches(reference: string, code: string, storedHash: string): boolean {
  const presented = Buffer.from(hashManageCode(reference, code), 'hex');
  const stored = Buffer.from(/^[0-9a-f]{64}$/.test(storedHash) ? storedHash : '0'.repeat(64), 'hex');
  return timingSafeEqual(presented, stored);
}

/**
 * Where the code went, for the resident to recognise and nobody else to learn from: an email's
 * first letter and its domain's first letter and last label (`j***@e***.com`), a mobile's
 * last 3 digits (`*** 982`). Anyone with the reference and postcode sees this.
 */
export function maskDestination(channel: 'email' | 'sms', destination: string): string {
  if (channel === 'sms') return `*** ${destination.replace(/\D/g, '').slice(-3)}`;
  const [local = '', domain = ''] = destination.split('@');
  const labels = domain.split('.');
  const top = labels.length > 1 ? `.${labels.at(-1)}` : '';
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${top}`;
}
