import { arrayOf, bool, isoDate, num, object, oneOf, optional, str, type Reader } from '../validate.js';

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

/** How often a service comes, for "Every other Tuesday". `irregular` when there is no pattern. */
export interface Frequency {
  everyWeeks: number;
  day: Weekday;
}

export type TodayState = 'scheduled' | 'in_progress' | 'collected' | 'not_collected';
export type SubscriptionStatus = 'active' | 'expired' | 'none';

/** One waste service at a property (rubbish, recycling, food, garden…). */
export interface WasteService {
  /** Stable service id, e.g. `refuse`, `recycling`, `food`, `garden`. */
  id: string;
  /** The council's name for the service, in the language requested. */
  name: string;
  container: { type: string; colour: string; lidColour?: string };
  /** Absent when the service has no regular pattern. */
  frequency?: Frequency;
  /** Absent when no collection is scheduled in the range. */
  nextCollection?: string;
  previousCollection?: string;
  /** Collection dates in the requested range, soonest first (includes `nextCollection`). */
  upcoming: string[];
  changedDates?: { was: string; now: string; reason: string }[];
  todayState?: TodayState;
  /** Whether a missed collection can be reported now, and until when. */
  reportMissed: { open: boolean; until?: string };
  /** For charged services such as garden waste. */
  subscription?: { status: SubscriptionStatus; renewUrl?: string };
}

/** `GET /waste/properties/{uprn}/collections?from=&to=` */
export interface CollectionsResult {
  uprn: string;
  address: string;
  services: WasteService[];
}

const readFrequency: Reader<Frequency> = /* @__PURE__ */ object({ everyWeeks: num, day: /* @__PURE__ */ oneOf(weekdays) });

export const readWasteService: Reader<WasteService> = /* @__PURE__ */ object({
  id: str,
  name: str,
  container: /* @__PURE__ */ object({ type: str, colour: str, lidColour: /* @__PURE__ */ optional(str) }),
  frequency: /* @__PURE__ */ optional(readFrequency),
  nextCollection: /* @__PURE__ */ optional(isoDate),
  previousCollection: /* @__PURE__ */ optional(isoDate),
  upcoming: /* @__PURE__ */ arrayOf(isoDate),
  changedDates: /* @__PURE__ */ optional(/* @__PURE__ */ arrayOf(/* @__PURE__ */ object({ was: isoDate, now: isoDate, reason: str }))),
  todayState: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(['scheduled', 'in_progress', 'collected', 'not_collected'] as const)),
  reportMissed: /* @__PURE__ */ object({ open: bool, until: /* @__PURE__ */ optional(isoDate) }),
  subscription: /* @__PURE__ */ optional(/* @__PURE__ */ object({ status: /* @__PURE__ */ oneOf(['active', 'expired', 'none'] as const), renewUrl: /* @__PURE__ */ optional(str) })),
});

export const readCollectionsResult: Reader<CollectionsResult> = /* @__PURE__ */ object({
  uprn: str,
  address: str,
  services: /* @__PURE__ */ arrayOf(readWasteService),
});

/** `POST /waste/missed-collections` and `POST /waste/container-requests` answer with a reference. */
export interface SubmissionReceipt {
  reference: string;
  /** True when the same report was already received (the resident is told kindly, nothing is stored twice). */
  duplicate?: boolean;
  /** Where to pay, when the council charges (the element never takes payment itself). */
  paymentUrl?: string;
}

export const readSubmissionReceipt: Reader<SubmissionReceipt> = /* @__PURE__ */ object({
  reference: str,
  duplicate: /* @__PURE__ */ optional(bool),
  paymentUrl: /* @__PURE__ */ optional(str),
});

/** The parts of a collections response the missed-collection report needs. */
export type ReportableService = Pick<WasteService, 'id' | 'name' | 'previousCollection' | 'nextCollection' | 'todayState' | 'reportMissed'>;

/**
 * Reads only what the missed-collection report renders, so that element does not carry the
 * whole collections reader: validate what you use.
 */
export const readReportableServices: Reader<{ uprn: string; address: string; services: ReportableService[] }> = /* @__PURE__ */ object({
  uprn: str,
  address: str,
  services: /* @__PURE__ */ arrayOf(
    /* @__PURE__ */ object({
      id: str,
      name: str,
      previousCollection: /* @__PURE__ */ optional(isoDate),
      nextCollection: /* @__PURE__ */ optional(isoDate),
      todayState: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(['scheduled', 'in_progress', 'collected', 'not_collected'] as const)),
      reportMissed: /* @__PURE__ */ object({ open: bool, until: /* @__PURE__ */ optional(isoDate) }),
    }),
  ),
});
