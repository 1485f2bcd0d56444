import type { PaymentState, PaymentStatus } from '@council-kit/contracts';
import type { Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { ContainerPrices, PayConfig } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import type { Database, PaymentsTable, PaymentStatusColumn, SubmissionKind } from '../db/schema.js';
import { isUniqueViolation } from '../http/idempotency.js';
import type { Lang } from '../http/lang.js';
import type { Logger } from '../logger.js';
import type { PayableSubmission } from './payable-kinds.js';
import { PayError, type PayClient, type PayPayment } from './pay-client.js';
import { paymentToken } from './payment-token.js';

/*
 * Taking payment for a charged submission (any registered `PayableKind`: container requests
 * first) through GOV.UK Pay. The submission is stored
 * first (its own transaction); the payment is created after, so Pay being slow or down never
 * loses a request: the resident is told payment could not be started and can try again. Each
 * attempt is a row of `payments`; a new one is made only when there is none or the last
 * finished unpaid, and the attempt number is unique per request, so two tries at once cannot
 * both start a payment (no double charge). What Pay says is recorded from the page the resident
 * comes back to, and by the poller for those who never come back.
 */

/** What taking payment needs. */
export interface PaymentDeps {
  db: CouncilDb;
  clock: Clock;
  pay: PayClient;
  payConfig: PayConfig;
  /** `CONTAINER_PRICES`: what a charged container request costs. */
  prices: ContainerPrices;
  logger: Logger;
  /**
   * Where Pay sends the resident back, by kind (the page with that kind's form); a kind not
   * listed uses `PAY_RETURN_URL`.
   */
  returnUrls?: Partial<Record<SubmissionKind, string>>;
  /**
   * Called in the transaction that records a payment as paid: the submission can now go to the
   * back office (only paid ones do). `whenPaid` in payable-registry.ts runs the kind's own.
   */
  onPaid?: (trx: Transaction<Database>, reference: string) => Promise<void>;
}

type PaymentRow = PaymentsTable;

/** What asking Pay about a payment needs (the poller has no more). */
export type CheckDeps = Pick<PaymentDeps, 'db' | 'clock' | 'pay' | 'onPaid'> & { logger?: Logger };

/** The request's latest payment attempt. */
async function latestPayment(db: CouncilDb, reference: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('reference', '=', reference).orderBy('attempt', 'desc').limit(1).executeTakeFirst();
}

/** Pay's state in the API's words. Unfinished states stay `created`. */
export function recordedStatus(payment: PayPayment): PaymentStatusColumn {
  switch (payment.status) {
    case 'success':
      return 'paid';
    case 'failed':
      // P0030: the resident chose "Cancel payment" on Pay's page.
      return payment.code === 'P0030' ? 'cancelled' : 'failed';
    case 'cancelled':
      return 'cancelled';
    case 'error':
      return 'error';
    default:
      return 'created';
  }
}

/** A row as the contract says it: an attempt Pay never answered is `not-started`. */
export function paymentView(row: PaymentRow | undefined, reference: string, amount: number): PaymentState {
  if (!row) return { reference, status: 'not-started', amount };
  const status: PaymentStatus = row.status === 'error' && !row.pay_payment_id ? 'not-started' : row.status;
  return { reference, status, amount: row.amount, ...(status === 'created' && row.next_url ? { paymentUrl: row.next_url } : {}) };
}

/** The token and state a charged request's receipt carries. */
export function receiptPayment(deps: PaymentDeps, state: PaymentState): { status: PaymentStatus; amount: number; token: string } {
  return { status: state.status, amount: state.amount, token: paymentToken(deps.payConfig.apiKey, state.reference) };
}

/** When to next ask Pay about an unfinished payment: five minutes, then backing off (doubling). */
export const FIRST_CHECK_MS = 5 * 60_000;
/** Pay ends a payment session after 90 minutes; after this the poller stops asking. */
export const GIVE_UP_MS = 90 * 60_000 + 30 * 60_000;

/**
 * Asks Pay about an unfinished payment and records what it says (only a `created` row changes,
 * so two checks at once record it once). Pay unreachable: the row stays as it was, checked.
 * Answers the row as it now is.
 */
export async function refreshPayment(deps: CheckDeps, row: PaymentRow): Promise<PaymentRow> {
  if (row.status !== 'created' || !row.pay_payment_id) return row;
  const now = deps.clock.now();
  let payment: PayPayment;
  try {
    payment = await deps.pay.get(row.pay_payment_id);
  } catch (error) {
    deps.logger?.warn('payment check failed', { error: error instanceof PayError ? error.message : 'unknown' });
    return row;
  }
  const status = recordedStatus(payment);
  const checked = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('payments')
      .set({
        status,
        pay_code: payment.code ?? null,
        checked_at: checked,
        ...(status === 'created' ? {} : { updated_at: checked, next_url: null }),
      })
      .where('reference', '=', row.reference)
      .where('attempt', '=', row.attempt)
      .where('status', '=', 'created')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) && status === 'paid') await deps.onPaid?.(trx, row.reference);
    return (await trx.selectFrom('payments').selectAll().where('reference', '=', row.reference).where('attempt', '=', row.attempt).executeTakeFirstOrThrow());
  });
}

/**
 * The request's payment as it stands, asking Pay first when it is unfinished; with `fresh`, a
 * new payment when there is none or the last finished unpaid. Never a second live payment.
 */
export async function settlePayment(
  deps: PaymentDeps,
  request: PayableSubmission,
  lang: Lang,
  { fresh, kind }: { fresh: boolean; kind?: SubmissionKind },
): Promise<{ state: PaymentState; created: boolean }> {
  const { amount } = request;
  let latest = await latestPayment(deps.db, request.reference);
  if (latest) latest = await refreshPayment(deps, latest);
  const unpaidAndFinished = latest && latest.status !== 'created' && latest.status !== 'paid';
  if (latest && !(fresh && unpaidAndFinished)) return { state: paymentView(latest, request.reference, amount), created: false };
  if (!amount) {
    deps.logger.warn('no price for a charged submission', { kind: kind ?? 'unknown' });
    return { state: paymentView(undefined, request.reference, 0), created: false };
  }
  const returnBase = (kind && deps.returnUrls?.[kind]) ?? deps.payConfig.returnUrl;
  return startPayment(deps, request, (latest?.attempt ?? 0) + 1, lang, returnBase);
}

/** Claims attempt `attempt` (a unique row), then asks Pay for the payment. */
async function startPayment(deps: PaymentDeps, request: PayableSubmission, attempt: number, lang: Lang, returnBase: string): Promise<{ state: PaymentState; created: boolean }> {
  const now = deps.clock.now().toISOString();
  const { reference, amount } = request;
  try {
    await deps.db
      .insertInto('payments')
      .values({ reference, attempt, amount, status: 'created', pay_payment_id: null, next_url: null, pay_code: null, created_at: now, updated_at: now, checked_at: null })
      .execute();
  } catch (error) {
    // Another try claimed this attempt first: answer its payment rather than start a second.
    if (isUniqueViolation(error)) return { state: paymentView(await latestPayment(deps.db, reference), reference, amount), created: false };
    throw error;
  }
  const returnUrl = `${returnBase}?payment=${reference}&token=${paymentToken(deps.payConfig.apiKey, reference)}`;
  let set: Partial<PaymentRow>;
  try {
    const payment = await deps.pay.create(
      {
        amount,
        reference,
        description: request.description[lang],
        returnUrl,
        language: lang,
      },
      `${reference}-${attempt}`,
    );
    const status = recordedStatus(payment);
    set = { pay_payment_id: payment.paymentId, next_url: status === 'created' ? (payment.nextUrl ?? null) : null, status, pay_code: payment.code ?? null };
  } catch (error) {
    // Not started: the request stands, and the resident can try again (this attempt is finished).
    deps.logger.warn('payment could not be started', { error: error instanceof PayError ? error.message : 'unknown' });
    set = { status: 'error' };
  }
  const updated = deps.clock.now().toISOString();
  await deps.db.updateTable('payments').set({ ...set, updated_at: updated }).where('reference', '=', reference).where('attempt', '=', attempt).execute();
  const row = await latestPayment(deps.db, reference);
  return { state: paymentView(row, reference, amount), created: set.status === 'created' };
}
