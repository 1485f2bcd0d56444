import { sql } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import type { HandoffStatus } from '../db/handoff-table.js';
import { linesOf } from '../waste/bulky/booking-row.js';

/** The kinds of submission staff can list (`?type=`). */
export const submissionTypes = ['missed-collection', 'container-request', 'repair', 'garden-subscription', 'bulky-booking'] as const;
export type SubmissionType = (typeof submissionTypes)[number];

/**
 * A submission's delivery state, from its events: `dead` if any is dead, else `pending` or
 * `delivering` while any is on its way, else `delivered`; `none` when it has no event (stored
 * before deliveries existed, or demo data).
 */
export const deliveryStates = ['pending', 'delivering', 'delivered', 'dead', 'none'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/**
 * Whether the resident must pay, and how it went: `not-applicable` (a missed collection or a
 * repair), `not-required` (free), `required` (charged, no GOV.UK Pay payment yet: with Pay off,
 * the council's own payment page or link), else the latest GOV.UK Pay payment's status.
 */
export type PaymentState = 'not-applicable' | 'not-required' | 'required' | 'created' | 'paid' | 'failed' | 'cancelled' | 'error';

export interface SubmissionFilter {
  type?: SubmissionType;
  /** ISO 8601 instants: `since` <= submittedAt < `until`. */
  since?: string;
  until?: string;
  delivery?: DeliveryState;
}

export interface DeliveryEvent {
  eventId: string;
  type: string;
  status: HandoffStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** One submission as a back-office officer needs it. */
export interface StaffSubmission {
  reference: string;
  type: SubmissionType;
  submittedAt: string;
  /**
   * `received` for missed collections and container requests; a garden subscription is `received`
   * until it is paid for, then `paid`; a bulky booking's or a repair's own status.
   */
  status: string;
  delivery: { state: DeliveryState; attempts: number; lastError: string | null; events: DeliveryEvent[] };
  payment: { state: PaymentState; amount?: number };
  uprn: string;
  address: string;
  contact: { preference?: string; email: string | null; phone: string | null; mobile?: string | null };
  details: Record<string, unknown>;
}

// The most urgent state wins: dead, then waiting, then on its way, then delivered.
const RANK: Record<HandoffStatus, number> = { dead: 4, pending: 3, delivering: 2, delivered: 1 };
const STATE_OF_RANK: Record<number, DeliveryState> = { 4: 'dead', 3: 'pending', 2: 'delivering', 1: 'delivered' };

/** One page of submissions, newest first, and how many match in all. */
export async function listSubmissions(db: CouncilDb, filter: SubmissionFilter, offset: number, limit: number): Promise<{ items: StaffSubmission[]; total: number }> {
  const base = matching(db, filter);
  const [{ total }] = (await db.selectFrom(base.as('m')).select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const page = await db
    .selectFrom(base.as('m'))
    .selectAll()
    .orderBy('m.created_at', 'desc')
    .orderBy('m.reference')
    .limit(limit)
    .offset(offset)
    .execute();
  const items = await details(db, page);
  return { items, total: Number(total) };
}

/** The matching submissions' type, reference, time and delivery state, as one subquery. */
function matching(db: CouncilDb, filter: SubmissionFilter) {
  const types = filter.type ? [filter.type] : [...submissionTypes];
  const tables = {
    'missed-collection': 'missed_collection_reports',
    'container-request': 'container_requests',
    repair: 'repairs',
    'garden-subscription': 'garden_subscriptions',
    'bulky-booking': 'bulky_bookings',
  } as const;
  const selects = types.map((type) =>
    db
      .selectFrom(tables[type])
      .select([sql<string>`${sql.lit(type)}`.as('type'), 'reference', 'created_at'])
      .$if(filter.since !== undefined, (qb) => qb.where('created_at', '>=', filter.since!))
      .$if(filter.until !== undefined, (qb) => qb.where('created_at', '<', filter.until!)),
  );
  const union = selects.slice(1).reduce((all, next) => all.unionAll(next), selects[0]!);
  const ranks = db
    .selectFrom('handoff_deliveries')
    .select([
      'reference',
      sql<number>`max(case status when 'dead' then 4 when 'pending' then 3 when 'delivering' then 2 else 1 end)`.as('rank'),
    ])
    .groupBy('reference');
  const rankOf: Partial<Record<DeliveryState, number>> = { dead: RANK.dead, pending: RANK.pending, delivering: RANK.delivering, delivered: RANK.delivered };
  return db
    .selectFrom(union.as('s'))
    .leftJoin(ranks.as('d'), 'd.reference', 's.reference')
    .select(['s.type', 's.reference', 's.created_at', 'd.rank'])
    .$if(filter.delivery === 'none', (qb) => qb.where('d.rank', 'is', null))
    .$if(filter.delivery !== undefined && filter.delivery !== 'none', (qb) => qb.where('d.rank', '=', rankOf[filter.delivery!]!));
}

type PageRow = { type: string; reference: string; created_at: string; rank: number | null };

/** Each row's details, from its own table, and its events (a query per table for the whole page). */
async function details(db: CouncilDb, page: PageRow[]): Promise<StaffSubmission[]> {
  const refs = (type: SubmissionType) => page.filter((row) => row.type === type).map((row) => row.reference);
  const none = ['']; // `in ()` is not SQL: a reference that cannot exist stands in for an empty list.
  const orNone = (list: string[]) => (list.length ? list : none);
  const address = sql<string>`a.line1 || coalesce(', ' || a.line2, '') || ', ' || a.town || ', ' || a.postcode`;
  const [missed, containers, repairs, events, payments, gardens, bulky] = await Promise.all([
    db
      .selectFrom('missed_collection_reports as m')
      .innerJoin('addresses as a', 'a.uprn', 'm.uprn')
      .leftJoin('waste_services as w', 'w.id', 'm.service_id')
      .select(['m.reference', 'm.uprn', 'm.service_id', 'w.name_en', 'm.collection_date', 'm.contact_email', 'm.contact_phone', address.as('address')])
      .where('m.reference', 'in', orNone(refs('missed-collection')))
      .execute(),
    db
      .selectFrom('container_requests as r')
      .innerJoin('addresses as a', 'a.uprn', 'r.uprn')
      .select(['r.reference', 'r.uprn', 'r.container_id', 'r.reason', 'r.charged', 'r.payment_url', 'r.contact_email', 'r.contact_phone', address.as('address')])
      .where('r.reference', 'in', orNone(refs('container-request')))
      .execute(),
    db
      .selectFrom('repairs as r')
      .innerJoin('addresses as a', 'a.uprn', 'r.uprn')
      .select([
        'r.reference', 'r.uprn', 'r.status', 'r.reporter', 'r.sor', 'r.trade_id', 'r.priority', 'r.label_en', 'r.location_label_en', 'r.description',
        'r.target_date', 'r.appointment_date', 'r.appointment_period', 'r.cancel_reason', 'r.cancel_detail',
        'r.contact_preference', 'r.contact_email', 'r.contact_phone', 'r.contact_mobile', address.as('address'),
      ])
      .where('r.reference', 'in', orNone(refs('repair')))
      .execute(),
    db
      .selectFrom('handoff_deliveries')
      .select(['event_id', 'type', 'reference', 'status', 'attempts', 'last_error', 'next_attempt_at', 'delivered_at', 'created_at'])
      .where('reference', 'in', orNone(page.map((row) => row.reference)))
      .orderBy('created_at')
      .orderBy('event_id')
      .execute(),
    db
      .selectFrom('payments')
      .select(['reference', 'attempt', 'status', 'amount'])
      .where('reference', 'in', orNone([...refs('container-request'), ...refs('garden-subscription'), ...refs('bulky-booking')]))
      .orderBy('attempt')
      .execute(),
    db
      .selectFrom('garden_subscriptions as g')
      .innerJoin('addresses as a', 'a.uprn', 'g.uprn')
      .select(['g.reference', 'g.uprn', 'g.bins', 'g.concession', 'g.renewal', 'g.amount', 'g.starts_on', 'g.expires_on', 'g.paid_at', 'g.contact_email', 'g.contact_phone', address.as('address')])
      .where('g.reference', 'in', orNone(refs('garden-subscription')))
      .execute(),
    db
      .selectFrom('bulky_bookings as b')
      .innerJoin('addresses as a', 'a.uprn', 'b.uprn')
      .select(['b.reference', 'b.uprn', 'b.status', 'b.collection_date', 'b.items', 'b.slots', 'b.amount', 'b.location', 'b.location_detail', 'b.payment_url', 'b.contact_email', 'b.contact_phone', address.as('address')])
      .where('b.reference', 'in', orNone(refs('bulky-booking')))
      .execute(),
  ]);
  // The latest attempt's payment wins (ordered by attempt, so later ones overwrite).
  const paymentBy = new Map(payments.map((payment) => [payment.reference, payment]));
  const byRef = <T extends { reference: string }>(rows: T[]) => new Map(rows.map((row) => [row.reference, row]));
  const missedBy = byRef(missed);
  const containersBy = byRef(containers);
  const repairsBy = byRef(repairs);
  const gardensBy = byRef(gardens);
  const bulkyBy = byRef(bulky);

  return page.flatMap((row): StaffSubmission[] => {
    const own = events.filter((event) => event.reference === row.reference);
    const state = row.rank === null ? 'none' : STATE_OF_RANK[Number(row.rank)] ?? 'none';
    const last = [...own].reverse().find((event) => event.last_error !== null);
    const delivery = {
      state,
      attempts: own.reduce((sum, event) => sum + Number(event.attempts), 0),
      lastError: last?.last_error ?? null,
      events: own.map((event) => ({
        eventId: event.event_id,
        type: event.type,
        status: event.status,
        attempts: Number(event.attempts),
        lastError: event.last_error,
        nextAttemptAt: event.status === 'pending' ? event.next_attempt_at : null,
        deliveredAt: event.delivered_at,
      })),
    };
    const common = { reference: row.reference, submittedAt: row.created_at, delivery };
    const m = missedBy.get(row.reference);
    if (row.type === 'missed-collection' && m) {
      return [{
        ...common, type: 'missed-collection', status: 'received', payment: { state: 'not-applicable' }, uprn: m.uprn, address: m.address,
        contact: { email: m.contact_email, phone: m.contact_phone },
        details: { serviceId: m.service_id, service: m.name_en, collectionDate: m.collection_date },
      }];
    }
    const c = containersBy.get(row.reference);
    if (row.type === 'container-request' && c) {
      return [{
        ...common, type: 'container-request', status: 'received', payment: paymentOf(c.charged === 1, paymentBy.get(row.reference)), uprn: c.uprn, address: c.address,
        contact: { email: c.contact_email, phone: c.contact_phone },
        details: { containerId: c.container_id, reason: c.reason, charged: c.charged === 1, paymentUrl: c.payment_url },
      }];
    }
    const r = repairsBy.get(row.reference);
    if (row.type === 'repair' && r) {
      return [{
        ...common, type: 'repair', status: r.status, payment: { state: 'not-applicable' }, uprn: r.uprn, address: r.address,
        contact: { preference: r.contact_preference, email: r.contact_email, phone: r.contact_phone, mobile: r.contact_mobile },
        details: {
          reporter: r.reporter, sor: r.sor, trade: r.trade_id, priority: r.priority, location: r.location_label_en, label: r.label_en, description: r.description,
          targetDate: r.target_date, appointment: r.appointment_date ? { date: r.appointment_date, period: r.appointment_period } : null,
          cancelReason: r.cancel_reason, cancelDetail: r.cancel_detail,
        },
      }];
    }
    const g = gardensBy.get(row.reference);
    if (row.type === 'garden-subscription' && g) {
      return [{
        ...common, type: 'garden-subscription', status: g.paid_at ? 'paid' : 'received', payment: paymentOf(Number(g.amount) > 0, paymentBy.get(row.reference)), uprn: g.uprn, address: g.address,
        contact: { email: g.contact_email, phone: g.contact_phone },
        details: { bins: Number(g.bins), concession: Number(g.concession) === 1, renewal: Number(g.renewal) === 1, amount: Number(g.amount), starts: g.starts_on, expires: g.expires_on, paidAt: g.paid_at },
      }];
    }
    const b = bulkyBy.get(row.reference);
    if (row.type === 'bulky-booking' && b) {
      return [{
        ...common, type: 'bulky-booking', status: b.status, payment: paymentOf(Number(b.amount) > 0, paymentBy.get(row.reference)), uprn: b.uprn, address: b.address,
        contact: { email: b.contact_email, phone: b.contact_phone },
        details: {
          collectionDate: b.collection_date, items: linesOf(b).map((line) => ({ id: line.id, label: line.label.en, quantity: line.quantity })), slots: Number(b.slots),
          amount: Number(b.amount), location: b.location, locationDetail: b.location_detail, paymentUrl: b.payment_url,
        },
      }];
    }
    return [];
  });
}

function paymentOf(charged: boolean, latest: { status: PaymentState; amount: number } | undefined): StaffSubmission['payment'] {
  if (!charged) return { state: 'not-required' };
  return latest ? { state: latest.status, amount: Number(latest.amount) } : { state: 'required' };
}
