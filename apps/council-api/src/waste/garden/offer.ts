import { addDays, type GardenOffer, type GardenTerms } from '@council-kit/contracts';
import type { BankHolidayDivision } from '../../db/import-tables.js';
import type { GardenConfig } from '../../garden-config.js';
import type { CouncilDb } from '../../db/database.js';
import type { Lang } from '../../http/lang.js';
import { PropertySchedule } from '../schedule.js';
import { gardenPeriod, gardenPrices, type CurrentSubscription, type GardenPeriod } from './pricing.js';

/*
 * What a property is offered: whether it can have garden waste (its rounds include the garden
 * service), its subscription as stored, and what paying today would buy and cost. The answer of
 * `GET /waste/properties/{uprn}/garden` and the check `POST /waste/garden-subscriptions` makes
 * before storing anything, so both always agree.
 */

/** The property's garden waste position today, or undefined when no property has this UPRN. */
export interface GardenPosition {
  address: string;
  eligible: boolean;
  current?: CurrentSubscription;
  period?: GardenPeriod;
  collectionsStart?: string;
}

/** The stored subscription of `uprn` (an active one past its end date reads as expired). */
async function currentSubscription(db: CouncilDb, uprn: string, today: string): Promise<CurrentSubscription | undefined> {
  const row = await db.selectFrom('waste_garden_subscriptions').select(['status', 'expires_on', 'bins']).where('uprn', '=', uprn).executeTakeFirst();
  if (!row) return undefined;
  const status = row.status === 'active' && row.expires_on >= today ? 'active' : 'expired';
  return { status, expires: row.expires_on, bins: row.bins ?? 1 };
}

/** Loads what the offer and the request need. */
export async function gardenPosition(
  db: CouncilDb,
  terms: GardenConfig,
  uprn: string,
  today: string,
  division?: BankHolidayDivision,
): Promise<GardenPosition | undefined> {
  const schedule = await PropertySchedule.load(db, uprn, today, today, today, division);
  if (!schedule) return undefined;
  const service = schedule.service('garden');
  const current = await currentSubscription(db, uprn, today);
  if (!service) return { address: schedule.property.address, eligible: false, ...(current ? { current } : {}) };
  const period = gardenPeriod(terms, today, current);
  let collectionsStart: string | undefined;
  if (period.canSubscribe) {
    // The round's first collection once the stickers can have arrived (a renewal: once it starts).
    const from = period.renewal && period.starts > today ? period.starts : addDays(today, terms.startDays);
    const round = await PropertySchedule.load(db, uprn, today, from, addDays(from, 70), division);
    const unsubscribed = { ...service, subscription: undefined };
    collectionsStart = round?.dates(unsubscribed, from, addDays(from, 70)).dates.find((d) => d <= period.expires);
  }
  return { address: schedule.property.address, eligible: true, ...(current ? { current } : {}), period, ...(collectionsStart ? { collectionsStart } : {}) };
}

/** The terms in `lang`. */
export function gardenTermsIn(terms: GardenConfig, lang: Lang): GardenTerms {
  return {
    pricePerBin: terms.pricePerBin,
    maxBins: terms.maxBins,
    ...(terms.concession ? { concession: { question: terms.concession.question[lang], description: terms.concession.description[lang] } } : {}),
    yearStart: terms.yearStart,
    proRata: terms.proRata,
    stickers: terms.stickers[lang],
    cancellation: terms.cancellation[lang],
  };
}

/** The contract's answer for `uprn`. */
export function gardenOfferOf(terms: GardenConfig, uprn: string, position: GardenPosition, lang: Lang): GardenOffer {
  const { period, current } = position;
  const open = period?.canSubscribe ? period : undefined;
  return {
    uprn,
    address: position.address,
    eligible: position.eligible,
    subscription: current ? { status: current.status, bins: current.bins, expires: current.expires } : { status: 'none' },
    canSubscribe: !!open,
    renewal: open?.renewal ?? false,
    ...(period && !period.canSubscribe ? { renewFrom: period.renewFrom } : {}),
    ...(open ? { starts: open.starts, expires: open.expires, months: open.months } : {}),
    ...(position.collectionsStart ? { collectionsStart: position.collectionsStart } : {}),
    prices: open ? gardenPrices(terms, open.months) : [],
    terms: gardenTermsIn(terms, lang),
  };
}
