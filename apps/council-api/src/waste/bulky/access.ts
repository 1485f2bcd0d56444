import type { Problem } from '@council-kit/contracts';
import type { Context } from 'hono';
import type { CouncilDb } from '../../db/database.js';
import type { GuessLimit } from '../../http/guess-limit.js';
import { bearerToken, manageTokenMatches } from '../../http/manage-token.js';
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../../http/references.js';
import { bulkyProblems } from './problems.js';

/** Either the booking a request may manage, or the problem to answer (with its headers). */
export type Access = { reference: string } | { problem: Problem; headers?: Record<string, string> };

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="council-kit bulky waste"' };

/** A reference as a resident might type it → `BK7K2M9Q`, or undefined when it cannot be one. */
export function normaliseReference(input: string): string | undefined {
  const reference = input.replace(/[\s-]+/g, '').toUpperCase();
  if (reference.length !== REFERENCE_LENGTH || [...reference].some((c) => !REFERENCE_ALPHABET.includes(c))) return undefined;
  return reference;
}

/**
 * Whether this request may read, change or cancel the booking `referenceInput`, by the rule
 * repairs use: only with its manage token in `Authorization: Bearer <token>`.
 *
 * - a reference that cannot be one: 404, as for an unknown one;
 * - no Authorization header: 401 `manage-token-required`;
 * - too many wrong guesses lately, at this booking or from this client: 429, before checking;
 * - an unknown reference or a wrong token: the same 404 (counted as a wrong guess);
 * - the right token for a cancelled or collected booking: 403 `manage-link-expired`.
 */
export async function authoriseBooking(c: Context, db: CouncilDb, limit: GuessLimit, referenceInput: string): Promise<Access> {
  const reference = normaliseReference(referenceInput);
  if (!reference) return { problem: bulkyProblems.bookingNotFound() };
  const token = bearerToken(c.req.header('Authorization'));
  if (token === undefined) return { problem: bulkyProblems.manageTokenRequired(), headers: CHALLENGE };
  const wait = await limit.blocked(c, reference);
  if (wait !== undefined) return { problem: bulkyProblems.tooManyGuesses(wait), headers: { 'Retry-After': String(wait) } };
  const row = await db.selectFrom('bulky_bookings').select(['reference', 'status', 'cancel_reason', 'manage_token_hash']).where('reference', '=', reference).executeTakeFirst();
  // Compared even when there is no such booking, so an unknown reference takes as long as a wrong token.
  const matches = manageTokenMatches(token, row?.manage_token_hash ?? null);
  if (!row || !matches) {
    await limit.failed(c, reference);
    return { problem: bulkyProblems.bookingNotFound() };
  }
  if (row.status !== 'booked') return { problem: bulkyProblems.manageLinkExpired(row.status, row.cancel_reason) };
  return { reference: row.reference };
}
