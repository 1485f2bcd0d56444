import { array, boolean, date, integer, object, optional, picklist, reader, string, type Infer } from '../schema/index.js';
import type { Reader } from '../validate.js';
import { paymentStatuses, subscriptionStatuses } from './collections.js';
import { uprnField, wasteContact } from './requests.js';

// A module of its own, so only `<council-garden-waste>` carries these readers.

/** How a late starter pays: the whole year whenever they join, or only the months left. */
export const gardenProRataRules = ['none', 'monthly'] as const;
export type GardenProRataRule = (typeof gardenProRataRules)[number];

/**
 * The council's garden waste terms, in the language asked for (`?lang=`): the price per bin
 * (pence), any concession (a question the resident answers, with who qualifies), the most bins
 * a property can have, the subscription year and the pro-rata rule, what arrives before the
 * first collection (stickers or tags), and the cancellation and refund rules (shown, not done
 * online).
 */
export const gardenTerms = object({
  pricePerBin: integer({ min: 0 }),
  maxBins: integer({ min: 1, max: 20 }),
  concession: optional(
    object({
      /** The question, e.g. "Does anyone in your household get Pension Credit or Council Tax Reduction?" */
      question: string(),
      /** What it gives, e.g. "Half price". */
      description: string(),
    }),
  ),
  /** The subscription year as `MM-DD` it starts on (`04-01`: 1 April to 31 March). */
  yearStart: string({ pattern: /^\d\d-\d\d$/ }),
  proRata: picklist(gardenProRataRules),
  /** What the resident gets to show they have paid (e.g. "a sticker for each bin, posted to you"). */
  stickers: string(),
  /** The cancellation and refund rules, in the council's words. */
  cancellation: string(),
});
export type GardenTerms = Infer<typeof gardenTerms>;

/** What N bins cost today, the server's sum (the element never does money math of its own). */
export const gardenPrice = object({
  bins: integer({ min: 1 }),
  /** Pence, without the concession. */
  amount: integer({ min: 0 }),
  /** Pence, with it (when the council has one). */
  concessionAmount: optional(integer({ min: 0 })),
});
export type GardenPrice = Infer<typeof gardenPrice>;

/**
 * `GET /waste/properties/{uprn}/garden`: whether the property can have garden waste, its
 * subscription (and until when), and, when it can subscribe or renew now, what the period would
 * be and what each number of bins would cost today. `canSubscribe: false` with `eligible: true`
 * means an active subscription not yet due for renewal (`renewFrom` says when).
 */
export const gardenOffer = object({
  uprn: string(),
  address: string(),
  eligible: boolean(),
  subscription: optional(object({ status: picklist(subscriptionStatuses), bins: optional(integer({ min: 1 })), expires: optional(date()) })),
  canSubscribe: boolean(),
  /** True when paying now extends the current subscription (from the day after it ends). */
  renewal: boolean(),
  /** When renewal opens, for an active subscription not yet due. */
  renewFrom: optional(date()),
  /** The period paid for now: from `starts` (today for a new subscriber) to `expires`. */
  starts: optional(date()),
  expires: optional(date()),
  /** The first garden collection of the period. */
  collectionsStart: optional(date()),
  /** The share of a year charged (months left of 12 under `monthly`), for the words only. */
  months: optional(integer({ min: 1, max: 12 })),
  prices: array(gardenPrice),
  terms: gardenTerms,
});
export type GardenOffer = Infer<typeof gardenOffer>;

export const readGardenOffer: Reader<GardenOffer> = reader(gardenOffer);

/** `POST /waste/garden-subscriptions`, as `<council-garden-waste>` sends it. */
export const gardenSubscriptionRequest = object({
  uprn: uprnField,
  bins: integer({ min: 1, max: 20, message: 'Choose how many garden waste bins, from 1 to 20' }),
  /** The resident's answer to the concession question (false when the council has none). */
  concession: optional(boolean({ message: 'concession must be true or false' }), false),
  contact: optional(wasteContact, {}),
});
export type GardenSubscriptionRequest = Infer<typeof gardenSubscriptionRequest>;

/**
 * The answer to `POST /waste/garden-subscriptions`: the reference, the amount (pence), the
 * period and when collections start; with GOV.UK Pay the payment (as a container request's);
 * without, `paymentUrl` is where the council takes payment (or absent: "you will be sent a link").
 */
export const gardenReceipt = object({
  reference: string(),
  amount: integer({ min: 0 }),
  renewal: boolean(),
  starts: date(),
  expires: date(),
  collectionsStart: optional(date()),
  paymentUrl: optional(string()),
  payment: optional(object({ status: picklist(paymentStatuses), amount: integer({ min: 0 }), token: string() })),
});
export type GardenReceipt = Infer<typeof gardenReceipt>;

export const readGardenReceipt: Reader<GardenReceipt> = reader(gardenReceipt);
