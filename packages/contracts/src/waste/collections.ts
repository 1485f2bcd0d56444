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

const readFrequency: Reader<Frequency> = object({ everyWeeks: num, day: oneOf(weekdays) });

export const readWasteService: Reader<WasteService> = object({
  id: str,
  name: str,
  container: object({ type: str, colour: str, lidColour: optional(str) }),
  frequency: optional(readFrequency),
  nextCollection: optional(isoDate),
  previousCollection: optional(isoDate),
  upcoming: arrayOf(isoDate),
  changedDates: optional(arrayOf(object({ was: isoDate, now: isoDate, reason: str }))),
  todayState: optional(oneOf(['scheduled', 'in_progress', 'collected', 'not_collected'] as const)),
  reportMissed: object({ open: bool, until: optional(isoDate) }),
  subscription: optional(object({ status: oneOf(['active', 'expired', 'none'] as const), renewUrl: optional(str) })),
});

export const readCollectionsResult: Reader<CollectionsResult> = object({
  uprn: str,
  address: str,
  services: arrayOf(readWasteService),
});

/** `POST /waste/missed-collections` and `POST /waste/container-requests` answer with a reference. */
export interface SubmissionReceipt {
  reference: string;
  /** True when the same report was already received (the resident is told kindly, nothing is stored twice). */
  duplicate?: boolean;
  /** Where to pay, when the council charges (the element never takes payment itself). */
  paymentUrl?: string;
}

export const readSubmissionReceipt: Reader<SubmissionReceipt> = object({
  reference: str,
  duplicate: optional(bool),
  paymentUrl: optional(str),
});
