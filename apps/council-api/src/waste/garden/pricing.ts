import { addDays, type GardenPrice } from '@council-kit/contracts';
import type { GardenConfig } from '../../garden-config.js';

/*
 * Garden waste money and dates, as pure functions of the terms and "today" (the app clock's), so
 * every answer and every charge comes from one place and the tests can pin any date. The
 * element shows these sums; it never works one out.
 */

/** The subscription year `date` falls in: from the latest `yearStart` on or before it to the day before the next. */
export function subscriptionYear(date: string, yearStart: string): { start: string; end: string } {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= yearStart ? year : year - 1;
  return { start: `${startYear}-${yearStart}`, end: addDays(`${startYear + 1}-${yearStart}`, -1) };
}

/** Calendar months from `from`'s month to `to`'s, both counted (December to March: 4). */
export function monthsBetween(from: string, to: string): number {
  const index = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  return index(to) - index(from) + 1;
}

/** The same day a year later (29 February: the 28th). */
export function aYearAfter(date: string): string {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return addDays(next, 0) === next ? next : addDays(`${Number(date.slice(0, 4)) + 1}-02-28`, 0);
}

/** A stored subscription, as the offer needs it. */
export interface CurrentSubscription {
  status: 'active' | 'expired';
  expires: string;
  bins: number;
}

/** What paying now would buy: the period, and the share of a year charged. */
export type GardenPeriod =
  | { canSubscribe: true; renewal: boolean; starts: string; expires: string; months: number }
  | { canSubscribe: false; renewFrom: string };

/**
 * The period a payment today buys. An active subscription renews from the day after it ends, for
 * a whole year (to the same day a year on), once renewal has opened (`renewalDays` before the end); before then there is
 * nothing to buy. Anyone else (never subscribed, or lapsed) starts today and runs to the end of
 * this subscription year: under `monthly` they pay for the months left, this one counted.
 */
export function gardenPeriod(terms: GardenConfig, today: string, current: CurrentSubscription | undefined): GardenPeriod {
  if (current && current.status === 'active' && current.expires >= today) {
    const renewFrom = addDays(current.expires, -terms.renewalDays);
    if (today < renewFrom) return { canSubscribe: false, renewFrom };
    return { canSubscribe: true, renewal: true, starts: addDays(current.expires, 1), expires: aYearAfter(current.expires), months: 12 };
  }
  const { end } = subscriptionYear(today, terms.yearStart);
  const months = terms.proRata === 'monthly' ? Math.min(12, monthsBetween(today, end)) : 12;
  return { canSubscribe: true, renewal: !!current, starts: today, expires: end, months };
}

/** Pence per bin for `months` of 12, rounded to the penny; with the concession when asked. */
export function pricePerBin(terms: GardenConfig, months: number, concession: boolean): number {
  const full = concession && terms.concession && 'pricePerBin' in terms.concession ? terms.concession.pricePerBin : terms.pricePerBin;
  const share = Math.round((full * months) / 12);
  if (concession && terms.concession && 'percentOff' in terms.concession) return Math.round((share * (100 - terms.concession.percentOff)) / 100);
  return share;
}

/** What 1 to `maxBins` bins cost for `months`, with and (when there is one) without the concession. */
export function gardenPrices(terms: GardenConfig, months: number): GardenPrice[] {
  return Array.from({ length: terms.maxBins }, (_, i) => {
    const bins = i + 1;
    return {
      bins,
      amount: bins * pricePerBin(terms, months, false),
      ...(terms.concession ? { concessionAmount: bins * pricePerBin(terms, months, true) } : {}),
    };
  });
}
