import { addDays, reportWindowEnd, roundDates, type DateChange, type Round } from '@council-kit/contracts';
import type { CouncilDb } from '../src/db/database.js';

/**
 * Which collections can be reported missed on a given day, worked out from the database (the
 * seed's rounds, the properties' rounds, the moved collections and the garden subscriptions)
 * with the contract's calendar (`roundDates`, `reportWindowEnd`): never asked of the API, so a
 * test can check the API's answer against it. Tests that need "a collection the resident can
 * report today" take one from here rather than assuming a street and a weekday.
 */

/** How far back and ahead to look for a round's collections (its longest gap is two weeks, plus a moved collection). */
const LOOK_DAYS = 35;

interface RoundRow {
  id: string;
  service_id: string;
  every_weeks: number;
  anchor: string;
}

/** Each round's collections from `from` to `to`, with the moved collections in the database applied. */
export async function roundCollections(db: CouncilDb, from: string, to: string): Promise<Map<string, string[]>> {
  const [rounds, changes] = await Promise.all([
    db.selectFrom('waste_rounds').select(['id', 'service_id', 'every_weeks', 'anchor']).execute() as Promise<RoundRow[]>,
    db
      .selectFrom('waste_date_changes')
      .select(['round_id', 'was', 'now', 'reason_en'])
      .where((eb) =>
        eb.or([
          eb.and([eb('was', '>=', addDays(from, -7)), eb('was', '<=', addDays(to, 7))]),
          eb.and([eb('now', '>=', addDays(from, -7)), eb('now', '<=', addDays(to, 7))]),
        ]),
      )
      .orderBy('id')
      .execute(),
  ]);
  const result = new Map<string, string[]>();
  for (const round of rounds) {
    const pattern: Round = { everyWeeks: Number(round.every_weeks), anchor: round.anchor };
    // Every-round changes first, the round's own after them (a round's own change wins).
    const moved: DateChange[] = [...changes.filter((c) => c.round_id === null), ...changes.filter((c) => c.round_id === round.id)].map((c) => ({
      was: c.was,
      now: c.now,
      reason: c.reason_en,
    }));
    result.set(round.id, roundDates(pattern, from, to, moved).dates);
  }
  return result;
}

export interface LastCollection {
  uprn: string;
  serviceId: string;
  roundId: string;
  /** The last collection before `today`. */
  collectionDate: string;
  /** The last day it can be reported missed (`reportWindowEnd`). */
  until: string;
  /** Whether it can be reported on `today`. */
  open: boolean;
}

export interface LastCollectionsOptions {
  /** Only these services (default: all). */
  services?: string[];
  /** Only collections whose report window is open (true) or closed (false) on `today`. */
  open?: boolean;
  /** Only these properties. */
  uprns?: string[];
}

/**
 * Every collected service's last collection before `today`, per property, in UPRN then service
 * order. Charged services (garden waste) only where the subscription is active on `today`: a
 * property without one has no collections.
 */
export async function lastCollections(db: CouncilDb, today: string, options: LastCollectionsOptions = {}): Promise<LastCollection[]> {
  const byRound = await roundCollections(db, addDays(today, -LOOK_DAYS), addDays(today, -1));
  let query = db
    .selectFrom('waste_property_rounds as pr')
    .innerJoin('waste_services as s', 's.id', 'pr.service_id')
    .leftJoin('waste_garden_subscriptions as g', 'g.uprn', 'pr.uprn')
    .select(['pr.uprn', 'pr.service_id', 'pr.round_id', 's.charged', 's.sort_order', 'g.status', 'g.expires_on'])
    .orderBy('pr.uprn')
    .orderBy('s.sort_order');
  if (options.services) query = query.where('pr.service_id', 'in', options.services);
  if (options.uprns) query = query.where('pr.uprn', 'in', options.uprns);
  const found: LastCollection[] = [];
  for (const row of await query.execute()) {
    if (Number(row.charged) && !(row.status === 'active' && row.expires_on !== null && row.expires_on >= today)) continue;
    const collectionDate = byRound.get(row.round_id)?.at(-1);
    if (!collectionDate) continue;
    const until = reportWindowEnd(collectionDate);
    const open = until >= today;
    if (options.open !== undefined && open !== options.open) continue;
    found.push({ uprn: row.uprn, serviceId: row.service_id, roundId: row.round_id, collectionDate, until, open });
  }
  return found;
}

/**
 * Collections that can be reported missed on `today`, at least `count` of them on different
 * properties, or the test fails saying so. By the seed's rules there always are: rounds run
 * Monday to Friday (food every week), and on every day two to four weekdays' last collections
 * are still in their report window (waste-seed.test.ts checks that for every day of several
 * years), so this failing means the seed or the report window rule has changed.
 */
export async function reportableToday(db: CouncilDb, today: string, count: number, options: Omit<LastCollectionsOptions, 'open'> = {}): Promise<LastCollection[]> {
  const open = await lastCollections(db, today, { ...options, open: true });
  const seen = new Set<string>();
  const distinct = open.filter((c) => !seen.has(c.uprn) && seen.add(c.uprn));
  if (distinct.length < count) {
    throw new Error(`Only ${distinct.length} of the ${count} properties needed have a collection that can be reported missed on ${today}.`);
  }
  return distinct.slice(0, count);
}
