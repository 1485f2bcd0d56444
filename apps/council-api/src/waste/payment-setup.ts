import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { PayClient } from './pay-client.js';
import { whenPaid } from './payable-registry.js';
import type { PaymentDeps } from './payments.js';

/** What taking payment is made from: the app's parts, and GOV.UK Pay's client when configured. */
export interface PaymentSetup {
  db: CouncilDb;
  clock: Clock;
  config: Pick<Config, 'pay' | 'containerPrices' | 'garden' | 'bulkyPayReturnUrl'>;
  logger: Logger;
  pay?: PayClient;
  /** Called in the transaction that records a payment paid (default: the kind's own, payable-registry.ts). */
  onPaid?: PaymentDeps['onPaid'];
}

/**
 * GOV.UK Pay's deps for every payable kind, or undefined when Pay is not configured. One place,
 * so the routes that start a payment (each kind's POST) and the shared payment routes (pay again)
 * send the resident back to the same page: the kind's own return page where the council set one
 * (`GARDEN_PAY_RETURN_URL`, `BULKY_PAY_RETURN_URL`), else `PAY_RETURN_URL`.
 */
export function paymentDepsOf({ db, clock, config, logger, pay, onPaid }: PaymentSetup): PaymentDeps | undefined {
  if (!config.pay || !pay) return undefined;
  const returnUrls: PaymentDeps['returnUrls'] = {
    ...(config.garden.payReturnUrl ? { 'garden-subscription': config.garden.payReturnUrl } : {}),
    ...(config.bulkyPayReturnUrl ? { 'bulky-booking': config.bulkyPayReturnUrl } : {}),
  };
  return { db, clock, pay, payConfig: config.pay, prices: config.containerPrices, logger, onPaid: onPaid ?? whenPaid(clock), returnUrls };
}
