import { integer, object, optional, picklist, reader, string, type Infer } from '../schema/index.js';
import type { Reader } from '../validate.js';
import { paymentStatuses } from './collections.js';

// A module of its own: the element reads a payment only on GOV.UK Pay's return page, and a
// module goes whole into one chunk, so the forms' pages do not carry this reader.

/**
 * `GET /waste/container-requests/{reference}/payment` and `POST` to it (a fresh payment after an
 * unpaid one): the payment's state, its amount in pence, and while it is under way where to pay.
 */
export const paymentState = object({
  reference: string(),
  status: picklist(paymentStatuses),
  /** In pence. */
  amount: integer({ min: 0 }),
  /** GOV.UK Pay's page for this payment, while it is `created`. */
  paymentUrl: optional(string()),
});
export type PaymentState = Infer<typeof paymentState>;

export const readPaymentState: Reader<PaymentState> = reader(paymentState);
