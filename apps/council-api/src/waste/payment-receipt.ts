import type { SubmissionReceipt } from '@council-kit/contracts';
import type { Outcome } from '../http/idempotency.js';
import type { Lang } from '../http/lang.js';
import { chargedRequest, receiptPayment, settlePayment, type PaymentDeps } from './payments.js';

/**
 * A container request's answer with its payment, when the request is charged and GOV.UK Pay is
 * configured: runs after the request's transaction has committed (so the request stands
 * whatever Pay does), starts the payment the first time, and on a replay for the same
 * `Idempotency-Key` answers the payment as it now is rather than starting another. `paymentUrl`
 * is Pay's page for it while it is under way.
 */
export async function withPayment(deps: PaymentDeps, outcome: Outcome<SubmissionReceipt>, lang: Lang): Promise<Outcome<SubmissionReceipt>> {
  if ('problem' in outcome) return outcome;
  const request = await chargedRequest(deps.db, outcome.body.reference);
  if (!request) return outcome;
  const { state } = await settlePayment(deps, request, lang, { fresh: false });
  const { paymentUrl: _stored, ...rest } = outcome.body;
  return {
    ...outcome,
    body: { ...rest, ...(state.paymentUrl ? { paymentUrl: state.paymentUrl } : {}), payment: receiptPayment(deps, state) },
  };
}
