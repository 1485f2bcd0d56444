import type { PaymentState } from '@council-kit/contracts';
import { containerRequestsPath } from '../shared/endpoints.js';
import { PaymentReturn, type ReturnContext } from '../shared/payment-return.js';
import { paymentReturnStrings } from './payment-return.i18n.js';

/**
 * A container request's payment on GOV.UK Pay's return page: the shared return page
 * (shared/payment-return.ts) with the container request's words and payment path. One module the
 * element loads on demand, so its first page carries none of it.
 */
export function containerPayment(
  ctx: Omit<ReturnContext, 'collection' | 'strings'>,
  reference: string,
  token: string,
  known?: PaymentState,
): PaymentReturn {
  return new PaymentReturn({ ...ctx, collection: containerRequestsPath, strings: paymentReturnStrings }, reference, token, known);
}
