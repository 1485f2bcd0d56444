import type { Round, SubscriptionStatus, TodayState } from '@council-kit/contracts';
import { addDays } from '@council-kit/contracts';
import type { CouncilDb } from '../db/database.js';
import type { ContainerColour, ContainerType } from '../db/schema.js';

/** One service at a property, with the round that collects it. */
export interface PropertyService {
  id: string;
  name: { en: string; cy: string };
  container: { type: ContainerType; colour: ContainerColour; lidColour?: ContainerColour };
  roundId: string;
  round: Round;
  /** Demo data: the state shown on any collection day the crews' system has nothing for. */
  demoTodayState: TodayState | null;
  /** Charged services (garden waste) only. */
  subscription?: { status: SubscriptionStatus };
}

export interface PropertyWaste {
  uprn: string;
  /** "1 High Street, Anytown, AN1 1AA": the same form the address lookup gives. */
  address: string;
  services: PropertyService[];
}

/** A moved collection, for one round (`roundId`) or every round (`roundId` null). */
export interface ChangeRow {
  roundId: string | null;
  was: string;
  now: string;
  reason: { en: string; cy: string };
}

/** The property and its waste services, or undefined when no address has this UPRN. */
export async function findPropertyWaste(db: CouncilDb, uprn: string, today: string): Promise<PropertyWaste | undefined> {
  const address = await db
    .selectFrom('addresses')
    .select(['uprn', 'line1', 'line2', 'town', 'postcode'])
    .where('uprn', '=', uprn)
    .executeTakeFirst();
  if (!address) return undefined;

  const rows = await db
    .selectFrom('waste_property_rounds as pr')
    .innerJoin('waste_services as s', 's.id', 'pr.service_id')
    .innerJoin('waste_rounds as r', 'r.id', 'pr.round_id')
    .leftJoin('waste_garden_subscriptions as g', 'g.uprn', 'pr.uprn')
    .select([
      's.id',
      's.name_en',
      's.name_cy',
      's.container_type',
      's.container_colour',
      's.container_lid_colour',
      's.charged',
      'r.id as round_id',
      'r.every_weeks',
      'r.anchor',
      'pr.demo_today_state',
      'g.status as subscription_status',
      'g.expires_on',
    ])
    .where('pr.uprn', '=', uprn)
    .orderBy('s.sort_order')
    .execute();

  const lines = address.line2 === null ? [address.line1] : [address.line1, address.line2];
  return {
    uprn: address.uprn,
    address: [...lines, address.town, address.postcode].join(', '),
    services: rows.map((row) => ({
      id: row.id,
      name: { en: row.name_en, cy: row.name_cy },
      container: {
        type: row.container_type,
        colour: row.container_colour,
        ...(row.container_lid_colour ? { lidColour: row.container_lid_colour } : {}),
      },
      roundId: row.round_id,
      round: { everyWeeks: row.every_weeks, anchor: row.anchor },
      demoTodayState: row.demo_today_state,
      ...(row.charged ? { subscription: { status: subscriptionStatus(row.subscription_status, row.expires_on, today) } } : {}),
    })),
  };
}

/** An active subscription past its expiry date has expired; no row at all is 'none'. */
function subscriptionStatus(status: string | null, expiresOn: string | null, today: string): SubscriptionStatus {
  if (status === null) return 'none';
  if (status === 'active' && expiresOn !== null && expiresOn >= today) return 'active';
  return 'expired';
}

/**
 * Moved collections that can affect `rounds` between `from` and `to`: every-round changes and
 * each round's own, with a week's margin either side (a collection moved into the range).
 */
export async function findChanges(db: CouncilDb, roundIds: readonly string[], from: string, to: string): Promise<ChangeRow[]> {
  if (!roundIds.length) return [];
  const rows = await db
    .selectFrom('waste_date_changes')
    .select(['round_id', 'was', 'now', 'reason_en', 'reason_cy'])
    .where((eb) => eb.or([eb('round_id', 'is', null), eb('round_id', 'in', [...roundIds])]))
    .where((eb) =>
      eb.or([
        eb.and([eb('was', '>=', addDays(from, -7)), eb('was', '<=', addDays(to, 7))]),
        eb.and([eb('now', '>=', addDays(from, -7)), eb('now', '<=', addDays(to, 7))]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ roundId: row.round_id, was: row.was, now: row.now, reason: { en: row.reason_en, cy: row.reason_cy } }));
}

/** What the crews' system reports for each round on `date`. */
export async function findStates(db: CouncilDb, roundIds: readonly string[], date: string): Promise<Map<string, TodayState>> {
  if (!roundIds.length) return new Map();
  const rows = await db
    .selectFrom('waste_collection_states')
    .select(['round_id', 'state'])
    .where('round_id', 'in', [...roundIds])
    .where('date', '=', date)
    .execute();
  return new Map(rows.map((row) => [row.round_id, row.state]));
}
