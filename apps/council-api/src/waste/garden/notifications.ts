import { weekdayOf } from '@council-kit/contracts';
import { longDate } from '../../http/dates.js';
import type { Lang } from '../../http/lang.js';

/*
 * The personalisation of the garden waste confirmation (GOV.UK Notify templates
 * `garden-subscription-email` / `-sms`), in the language of the form. The fields are listed in
 * the README ("Notify templates").
 */

/** What the confirmation says of a subscription. */
export interface GardenConfirmation {
  reference: string;
  address: string;
  bins: number;
  amount: number;
  renewal: boolean;
  starts: string;
  expires: string;
  collectionsStart?: string;
  /** With GOV.UK Pay the resident pays on the spot; without, the council sends a payment link. */
  payNow: boolean;
  stickers: string;
}

const money = (pence: number, lang: Lang) => new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
const day = (iso: string, lang: Lang) => longDate(iso, weekdayOf(iso), lang);

/**
 * `garden-subscription-*`: reference, address, bins, amount ("£45.00"), renewal (yes/no),
 * starts, expires, collections_start, payment_link_to_follow (yes/no: a template condition), stickers.
 */
export function gardenSubscriptionPersonalisation(c: GardenConfirmation, lang: Lang): Record<string, string> {
  return {
    reference: c.reference,
    address: c.address,
    bins: String(c.bins),
    amount: money(c.amount, lang),
    renewal: c.renewal ? 'yes' : 'no',
    starts: day(c.starts, lang),
    expires: day(c.expires, lang),
    collections_start: c.collectionsStart ? day(c.collectionsStart, lang) : '',
    payment_link_to_follow: c.payNow || !c.amount ? 'no' : 'yes',
    stickers: c.stickers,
  };
}
