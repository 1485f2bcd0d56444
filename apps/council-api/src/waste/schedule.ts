import {
  addDays,
  roundDates,
  weekdayOf,
  weekdays,
  type DateChange,
  type TodayState,
  type WasteService,
} from '@council-kit/contracts';
import { HolidayCalendar } from '../db/bank-holidays.js';
import type { CouncilDb } from '../db/database.js';
import type { BankHolidayDivision } from '../db/import-tables.js';
import type { Lang } from '../http/lang.js';
import { findChanges, findPropertyWaste, findStates, type ChangeRow, type PropertyService, type PropertyWaste } from './repository.js';

/** Longest gap between two collections of a round (8 weeks) plus a moved collection's slack. */
const LOOK_AROUND_DAYS = 8 * 7 + 14;

/** One collection: its date, the date it would usually be, and why it moved. */
export interface Occurrence {
  date: string;
  usual: string;
  change?: DateChange;
}

/** Why a collection cannot be reported as missed. */
export type ReportRefusal = 'not-subscribed' | 'not-a-collection' | 'window-closed';

/**
 * A property's collections as of `today`, computed from its rounds and the moved collections:
 * everything the waste routes answer is derived here, with the contract's calendar functions.
 */
export class PropertySchedule {
  private constructor(
    readonly property: PropertyWaste,
    readonly today: string,
    private readonly changes: ChangeRow[],
    private readonly states: Map<string, TodayState>,
    private readonly holidays: HolidayCalendar,
  ) {}

  /**
   * Loads the property, the changes that can touch `from`…`to` (and the weeks around today),
   * today's states, and the bank holidays of `division` (for the report window).
   */
  static async load(
    db: CouncilDb,
    uprn: string,
    today: string,
    from = today,
    to = today,
    division: BankHolidayDivision = 'england-and-wales',
  ): Promise<PropertySchedule | undefined> {
    const property = await findPropertyWaste(db, uprn, today);
    if (!property) return undefined;
    const roundIds = property.services.map((s) => s.roundId);
    const start = from < addDays(today, -LOOK_AROUND_DAYS) ? from : addDays(today, -LOOK_AROUND_DAYS);
    const end = to > addDays(today, LOOK_AROUND_DAYS) ? to : addDays(today, LOOK_AROUND_DAYS);
    const [changes, states, holidays] = await Promise.all([
      findChanges(db, roundIds, start, end),
      findStates(db, roundIds, today),
      HolidayCalendar.load(db, division, start, end),
    ]);
    return new PropertySchedule(property, today, changes, states, holidays);
  }

  service(id: string): PropertyService | undefined {
    return this.property.services.find((s) => s.id === id);
  }

  /** False for a charged service (garden waste) without an active subscription: nothing is collected. */
  collects(service: PropertyService): boolean {
    return !service.subscription || service.subscription.status === 'active';
  }

  /** Every-round changes, then the round's own (which win for the same usual date). */
  private changesFor(service: PropertyService, lang: Lang): DateChange[] {
    const toChange = (c: ChangeRow): DateChange => ({ was: c.was, now: c.now, reason: c.reason[lang] });
    return [
      ...this.changes.filter((c) => c.roundId === null).map(toChange),
      ...this.changes.filter((c) => c.roundId === service.roundId).map(toChange),
    ];
  }

  /** Collection dates from `from` to `to` inclusive, and the changes touching that range. */
  dates(service: PropertyService, from: string, to: string, lang: Lang = 'en'): { dates: string[]; changed: DateChange[] } {
    if (!this.collects(service) || from > to) return { dates: [], changed: [] };
    return roundDates(service.round, from, to, this.changesFor(service, lang));
  }

  /** Collections from `from` to `to`, each with its usual date (what calendar UIDs are built on). */
  occurrences(service: PropertyService, from: string, to: string, lang: Lang = 'en'): Occurrence[] {
    const { dates, changed } = this.dates(service, from, to, lang);
    const byNow = new Map(changed.map((c) => [c.now, c]));
    return dates.map((date) => {
      const change = byNow.get(date);
      return change ? { date, usual: change.was, change } : { date, usual: date };
    });
  }

  /** The last collection before today (however long ago). */
  previous(service: PropertyService): string | undefined {
    const window = 7 * service.round.everyWeeks + 14;
    return this.dates(service, addDays(this.today, -window), addDays(this.today, -1)).dates.at(-1);
  }

  /** The first collection today or later. */
  next(service: PropertyService): string | undefined {
    const window = 7 * service.round.everyWeeks + 14;
    return this.dates(service, this.today, addDays(this.today, window)).dates[0];
  }

  /** The crews' state for today, when today is a collection day and there is one. */
  todayState(service: PropertyService): TodayState | undefined {
    if (this.next(service) !== this.today) return undefined;
    return this.states.get(service.roundId) ?? service.demoTodayState ?? undefined;
  }

  /**
   * Whether a missed collection can be reported today: for the last collection until the end
   * of its report window, and on collection day itself once the crew has marked it not collected.
   */
  reportMissed(service: PropertyService): { open: boolean; until?: string; collection?: string } {
    if (!this.collects(service)) return { open: false };
    if (this.todayState(service) === 'not_collected') {
      return { open: true, until: this.holidays.reportWindowEnd(this.today), collection: this.today };
    }
    const previous = this.previous(service);
    if (previous && this.holidays.reportWindowEnd(previous) >= this.today) {
      return { open: true, until: this.holidays.reportWindowEnd(previous), collection: previous };
    }
    return { open: false };
  }

  /** Whether `date` is a collection of `service` that can be reported as missed today. */
  checkReportable(service: PropertyService, date: string): { ok: true; until: string } | { ok: false; why: ReportRefusal; until?: string } {
    if (!this.collects(service)) return { ok: false, why: 'not-subscribed' };
    if (!this.dates(service, date, date).dates.includes(date)) return { ok: false, why: 'not-a-collection' };
    const until = this.holidays.reportWindowEnd(date);
    if (date > this.today) return { ok: false, why: 'window-closed' };
    if (date === this.today) {
      return this.todayState(service) === 'not_collected' ? { ok: true, until } : { ok: false, why: 'window-closed' };
    }
    return until >= this.today ? { ok: true, until } : { ok: false, why: 'window-closed', until };
  }

  /** The contract's `WasteService` for the range `from`…`to`; `renewUrl` is offered when a subscription is not active. */
  toWasteService(service: PropertyService, from: string, to: string, lang: Lang, renewUrl?: string): WasteService {
    const collects = this.collects(service);
    const start = from > this.today ? from : this.today;
    const upcoming = this.dates(service, start, to, lang).dates;
    const changed = this.dates(service, from, to, lang).changed;
    const next = collects ? this.next(service) : undefined;
    const previous = collects ? this.previous(service) : undefined;
    const todayState = collects ? this.todayState(service) : undefined;
    const { open, until } = this.reportMissed(service);
    return {
      id: service.id,
      name: service.name[lang],
      container: service.container,
      frequency: { everyWeeks: service.round.everyWeeks, day: weekdays[weekdayOf(service.round.anchor)]! },
      ...(next ? { nextCollection: next } : {}),
      ...(previous ? { previousCollection: previous } : {}),
      upcoming,
      ...(changed.length ? { changedDates: changed } : {}),
      ...(todayState ? { todayState } : {}),
      reportMissed: open ? { open, until } : { open },
      ...(service.subscription
        ? { subscription: service.subscription.status !== 'active' && renewUrl ? { ...service.subscription, renewUrl } : service.subscription }
        : {}),
    };
  }
}
