import type { SubmissionReceipt } from '@council-kit/contracts';
import type { Outcome } from '../http/idempotency.js';
import type { Lang } from '../http/lang.js';
import type { PayableKind } from './payable-kinds.js';
import { containerRequestPayable } from './container-payable.js';
import { receiptPayment, settlePayment, type PaymentDeps } from './payments.js';

/**
 * A charged submission's answer with its payment, when GOV.UK Pay is configured: runs after the
 * submission's transaction has committed (so it stands whatever Pay does), starts the payment
 * the first time, and on a replay for the same `Idempotency-Key` answers the payment as it now
 * is rather than starting another. `paymentUrl` is Pay's page for it while it is under way.
 * `kind` is the submission's payable kind (container requests unless said).
 */
export async function withPayment<T extends SubmissionReceipt>(
  deps: PaymentDeps,
  outcome: Outcome<T>,
  lang: Lang,
  kind: PayableKind = containerRequestPayable,
): Promise<Outcome<T>> {
  if ('problem' in outcome) return outcome;
  const request = await kind.find(deps, outcome.body.reference);
  if (!request) return outcome;
  const { state } = await settlePayment(deps, request, lang, { fresh: false, kind: kind.kind });
  const { paymentUrl: _stored, ...rest } = outcome.body;
  return {
    ...outcome,
    body: { ...rest, ...(state.paymentUrl ? { paymentUrl: state.paymentUrl } : {}), payment: receiptPayment(deps, state) } as T,
  };
}
