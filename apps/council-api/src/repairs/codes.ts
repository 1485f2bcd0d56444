import { type ManageCodeSent, type ManageTokenGrant } from '@council-kit/contracts';
import type { Context } from 'hono';
import type { Clock } from '../clock.js';
import type { CouncilDb } from '../db/database.js';
import type { Lang } from '../http/lang.js';
import type { Logger } from '../logger.js';
import { defaultNotifyTemplates, type Notifier, type NotifyTemplates } from '../notify.js';
import type { Refusal } from './access.js';
import type { GuessLimit } from '../http/guess-limit.js';
import { CODE_ATTEMPTS, CODE_LIFETIME_MS, CODE_RESEND_MS, hashManageCode, manageCodeMatches, maskDestination, randomManageCode } from './manage-code.js';
import { hashManageToken, randomManageToken } from '../http/manage-token.js';
import { repairProblems } from './problems.js';
import { findRepair, isClosed, normaliseReference } from './service.js';

/**
 * Managing a repair without its manage link: the reference and postcode (which anyone in the
 * block may know) ask for a one-time code, sent only to the contact details on the repair; the
 * code, with them, is exchanged once for a manage token. Whoever can read the resident's email
 * or texts can manage the repair, as whoever holds the link can.
 */
export interface CodeDeps {
  db: CouncilDb;
  clock: Clock;
  notifier: Notifier;
  templates: NotifyTemplates;
  logger: Logger;
  /** Makes one-time codes (default: 6 digits from node:crypto); tests may pass a fixed sequence. */
  newManageCode?: () => string;
  /** Makes manage tokens (default: 256 random bits, base64url). */
  newManageToken?: () => string;
}

const tooMany = (limit: number): Refusal => ({ problem: repairProblems.tooManyGuesses(limit), headers: { 'Retry-After': String(limit) } });

/**
 * `POST /repairs/{reference}/code`. A reference and postcode that do not match: the status
 * route's 404, counted as a wrong guess (that route already tells anyone whether they match, so
 * hiding it here would protect nothing; what stays hidden is which of the two was wrong). A
 * closed repair: 422 `repair-closed`. No email or mobile on it: 422 `no-contact-details` (the
 * resident calls). Otherwise a new code replaces any old one and goes by email (when the
 * resident chose email, or gave no mobile) or text, in `lang`; within a minute of the last code, nothing
 * new is sent and the answer is the same, so the route cannot be used to flood a resident.
 */
export async function sendManageCode(
  deps: CodeDeps,
  c: Context,
  limit: GuessLimit,
  referenceInput: string,
  postcode: string,
  lang: Lang,
): Promise<{ body: ManageCodeSent } | Refusal> {
  const wait = await limit.blocked(c, normaliseReference(referenceInput));
  if (wait !== undefined) return tooMany(wait);
  const row = await findRepair(deps.db, referenceInput, postcode);
  if (!row) {
    await limit.failed(c, normaliseReference(referenceInput));
    return { problem: repairProblems.repairNotFound() };
  }
  if (isClosed(row.status)) return { problem: repairProblems.repairClosed(row.status) };
  const byEmail = row.contact_email && (row.contact_preference === 'email' || !row.contact_mobile);
  const channel = byEmail ? 'email' : row.contact_mobile ? 'sms' : undefined;
  const destination = byEmail ? row.contact_email : row.contact_mobile;
  if (!channel || !destination) return { problem: repairProblems.noContactDetails() };
  const sent: ManageCodeSent = { channel, hint: maskDestination(channel, destination) };

  const now = deps.clock.now();
  const last = await deps.db.selectFrom('repair_codes').select('created_at').where('reference', '=', row.reference).executeTakeFirst();
  const age = last ? now.getTime() - Date.parse(last.created_at) : Infinity;
  if (age >= 0 && age < CODE_RESEND_MS) return { body: sent };

  const code = (deps.newManageCode ?? randomManageCode)();
  const values = { code_hash: hashManageCode(row.reference, code), created_at: now.toISOString(), expires_at: new Date(now.getTime() + CODE_LIFETIME_MS).toISOString(), attempts: 0 };
  // An upsert, so two requests at once leave one code (the later) rather than a key conflict.
  await deps.db
    .insertInto('repair_codes')
    .values({ reference: row.reference, ...values })
    .onConflict((oc) => oc.column('reference').doUpdateSet(values))
    .execute();
  const template = (name: 'repairCodeEmail' | 'repairCodeSms') => deps.templates[name] ?? defaultNotifyTemplates[name]!;
  const options = { personalisation: { code, reference: row.reference }, reference: row.reference };
  try {
    // In the language asked for: a Welsh template when the council has one (`.cy`).
    if (channel === 'email') await deps.notifier.sendEmail(template('repairCodeEmail'), destination, options, lang);
    else await deps.notifier.sendSms(template('repairCodeSms'), destination, options, lang);
  } catch (error) {
    // Never the code, the address or the number in the log. The code is withdrawn, so the
    // resident can ask again at once.
    deps.logger.warn('notification failed', { message: 'code', channel, error: error instanceof Error ? error.name : 'unknown' });
    await deps.db.deleteFrom('repair_codes').where('reference', '=', row.reference).execute();
    return { problem: repairProblems.codeNotSent() };
  }
  return { body: sent };
}

/**
 * `POST /repairs/{reference}/token`: a right, unexpired code, used once, for a new manage token
 * (kept beside the report's). Everything else (an unknown reference, a wrong postcode, a wrong,
 * expired, used or worn-out code, a repair closed meanwhile) is one answer, 422
 * `manage-code-not-valid`, counted as a wrong guess. Each try takes one of the code's 5 first
 * (an atomic `attempts < 5` update), so even tries sent all at once check it at most 5 times;
 * the right one deletes it, and only the request whose delete removed the row gets a token.
 */
export async function exchangeManageCode(
  deps: CodeDeps,
  c: Context,
  limit: GuessLimit,
  referenceInput: string,
  request: { postcode: string; code: string },
): Promise<{ body: ManageTokenGrant } | Refusal> {
  const reference = normaliseReference(referenceInput);
  const wait = await limit.blocked(c, reference);
  if (wait !== undefined) return tooMany(wait);
  const row = await findRepair(deps.db, referenceInput, request.postcode);
  const now = deps.clock.now().toISOString();
  let used = false;
  if (row && !isClosed(row.status)) {
    const tried = await deps.db
      .updateTable('repair_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('reference', '=', row.reference)
      .where('attempts', '<', CODE_ATTEMPTS)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (tried.numUpdatedRows > 0n) {
      const stored = await deps.db.selectFrom('repair_codes').select('code_hash').where('reference', '=', row.reference).executeTakeFirst();
      if (stored && manageCodeMatches(row.reference, request.code, stored.code_hash)) {
        const deleted = await deps.db.deleteFrom('repair_codes').where('reference', '=', row.reference).where('code_hash', '=', stored.code_hash).executeTakeFirst();
        used = deleted.numDeletedRows > 0n;
      }
    }
  } else {
    // As long as a wrong code takes, whether or not the repair was found.
    manageCodeMatches(reference ?? '', request.code, '');
  }
  if (!row || !used) {
    await limit.failed(c, reference);
    return { problem: repairProblems.manageCodeNotValid() };
  }
  const manageToken = (deps.newManageToken ?? randomManageToken)();
  await deps.db.insertInto('repair_manage_tokens').values({ token_hash: hashManageToken(manageToken), reference: row.reference, created_at: now }).execute();
  return { body: { reference: row.reference, manageToken } };
}
