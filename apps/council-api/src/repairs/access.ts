import type { Problem, RepairStatusSummary } from '@council-kit/contracts';
import type { Context } from 'hono';
import type { CouncilDb } from '../db/database.js';
import type { GuessLimit } from '../http/guess-limit.js';
import { bearerToken, hashManageToken, manageTokenMatches } from '../http/manage-token.js';
import { repairProblems } from './problems.js';
import { findRepair, isClosed, normaliseReference } from './service.js';

/** Either the repair a request may manage, or the problem to answer (with its headers). */
export type Access = { reference: string } | Refusal;

/** A problem to answer, with its headers. */
export type Refusal = { problem: Problem; headers?: Record<string, string> };

/** Sent with every 401, as RFC 9110 asks: how to authenticate. */
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="council-kit repairs"' };

/**
 * Whether this request may read, move or cancel the repair `referenceInput`: only with its
 * manage token in `Authorization: Bearer <token>` (a reference and postcode prove nothing: a
 * block's neighbours share both the postcode and, once, the communal list's references).
 *
 * - a reference that cannot be one: 404, as for an unknown one (there is nothing to protect);
 * - no Authorization header: 401 `manage-token-required`, saying what to send instead;
 * - too many wrong guesses lately, at this repair or from this client: 429, before checking;
 * - an unknown reference or a wrong token: the same 404 (counted as a wrong guess), so neither
 *   references nor tokens can be probed;
 * - the right token for a closed repair: 403 `manage-link-expired` (only the token's holder can
 *   learn this, and the status route tells anyone the repair is closed anyway).
 */
export async function authoriseManage(c: Context, db: CouncilDb, limit: GuessLimit, referenceInput: string): Promise<Access> {
  const reference = normaliseReference(referenceInput);
  // Nothing can have a malformed reference (e.g. GET /repairs/photos): not found, token or none.
  if (!reference) return { problem: repairProblems.repairNotFound() };
  const token = bearerToken(c.req.header('Authorization'));
  if (token === undefined) return { problem: repairProblems.manageTokenRequired(), headers: CHALLENGE };
  const wait = await limit.blocked(c, reference);
  if (wait !== undefined) return { problem: repairProblems.tooManyGuesses(wait), headers: { 'Retry-After': String(wait) } };
  const row = await db.selectFrom('repairs').select(['reference', 'status', 'manage_token_hash']).where('reference', '=', reference).executeTakeFirst();
  // Compared even when there is no such repair, so an unknown reference takes as long as a wrong token.
  const reportToken = manageTokenMatches(token, row?.manage_token_hash ?? null);
  if (!row || !(reportToken || (await codeTokenMatches(db, row.reference, token)))) {
    await limit.failed(c, reference);
    return { problem: repairProblems.repairNotFound() };
  }
  if (isClosed(row.status)) return { problem: repairProblems.manageLinkExpired(row.status) };
  return { reference: row.reference };
}

/**
 * Whether `token` is one given for a one-time code for this repair (`repair_manage_tokens`,
 * beside the report's own). Found by its SHA-256 in an index: the lookup's timing could only
 * tell how a guess's hash compares with stored hashes, which says nothing about any token.
 */
async function codeTokenMatches(db: CouncilDb, reference: string, token: string): Promise<boolean> {
  if (!token) return false;
  const found = await db.selectFrom('repair_manage_tokens').select('reference').where('token_hash', '=', hashManageToken(token)).where('reference', '=', reference).executeTakeFirst();
  return found !== undefined;
}

/**
 * `GET /repairs/{reference}/status?postcode=`: whether the repair exists at this postcode, and
 * its status. A wrong postcode and an unknown reference are one answer and one wrong guess.
 */
export async function findStatus(c: Context, db: CouncilDb, limit: GuessLimit, referenceInput: string, postcode: string): Promise<{ summary: RepairStatusSummary } | Refusal> {
  const reference = normaliseReference(referenceInput);
  const wait = await limit.blocked(c, reference);
  if (wait !== undefined) return { problem: repairProblems.tooManyGuesses(wait), headers: { 'Retry-After': String(wait) } };
  const row = await findRepair(db, referenceInput, postcode);
  if (!row) {
    await limit.failed(c, reference);
    return { problem: repairProblems.repairNotFound() };
  }
  return { summary: { reference: row.reference, status: row.status } };
}
