import type { PaymentState } from '@council-kit/contracts';
import { gardenSubscriptionsPath } from '../shared/endpoints.js';
import { PaymentReturn, type ReturnContext } from '../shared/payment-return.js';
import { paymentReturnStrings } from './payment-return.i18n.js';

/**
 * A garden waste subscription's payment on GOV.UK Pay's return page: the shared return page
 * (shared/payment-return.ts) with garden waste's words and payment path. One module the element
 * loads on demand, so its first page carries none of it.
 */
export function gardenPayment(ctx: Omit<ReturnContext, 'collection' | 'strings'>, reference: string, token: string, known?: PaymentState): PaymentReturn {
  return new PaymentReturn({ ...ctx, collection: gardenSubscriptionsPath, strings: paymentReturnStrings }, reference, token, known);
}
