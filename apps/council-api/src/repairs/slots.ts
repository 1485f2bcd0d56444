import { addDays, type RepairSlot, type SlotPeriod } from '@council-kit/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { CouncilDb } from '../db/database.js';
import type { BankHolidayDivision } from '../db/import-tables.js';
import type { Database, DayShape } from '../db/schema.js';
import { mulberry32 } from '../random.js';
import { HolidayCalendar } from '../db/bank-holidays.js';
import { nextWorkingDay, workingDaysUntil } from './calendar.js';

/** `GET /repairs/slots` shows two weeks unless asked; slots exist (and can be booked) six weeks ahead. */
export const DEFAULT_WEEKS = 2;
export const MAX_WEEKS = 6;

type Db = Kysely<Database> | Transaction<Database>;

/** Opaque to clients, readable in the database: `plumber-2026-11-26-am`. */
export const slotId = (trade: string, date: string, period: SlotPeriod): string => `${trade}-${date}-${period}`;

/** Free slots for one trade from the next working day to `weeks` weeks after today. */
export async function freeSlots(db: Db, trade: string, today: string, weeks: number): Promise<RepairSlot[]> {
  const rows = await db
    .selectFrom('repair_slots')
    .select(['id', 'date', 'period'])
    .where('trade_id', '=', trade)
    .where('date', '>=', nextWorkingDay(today))
    .where('date', '<=', addDays(today, weeks * 7))
    .whereRef('booked', '<', 'capacity')
    .orderBy('date')
    .orderBy('period')
    .execute();
  return rows.map((row) => ({ id: row.id, date: row.date, period: row.period }));
}

export type Booking = { ok: true; date: string; period: SlotPeriod } | { ok: false; why: 'unknown' | 'taken' };

/**
 * Takes one place in a slot, inside the caller's transaction. The conditional UPDATE is the
 * whole guarantee (see migration 0004): when it changes no row, someone else took the last
 * place first. A slot in the past, or beyond the booking window, counts as taken.
 */
export async function bookSlot(trx: Transaction<Database>, id: string, trade: string, today: string): Promise<Booking> {
  const slot = await trx.selectFrom('repair_slots').select(['trade_id', 'date', 'period']).where('id', '=', id).executeTakeFirst();
  if (!slot || slot.trade_id !== trade) return { ok: false, why: 'unknown' };
  if (slot.date < nextWorkingDay(today) || slot.date > addDays(today, MAX_WEEKS * 7)) return { ok: false, why: 'taken' };
  const result = await trx
    .updateTable('repair_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('id', '=', id)
    .whereRef('booked', '<', 'capacity')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, why: 'taken' };
  return { ok: true, date: slot.date, period: slot.period };
}

/** Gives a place back (a moved or cancelled appointment). */
export async function releaseSlot(trx: Transaction<Database>, id: string): Promise<void> {
  await trx
    .updateTable('repair_slots')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('id', '=', id)
    .where('booked', '>', 0)
    .execute();
}

/** The periods a trade works in a day. */
export const periodsFor = (dayShape: DayShape): SlotPeriod[] => (dayShape === 'all-day' ? ['all-day'] : ['am', 'pm']);

/**
 * Makes sure every trade has slots on every working day for the next six weeks (run at each
 * start and hourly, so a long-running demo never runs out). Capacity is the trade's active operatives.
 * With `demoBookings`, new slots start partly booked (by the contact centre, as it were),
 * deterministically from the slot id, so the calendar looks lived in: about one day in eight
 * is full.
 */
export async function topUpSlots(
  db: CouncilDb,
  today: string,
  { demoBookings = true, division = 'england-and-wales' }: { demoBookings?: boolean; division?: BankHolidayDivision } = {},
): Promise<number> {
  const trades = await db
    .selectFrom('repair_trades')
    .leftJoin('repair_operatives', (join) => join.onRef('repair_operatives.trade_id', '=', 'repair_trades.id').on('repair_operatives.active', '=', 1))
    .select((eb) => ['repair_trades.id', 'repair_trades.day_shape', eb.fn.count<number>('repair_operatives.id').as('operatives')])
    .groupBy(['repair_trades.id', 'repair_trades.day_shape'])
    .execute();
  const until = addDays(today, MAX_WEEKS * 7);
  const holidays = await HolidayCalendar.load(db, division, today, until);
  const rows = workingDaysUntil(today, until, (day) => holidays.isWorkingDay(day)).flatMap((date) =>
    trades.flatMap((trade) =>
      periodsFor(trade.day_shape).map((period) => {
        const id = slotId(trade.id, date, period);
        const capacity = Number(trade.operatives);
        return { id, trade_id: trade.id, date, period, capacity, booked: demoBookings ? demoBooked(id, capacity) : 0 };
      }),
    ),
  );
  let added = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const result = await db
      .insertInto('repair_slots')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['trade_id', 'date', 'period']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

function demoBooked(id: string, capacity: number): number {
  let hash = 0;
  for (const char of id) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  const rand = mulberry32(hash);
  if (rand() < 0.125) return capacity;
  return Math.min(capacity, Math.floor(rand() * capacity));
}
