import { addDays, findLeaf, isWorkingDay, type CancelReason, type RepairStatus, type SlotPeriod } from '@council-kit/contracts';
import type { Clock } from '../clock.js';
import type { CouncilDb } from '../db/database.js';
import { addWorkingDays, nextWorkingDay } from './calendar.js';
import { currentCatalogue, installCatalogue } from './catalogue-store.js';
import { exampleRepairCatalogue } from './seed-catalogue.js';
import { topUpSlots } from './slots.js';

/**
 * Anytown's repairs service: trades and operatives, appointment slots for the next six weeks,
 * and a few repairs already reported in AN1 1AA (Mill Court, a council block), so the "already
 * reported" list and the manage-appointment pages have something to show.
 */

const trades = [
  { id: 'plumber', name_en: 'Plumber', name_cy: 'Plymwr', day_shape: 'am-pm', operatives: ['Dai Jones', 'Sam Patel', 'Non Evans'] },
  { id: 'electrician', name_en: 'Electrician', name_cy: 'Trydanwr', day_shape: 'am-pm', operatives: ['Priya Shah', 'Gareth Lloyd'] },
  { id: 'carpenter', name_en: 'Carpenter', name_cy: 'Saer coed', day_shape: 'am-pm', operatives: ['Tom Hughes', 'Alys Morgan', 'Ben Okafor'] },
  { id: 'gas-engineer', name_en: 'Gas engineer', name_cy: 'Peiriannydd nwy', day_shape: 'am-pm', operatives: ['Rhys Price', 'Jo Clarke'] },
  { id: 'roofer', name_en: 'Roofer', name_cy: 'Töwr', day_shape: 'all-day', operatives: ['Huw Roberts'] },
  { id: 'glazier', name_en: 'Glazier', name_cy: 'Gwydrwr', day_shape: 'all-day', operatives: ['Ffion Davies'] },
  { id: 'general', name_en: 'Multi-trade operative', name_cy: 'Gweithiwr aml-grefft', day_shape: 'am-pm', operatives: ['Kim Walsh', 'Owain Thomas'] },
] as const;

/** The demo repairs' references (from the contracts' fixtures, so stories and the API agree). */
export const seedRepairReferences = {
  communalOpen: 'RP7K2M9Q',
  booked: 'RPX4T8WN',
  completed: 'RPC3M7HD',
  cancelled: 'RPF6V2JB',
} as const;

export interface PrepareRepairsOptions {
  /** The app's clock: slots and the demo repairs' dates count from its today; timestamps are its now. */
  clock: Clock;
  /** `REPAIRS_CATALOGUE_FILE`; unset: the example catalogue (unless one is already loaded). */
  catalogueFile?: string;
  /** New slots start partly booked, as in a lived-in calendar (default true; tests may turn it off). */
  demoBookings?: boolean;
}

/**
 * Run at every start, after migrations and the address seed: loads the catalogue (refusing a
 * bad file), adds trades and demo repairs to an empty database, and tops up slots so there are
 * always six weeks of them.
 */
export async function prepareRepairs(db: CouncilDb, { clock, catalogueFile, demoBookings = true }: PrepareRepairsOptions): Promise<void> {
  const today = clock.today();
  await installCatalogue(db, { file: catalogueFile, example: exampleRepairCatalogue }, clock.now());
  const hasTrades = await db.selectFrom('repair_trades').select('id').limit(1).executeTakeFirst();
  if (!hasTrades) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('repair_trades').values(trades.map(({ id, name_en, name_cy, day_shape }) => ({ id, name_en, name_cy, day_shape }))).execute();
      await trx
        .insertInto('repair_operatives')
        .values(trades.flatMap((trade) => trade.operatives.map((name, i) => ({ id: `${trade.id}-${i + 1}`, trade_id: trade.id, name, active: 1 }))))
        .execute();
    });
  }
  await topUpSlots(db, today, { demoBookings });
  const hasRepairs = await db.selectFrom('repairs').select('reference').limit(1).executeTakeFirst();
  if (!hasRepairs) await seedDemoRepairs(db, today, clock.now().toISOString());
}

async function seedDemoRepairs(db: CouncilDb, today: string, now: string): Promise<void> {
  const stored = await currentCatalogue(db);
  const flats = await db
    .selectFrom('addresses')
    .select(['uprn', 'block_id'])
    .where('postcode', '=', 'AN1 1AA')
    .where('council_owned', '=', 1)
    .where('block_id', 'is not', null)
    .orderBy('uprn')
    .execute();
  const house = await db
    .selectFrom('addresses')
    .select(['uprn', 'block_id'])
    .where('postcode', '=', 'AN1 1AA')
    .where('council_owned', '=', 1)
    .where('block_id', 'is', null)
    .orderBy('uprn')
    .executeTakeFirst();
  if (!stored || flats.length < 2 || !house) return; // a council's own addresses and catalogue: no demo repairs
  const { catalogue } = stored;
  const lastWeek = workingDayOnOrBefore(addDays(today, -7));

  await db.transaction().execute(async (trx) => {
    const add = async (
      reference: string,
      property: { uprn: string; block_id: string | null },
      leafId: string,
      status: RepairStatus,
      reportedOn: string,
      description: string,
      extra: { slot?: { id: string; date: string; period: SlotPeriod }; appointment?: { date: string; period: SlotPeriod }; cancelReason?: CancelReason } = {},
    ) => {
      const found = findLeaf(catalogue, leafId);
      if (!found) return;
      const { location, leaf } = found;
      const appointment = extra.slot ?? extra.appointment;
      await trx.insertInto('submission_references').values({ reference, kind: 'repair', created_at: now }).onConflict((oc) => oc.column('reference').doNothing()).execute();
      await trx
        .insertInto('repairs')
        .values({
          reference,
          uprn: property.uprn,
          block_id: property.block_id,
          reporter: 'tenant',
          catalogue_version: catalogue.version,
          leaf_id: leaf.id,
          sor: leaf.sor,
          trade_id: leaf.trade,
          priority: leaf.priority,
          communal: location.communal ? 1 : 0,
          label_en: leaf.label.en,
          label_cy: leaf.label.cy,
          location_label_en: location.label.en,
          location_label_cy: location.label.cy,
          description,
          status,
          reported_on: reportedOn,
          target_date: addWorkingDays(reportedOn, leaf.targetDays),
          slot_id: extra.slot?.id ?? null,
          appointment_date: appointment?.date ?? null,
          appointment_period: appointment?.period ?? null,
          contact_preference: 'email',
          contact_mobile: null,
          contact_email: 'tenant@example.com',
          contact_phone: null,
          cancel_reason: extra.cancelReason ?? null,
          cancel_detail: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    };

    const [flat1, flat2] = flats as [(typeof flats)[number], (typeof flats)[number]];
    await add(seedRepairReferences.communalOpen, flat2, 'communal-light-out', 'awaiting-appointment', lastWeek, 'The light on the second floor landing has been out for three nights.');
    await add(seedRepairReferences.cancelled, flat2, 'entrance-door-closer', 'cancelled', lastWeek, 'The front door of the block slams shut.', { cancelReason: 'fixed' });

    // The booked repair takes a real place in the first plumbing slot with room.
    const slot = await trx
      .selectFrom('repair_slots')
      .select(['id', 'date', 'period'])
      .where('trade_id', '=', 'plumber')
      .where('date', '>=', nextWorkingDay(today))
      .whereRef('booked', '<', 'capacity')
      .orderBy('date')
      .orderBy('period')
      .executeTakeFirst();
    if (slot) {
      await trx.updateTable('repair_slots').set((eb) => ({ booked: eb('booked', '+', 1) })).where('id', '=', slot.id).execute();
      await add(seedRepairReferences.booked, flat1, 'tap-dripping', 'booked', lastWeek, 'The cold tap in the kitchen drips all the time.', {
        slot: { id: slot.id, date: slot.date, period: slot.period },
      });
    }
    const longAgo = workingDayOnOrBefore(addDays(today, -30));
    await add(seedRepairReferences.completed, house, 'toilet-seat', 'completed', longAgo, 'The toilet seat hinge has snapped.', {
      appointment: { date: addWorkingDays(longAgo, 3), period: 'am' },
    });
  });
}

/** `date`, or the last working day before it. */
function workingDayOnOrBefore(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}
