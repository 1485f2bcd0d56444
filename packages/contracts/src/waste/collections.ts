import { array, boolean, date, integer, object, optional, picklist, reader, string, type Infer } from '../schema/index.js';
import type { Reader } from '../validate.js';

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

/** What a service is collected in (the council API sends only these). */
export const containerTypes = ['wheelie-bin', 'caddy', 'box', 'sack', 'bag', 'communal-bin'] as const;
export type ContainerType = (typeof containerTypes)[number];

/** Container and lid colours the elements can name in English and Welsh; `unknown` when a feed does not say. */
export const containerColours = ['black', 'blue', 'green', 'brown', 'grey', 'purple', 'red', 'white', 'yellow', 'unknown'] as const;
export type ContainerColour = (typeof containerColours)[number];

/** Where today's collection has got to, when today is a collection day and the crews' system says. */
export const todayStates = ['scheduled', 'in_progress', 'collected', 'not_collected'] as const;
export type TodayState = (typeof todayStates)[number];

export const subscriptionStatuses = ['active', 'expired', 'none'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** How often a service comes, for "Every other Tuesday". Absent when there is no pattern. */
export const frequency = object({ everyWeeks: integer({ min: 1 }), day: picklist(weekdays) });
export type Frequency = Infer<typeof frequency>;

const reportMissed = object({
  open: boolean(),
  /** The last day a report is accepted. */
  until: optional(date()),
});

/** One waste service at a property (rubbish, recycling, food, garden…). */
export const wasteService = object({
  /** Stable service id, e.g. `refuse`, `recycling`, `food`, `garden`. */
  id: string(),
  /** The council's name for the service, in the language requested. */
  name: string(),
  /**
   * `type` is one of `containerTypes` and `colour` (and `lidColour`) usually one of
   * `containerColours`, but the elements show any text they are given (the words come from the
   * element's strings where it has them), so a reader does not refuse others.
   */
  container: object({ type: string(), colour: string(), lidColour: optional(string()) }),
  /** Absent when the service has no regular pattern. */
  frequency: optional(frequency),
  /** Absent when no collection is scheduled in the range. */
  nextCollection: optional(date()),
  previousCollection: optional(date()),
  /** Collection dates in the requested range, soonest first (includes `nextCollection`). */
  upcoming: array(date()),
  changedDates: optional(array(object({ was: date(), now: date(), reason: string() }))),
  todayState: optional(picklist(todayStates)),
  /** Whether a missed collection can be reported now, and until when. */
  reportMissed,
  /** For charged services such as garden waste. */
  subscription: optional(object({ status: picklist(subscriptionStatuses), renewUrl: optional(string()) })),
});
export type WasteService = Infer<typeof wasteService>;

/** `GET /waste/properties/{uprn}/collections?from=&to=` */
export const collectionsResult = object({
  uprn: string(),
  address: string(),
  services: array(wasteService),
});
export type CollectionsResult = Infer<typeof collectionsResult>;

export const readWasteService: Reader<WasteService> = reader(wasteService);
export const readCollectionsResult: Reader<CollectionsResult> = reader(collectionsResult);

/**
 * What became of a charged container request's payment through GOV.UK Pay: `not-started` (Pay
 * could not be reached: try again), `created` (under way, or the resident has not finished),
 * `paid`, `failed` (declined or expired), `cancelled` (by the resident), `error` (Pay's own).
 */
export const paymentStatuses = ['not-started', 'created', 'paid', 'failed', 'cancelled', 'error'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** `POST /waste/missed-collections` and `POST /waste/container-requests` answer with a reference. */
export const submissionReceipt = object({
  reference: string(),
  /** True when the same report was already received (the resident is told kindly, nothing is stored twice). */
  duplicate: optional(boolean()),
  /** Where to pay, when the council charges (the element never takes payment itself, and follows only https or a path). */
  paymentUrl: optional(string()),
  /**
   * With GOV.UK Pay: the payment's state and amount (pence), and the token that reads it and
   * starts a fresh one (`Authorization: Bearer`); GOV.UK Pay's return link carries it too.
   */
  payment: optional(object({ status: picklist(paymentStatuses), amount: integer({ min: 0 }), token: string() })),
});
export type SubmissionReceipt = Infer<typeof submissionReceipt>;

export const readSubmissionReceipt: Reader<SubmissionReceipt> = reader(submissionReceipt);

/** The parts of a collections response the missed-collection report needs. */
export type ReportableService = Pick<WasteService, 'id' | 'name' | 'previousCollection' | 'nextCollection' | 'todayState' | 'reportMissed'>;

/**
 * Only what the missed-collection report renders, so that element does not carry the whole
 * collections reader: validate what you use.
 */
export const reportableServices = object({
  uprn: string(),
  address: string(),
  services: array(
    object({
      id: string(),
      name: string(),
      previousCollection: optional(date()),
      nextCollection: optional(date()),
      todayState: optional(picklist(todayStates)),
      reportMissed,
    }),
  ),
});

export const readReportableServices: Reader<{ uprn: string; address: string; services: ReportableService[] }> = reader(reportableServices);
