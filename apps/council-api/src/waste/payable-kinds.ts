import type { Transaction } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import type { Database, SubmissionKind } from '../db/schema.js';
import type { Lang } from '../http/lang.js';
import type { PaymentDeps } from './payments.js';

/*
 * What GOV.UK Pay needs to know of a kind of charged submission. `payments` rows are keyed by
 * `submission_references.reference`, whatever the submission; a kind says how to find one of its
 * submissions that has something to pay (and how much, and what to call it on Pay's page), where
 * its payment routes live, and what to do once it is paid. The kinds are listed once, in
 * `payable-registry.ts`.
 */

/** A submission with something to pay, as far as its payment cares. */
export interface PayableSubmission {
  reference: string;
  /** Pence. 0 means the council has not priced it: no payment is started (logged). */
  amount: number;
  /** What Pay shows the resident, in each language. */
  description: Record<Lang, string>;
}

/** A kind of charged submission that can take payment through GOV.UK Pay. */
export interface PayableKind {
  /** `submission_references.kind` of its submissions. */
  kind: SubmissionKind;
  /**
   * The collection under `/waste/` its submissions are POSTed to: the payment routes are
   * `GET`/`POST /waste/{collection}/{reference}/payment`.
   */
  collection: string;
  /** Its submission `reference`, when there is one with something to pay (otherwise undefined: a 404). */
  find(deps: PaymentDeps, reference: string): Promise<PayableSubmission | undefined>;
  /**
   * Runs in the transaction that records the payment paid (once per payment): e.g. the back-office
   * hand-off, or a renewal's new expiry. `now` is the app clock's; `amount` what was paid.
   */
  whenPaid?(trx: Transaction<Database>, reference: string, paid: { now: Date; amount: number }): Promise<void>;
}

/** The kind `reference` was claimed for (`submission_references`), if any. */
export async function kindOf(db: CouncilDb | Transaction<Database>, reference: string): Promise<SubmissionKind | undefined> {
  const row = await db.selectFrom('submission_references').select('kind').where('reference', '=', reference).executeTakeFirst();
  return row?.kind;
}
