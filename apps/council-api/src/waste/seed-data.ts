import { addDays, bankHolidays, weekdayOf, weekdays } from '@council-kit/contracts';
import type {
  AddressesTable,
  WasteDateChangesTable,
  WasteGardenSubscriptionsTable,
  WastePropertyRoundsTable,
  WasteRoundsTable,
  WasteServicesTable,
} from '../db/schema.js';
import { defaultSeed, mulberry32 } from '../random.js';

/**
 * Anytown's waste services, rounds and moved collections. Collection dates are never stored:
 * each property is assigned a round per service, and dates come from the round's pattern
 * (`roundDates` in `@council-kit/contracts`) with the moved collections applied.
 */

export const wasteServices: WasteServicesTable[] = [
  { id: 'refuse', name_en: 'Rubbish', name_cy: 'Sbwriel', container_type: 'wheelie-bin', container_colour: 'black', container_lid_colour: null, charged: 0, sort_order: 1 },
  { id: 'recycling', name_en: 'Recycling', name_cy: 'Ailgylchu', container_type: 'wheelie-bin', container_colour: 'green', container_lid_colour: 'blue', charged: 0, sort_order: 2 },
  { id: 'food', name_en: 'Food waste', name_cy: 'Gwastraff bwyd', container_type: 'caddy', container_colour: 'brown', container_lid_colour: null, charged: 0, sort_order: 3 },
  { id: 'garden', name_en: 'Garden waste', name_cy: 'Gwastraff gardd', container_type: 'wheelie-bin', container_colour: 'brown', container_lid_colour: null, charged: 1, sort_order: 4 },
];

/** Monday of the week every round's anchor sits in ("week A"); week B is the week after. */
const WEEK_A_MONDAY = '2025-01-06';
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
type Week = 'a' | 'b';

/** Rounds: refuse, recycling and garden fortnightly (weeks A and B), food weekly, Monday to Friday. */
export function generateRounds(): WasteRoundsTable[] {
  const rounds: WasteRoundsTable[] = [];
  DAYS.forEach((day, index) => {
    const weekA = addDays(WEEK_A_MONDAY, index);
    for (const service of ['refuse', 'recycling', 'garden']) {
      rounds.push({ id: `${service}-${day}-a`, service_id: service, every_weeks: 2, anchor: weekA });
      rounds.push({ id: `${service}-${day}-b`, service_id: service, every_weeks: 2, anchor: addDays(weekA, 7) });
    }
    rounds.push({ id: `food-${day}`, service_id: 'food', every_weeks: 1, anchor: weekA });
  });
  return rounds;
}

/** AN1 1AA: the README's street. Tuesday, rubbish on week A (Tuesday 24 November 2026 was a rubbish day). */
export const AN11AA = 'AN1 1AA';
const an11aaDay = 1; // Tuesday in DAYS
const an11aaRefuseWeek: Week = 'a';

/** The round day and rubbish week for a postcode: the same for every address sharing it. */
export function postcodePattern(postcode: string): { day: (typeof DAYS)[number]; refuseWeek: Week } {
  if (postcode === AN11AA) return { day: DAYS[an11aaDay]!, refuseWeek: an11aaRefuseWeek };
  const hash = fnv1a(postcode);
  return { day: DAYS[hash % DAYS.length]!, refuseWeek: (hash >>> 8) % 2 === 0 ? 'a' : 'b' };
}

const states = ['scheduled', 'in_progress', 'collected', 'not_collected'] as const;
type State = (typeof states)[number];

/**
 * AN1 1AA's addresses in UPRN order (1, 2, 3, 5, 9, 10, 11, 9A High Street, The Old Bakery,
 * the pharmacy, Flats 1–4 Mill Court): demo states and garden subscriptions chosen by hand so
 * the README can point at them.
 */
const an11aaDemoStates: Record<number, Partial<Record<string, State>>> = {
  0: { refuse: 'collected', recycling: 'collected', food: 'collected', garden: 'collected' },
  1: { refuse: 'not_collected', recycling: 'not_collected', food: 'collected', garden: 'collected' },
  2: { refuse: 'in_progress', recycling: 'in_progress', food: 'in_progress', garden: 'in_progress' },
  3: { refuse: 'scheduled', recycling: 'scheduled', food: 'scheduled', garden: 'scheduled' },
};
const an11aaGarden: Record<number, 'expired' | 'none'> = { 6: 'expired', 9: 'none', 12: 'expired', 13: 'none' };

/**
 * The seed's statements about "now", all from the day it is seeded on (the app clock's today), so
 * the Anytown demo looks the same whatever the date, and the same `today` always gives the same
 * seed:
 * - bank holiday slip weeks from the year before today to two years after;
 * - garden subscriptions run to 31 March (a subscription year is 1 April to 31 March): the
 *   active ones to the 31 March after today's subscription year (so at least a year ahead,
 *   beyond the year-long calendar download), the expired ones ended the 31 March before today.
 */
export interface WasteSeedDates {
  holidaysFrom: number;
  holidaysTo: number;
  activeUntil: string;
  expiredOn: string;
}

export function wasteSeedDates(today: string): WasteSeedDates {
  const year = Number(today.slice(0, 4));
  // The subscription year today is in starts on 1 April of this year, or of last year before April.
  const subscriptionYear = today.slice(5) >= '04-01' ? year : year - 1;
  return {
    holidaysFrom: year - 1,
    holidaysTo: year + 2,
    activeUntil: `${subscriptionYear + 2}-03-31`,
    expiredOn: `${subscriptionYear}-03-31`,
  };
}

export interface WasteSeed {
  services: WasteServicesTable[];
  rounds: WasteRoundsTable[];
  propertyRounds: WastePropertyRoundsTable[];
  subscriptions: WasteGardenSubscriptionsTable[];
  changes: Omit<WasteDateChangesTable, 'id'>[];
}

type SeedAddress = Pick<AddressesTable, 'uprn' | 'postcode' | 'property_type' | 'block_id'>;

export interface WasteSeedOptions {
  /** The day the seed is written on (`YYYY-MM-DD`, the app clock's today): see {@link wasteSeedDates}. */
  today: string;
  seed?: number;
}

/**
 * The waste seed for the addresses in the database. Houses and bungalows get rubbish,
 * recycling, food and garden (subscribed or not); flats not in a block (above shops) get
 * rubbish, recycling and food; flats in blocks and businesses get none (communal or trade
 * waste). Every address at AN1 1AA gets all four. Deterministic for the same addresses and
 * `today`; only the moved collections and the subscriptions' end dates depend on `today`.
 */
export function generateWasteSeed(addresses: readonly SeedAddress[], { today, seed = defaultSeed }: WasteSeedOptions): WasteSeed {
  const dates = wasteSeedDates(today);
  const rand = mulberry32(seed ^ 0x5eed_b1a5);
  const propertyRounds: WastePropertyRoundsTable[] = [];
  const subscriptions: WasteGardenSubscriptionsTable[] = [];
  const sorted = [...addresses].sort((a, b) => (a.uprn < b.uprn ? -1 : a.uprn > b.uprn ? 1 : 0));
  let an11aaIndex = 0;

  for (const address of sorted) {
    const atAn11aa = address.postcode === AN11AA;
    const index = atAn11aa ? an11aaIndex++ : -1;
    const services = atAn11aa ? ['refuse', 'recycling', 'food', 'garden'] : householdServices(address);
    if (!services.length) continue;
    const { day, refuseWeek } = postcodePattern(address.postcode);
    const otherWeek: Week = refuseWeek === 'a' ? 'b' : 'a';
    const roundFor: Record<string, string> = {
      refuse: `refuse-${day}-${refuseWeek}`,
      recycling: `recycling-${day}-${otherWeek}`,
      food: `food-${day}`,
      garden: `garden-${day}-${otherWeek}`,
    };
    for (const service of services) {
      propertyRounds.push({
        uprn: address.uprn,
        service_id: service,
        round_id: roundFor[service]!,
        demo_today_state: atAn11aa ? (an11aaDemoStates[index]?.[service] ?? null) : demoState(address.uprn, service),
      });
    }
    if (!services.includes('garden')) continue;
    if (atAn11aa) {
      const status = an11aaGarden[index] ?? 'active';
      if (status !== 'none') subscriptions.push(subscription(address.uprn, status, dates));
    } else if (rand() < 0.4) {
      subscriptions.push(subscription(address.uprn, rand() < 0.7 ? 'active' : 'expired', dates));
    }
  }

  const changes = bankHolidayChanges(dates.holidaysFrom, dates.holidaysTo);
  return { services: wasteServices, rounds: generateRounds(), propertyRounds, subscriptions, changes };
}

function householdServices(address: SeedAddress): string[] {
  if (address.block_id !== null || address.property_type === 'business') return [];
  if (address.property_type === 'flat') return ['refuse', 'recycling', 'food'];
  return ['refuse', 'recycling', 'food', 'garden'];
}

/** About one property in a hundred shows each state for rubbish, and again for food, on its collection days. */
function demoState(uprn: string, service: string): State | null {
  if (service !== 'refuse' && service !== 'food') return null;
  const k = (Number(uprn) + (service === 'food' ? 11 : 0)) % 97;
  return k < states.length ? states[k]! : null;
}

function subscription(uprn: string, status: 'active' | 'expired', dates: WasteSeedDates): WasteGardenSubscriptionsTable {
  return { uprn, status, expires_on: status === 'active' ? dates.activeUntil : dates.expiredOn };
}

// ----- bank holidays -----------------------------------------------------------------------

export const changeReasons = {
  bankHoliday: { en: 'Bank holiday', cy: 'Gŵyl y banc' },
  christmasDay: { en: 'Christmas Day', cy: 'Dydd Nadolig' },
  boxingDay: { en: 'Boxing Day', cy: 'Gŵyl San Steffan' },
  newYearsDay: { en: 'New Year’s Day', cy: 'Dydd Calan' },
} as const;
type Reason = (typeof changeReasons)[keyof typeof changeReasons];

/** The named holidays of a year's bank holidays (substitute days keep the name). */
function namedHolidays(year: number): Map<string, Reason> {
  const named = new Map<string, Reason>();
  const days = bankHolidays(year);
  const newYear = days.find((d) => d.startsWith(`${year}-01-`));
  if (newYear) named.set(newYear, changeReasons.newYearsDay);
  const [christmas, boxing] = days.filter((d) => d.startsWith(`${year}-12-`));
  if (christmas) named.set(christmas, changeReasons.christmasDay);
  if (boxing) named.set(boxing, changeReasons.boxingDay);
  return named;
}

/**
 * Moved collections for every round, `fromYear` to `toYear`: a "slip week" after each bank
 * holiday, when every collection from the holiday to the end of that week moves one day later
 * (Friday's to Saturday). The reason is the holiday's name at Christmas and New Year ("Boxing
 * Day" for the rest of a slip week that Boxing Day starts), otherwise "Bank holiday".
 */
export function bankHolidayChanges(fromYear: number, toYear: number): Omit<WasteDateChangesTable, 'id'>[] {
  const named = new Map<string, Reason>();
  for (let year = fromYear; year <= toYear + 1; year++) namedHolidays(year).forEach((reason, day) => named.set(day, reason));
  const byWas = new Map<string, Omit<WasteDateChangesTable, 'id'>>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of bankHolidays(year)) {
      const trigger = named.get(holiday) ?? changeReasons.bankHoliday;
      // Monday (1) to Friday (5) of the holiday's week, from the holiday on.
      for (let day = holiday; weekdayOf(day) >= 1 && weekdayOf(day) <= 5; day = addDays(day, 1)) {
        const reason = named.get(day) ?? trigger;
        byWas.set(day, { round_id: null, was: day, now: addDays(day, 1), reason_en: reason.en, reason_cy: reason.cy });
      }
    }
  }
  return [...byWas.values()].sort((a, b) => (a.was < b.was ? -1 : 1));
}

/** The weekday name (`weekdays` in the contract) a round is collected on. */
export function roundDay(anchor: string): (typeof weekdays)[number] {
  return weekdays[weekdayOf(anchor)]!;
}

/** FNV-1a: a small, stable string hash (the same on every machine). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
