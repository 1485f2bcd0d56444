import type { PaymentState } from '@council-kit/contracts';
import { PaymentReturn, type ReturnContext } from '../shared/payment-return.js';
import { bulkyBookingsPath } from './endpoints.js';
import { paymentReturnStrings } from './payment-return.i18n.js';

/**
 * A bulky waste booking's payment on GOV.UK Pay's return page: the shared return page
 * (shared/payment-return.ts) with bulky waste's words and payment path. One module the element
 * loads on demand, so its first page carries none of it.
 */
export function bulkyPayment(ctx: Omit<ReturnContext, 'collection' | 'strings'>, reference: string, token: string, known?: PaymentState): PaymentReturn {
  return new PaymentReturn({ ...ctx, collection: bulkyBookingsPath, strings: paymentReturnStrings }, reference, token, known);
}
