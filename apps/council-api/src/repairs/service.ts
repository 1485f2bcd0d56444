import { findLeaf, leafOutcome, normalisePostcode, type RepairCatalogue, type Repair, type RepairRequest, type RescheduleRequest, type CancelRequest, type ReportedRepair, type SlotPeriod, type RepairLeaf, type RepairLocation } from '@council-kit/contracts';
import type { Selectable, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import { dialectOf, type CouncilDb } from '../db/database.js';
import type { BankHolidayDivision } from '../db/import-tables.js';
import type { Database, RepairsTable } from '../db/schema.js';
import { enqueueHandoff } from '../handoff/outbox.js';
import { idempotent, type IdempotencyRequest, type Outcome } from '../http/idempotency.js';
import type { Lang } from '../http/lang.js';
import { problems } from '../http/problems.js';
import { claimReference, REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../http/references.js';
import type { Logger } from '../logger.js';
import type { Notifier, NotifyTemplates } from '../notify.js';
import { HolidayCalendar } from '../db/bank-holidays.js';
import { addWorkingDays } from './calendar.js';
import { currentCatalogue } from './catalogue-store.js';
import { hashManageToken, randomManageToken } from '../http/manage-token.js';
import { manageLinkTo } from './manage-link.js';
import { appointmentText, dateText, notifyRepair } from './notifications.js';
import { repairProblems } from './problems.js';
import { bookSlot, releaseSlot } from './slots.js';

/**
 * Reporting, reading, moving and cancelling repairs. Each change runs in one transaction
 * (through `idempotent`, so a retried request replays its first answer): the slot is booked
 * last, after every check that could refuse the request, so a refused request never holds a
 * place. Confirmations go out after the transaction has committed.
 */
export interface RepairDeps {
  db: CouncilDb;
  clock: Clock;
  notifier: Notifier;
  templates: NotifyTemplates;
  logger: Logger;
  newReference?: () => string;
  /** Makes manage tokens (default: 256 random bits, base64url); tests may pass a fixed sequence. */
  newManageToken?: () => string;
  /** The council's appointment page: when set, the confirmation carries the manage link (see `manage-link.ts`). */
  manageUrl?: string;
  /** Whose bank holidays a target date's working days skip (`BANK_HOLIDAY_DIVISION`; default England and Wales). */
  bankHolidayDivision?: BankHolidayDivision;
}

type RepairRow = Selectable<RepairsTable> & { line1: string; line2: string | null; town: string; postcode: string };
type Db = CouncilDb | Transaction<Database>;

const addressOf = (row: { line1: string; line2: string | null; town: string; postcode: string }): string =>
  [row.line1, row.line2, row.town, row.postcode].filter(Boolean).join(', ');

/** A stored repair in the contract's shape, labels in `lang`. */
export function toRepair(row: RepairRow, lang: Lang): Repair {
  return {
    reference: row.reference,
    status: row.status,
    uprn: row.uprn,
    address: addressOf(row),
    reporter: row.reporter,
    leafId: row.leaf_id,
    sor: row.sor,
    label: lang === 'cy' ? row.label_cy : row.label_en,
    priority: row.priority,
    description: row.description,
    reportedOn: row.reported_on,
    targetDate: row.target_date,
    ...(row.appointment_date && row.appointment_period ? { appointment: { date: row.appointment_date, period: row.appointment_period } } : {}),
    ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
  };
}

/**
 * With `lock` (a change, inside its transaction): on PostgreSQL the repair's row stays locked
 * until the transaction ends, so two changes to one repair (two moves, a move and a cancel)
 * run one after the other and the second sees the slot the first left it in; without the
 * lock both would release the same old slot and each book a new one. SQLite runs one
 * transaction at a time anyway, and has no FOR UPDATE.
 */
async function loadRow(db: Db, reference: string, { lock = false } = {}): Promise<RepairRow | undefined> {
  return db
    .selectFrom('repairs')
    .innerJoin('addresses', 'addresses.uprn', 'repairs.uprn')
    .selectAll('repairs')
    .select(['addresses.line1', 'addresses.line2', 'addresses.town', 'addresses.postcode'])
    .where('repairs.reference', '=', reference)
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate('repairs'))
    .executeTakeFirst();
}

/** The repair with this (normalised) reference, with its address; for a reference already authorised. */
export function findRepairRow(db: Db, reference: string): Promise<RepairRow | undefined> {
  return loadRow(db, reference);
}

/** A reference as a resident might type it ("rp7k 2m9q") → `RP7K2M9Q`, or undefined when it cannot be one. */
export function normaliseReference(input: string): string | undefined {
  const reference = input.replace(/[\s-]+/g, '').toUpperCase();
  if (reference.length !== REFERENCE_LENGTH || [...reference].some((c) => !REFERENCE_ALPHABET.includes(c))) return undefined;
  return reference;
}

/**
 * The repair with this reference at this postcode. A wrong postcode and an unknown reference
 * look the same (undefined), so references cannot be probed.
 */
export async function findRepair(db: Db, reference: string, postcode: string, options: { lock?: boolean } = {}): Promise<RepairRow | undefined> {
  const ref = normaliseReference(reference);
  if (!ref) return undefined;
  const row = await loadRow(db, ref, options);
  if (!row || row.postcode.replace(/\s+/g, '') !== normalisePostcode(postcode).replace(/\s+/g, '')) return undefined;
  return row;
}

/** Why a leaf cannot be reported online, in words the element can show. */
function refusal(catalogue: RepairCatalogue, location: RepairLocation, leaf: RepairLeaf, reporter: RepairRequest['reporter']): string | undefined {
  const { phone, outOfHoursPhone } = catalogue.council;
  switch (leafOutcome(leaf, reporter)) {
    case 'not-eligible':
      return reporter === 'leaseholder' && !location.communal
        ? 'Leaseholders look after repairs inside their own home. Only repairs to shared areas can be reported here.'
        : `The council does not do this repair.${leaf.hint ? ` ${leaf.hint.en}` : ''}`;
    case 'call-us':
      return `This is an emergency: call us now on ${phone} (${outOfHoursPhone} outside office hours).`;
    case 'contact-us':
      return `Call us on ${phone} about this repair: we need to talk it through with you.`;
    default:
      return undefined;
  }
}

/**
 * `POST /repairs`, answered with the repair's manage token. The token is added after the
 * transaction, so the answer kept for replays (in `idempotency_keys`) never holds it. A replay
 * (same key, same body: only the reporter's own retry, after losing the first answer) gets a
 * new token, which replaces the first one.
 */
export async function reportRepair(deps: RepairDeps, request: RepairRequest, idempotency: IdempotencyRequest, lang: Lang): Promise<Outcome<ReportedRepair>> {
  const manageToken = (deps.newManageToken ?? randomManageToken)();
  const outcome = await recordRepair(deps, request, idempotency, lang, manageToken);
  if ('problem' in outcome) return outcome;
  if (outcome.replayed) {
    await deps.db.updateTable('repairs').set({ manage_token_hash: hashManageToken(manageToken) }).where('reference', '=', outcome.body.reference).execute();
  }
  return { ...outcome, body: { ...outcome.body, manageToken } };
}

async function recordRepair(deps: RepairDeps, request: RepairRequest, idempotency: IdempotencyRequest, lang: Lang, manageToken: string): Promise<Outcome<Repair>> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  const stored = await currentCatalogue(deps.db);
  if (!stored) return { problem: repairProblems.catalogueMissing() };
  const { catalogue } = stored;

  // The division's holidays (imported, else computed) for the year around today: a target is weeks away at most.
  const holidays = await HolidayCalendar.load(deps.db, deps.bankHolidayDivision ?? 'england-and-wales', today, today);
  return idempotent<Repair>(deps.db, idempotency, now, async (trx) => {
    const property = await trx.selectFrom('addresses').selectAll().where('uprn', '=', request.uprn).executeTakeFirst();
    if (!property) return { problem: problems.validation('No property in the council’s area has this UPRN.', [{ path: '/uprn', message: 'No property has this UPRN' }]) };
    if (property.council_owned !== 1) return { problem: repairProblems.notCouncilProperty() };
    const found = findLeaf(catalogue, request.leafId);
    if (!found) return { problem: problems.validation('The council’s repairs catalogue has no such repair.', [{ path: '/leafId', message: 'Choose the repair from the catalogue' }]) };
    const { location, leaf } = found;
    const refused = refusal(catalogue, location, leaf, request.reporter);
    if (refused) return { problem: repairProblems.notEligible(refused) };
    const bookable = leafOutcome(leaf, request.reporter) === 'book';
    if (request.slotId && !bookable) {
      return { problem: problems.validation('This repair is not booked online; we will contact you to arrange it.', [{ path: '/slotId', message: 'Leave out the appointment for this repair' }]) };
    }
    if (request.photoIds.length) {
      const free = await trx.selectFrom('repair_photos').select('id').where('id', 'in', request.photoIds).where('repair_reference', 'is', null).execute();
      const ids = new Set(free.map((photo) => photo.id));
      const missing = request.photoIds.flatMap((id, i) => (ids.has(id) ? [] : [{ path: `/photoIds/${i}`, message: 'This photo was not found: upload it again' }]));
      if (missing.length) return { problem: problems.validation('A photo was not found.', missing) };
    }

    // Last, so nothing after it can refuse the request while it holds a place.
    let appointment: { date: string; period: SlotPeriod } | undefined;
    if (request.slotId) {
      const booking = await bookSlot(trx, request.slotId, leaf.trade, today);
      if (!booking.ok && booking.why === 'unknown') {
        return { problem: problems.validation('This appointment is not one offered for this repair.', [{ path: '/slotId', message: 'Choose an appointment from the list' }]) };
      }
      if (!booking.ok) return { problem: repairProblems.slotTaken() };
      appointment = { date: booking.date, period: booking.period };
    }

    const reference = await claimReference(trx, 'repair', now, deps.newReference);
    await trx
      .insertInto('repairs')
      .values({
        reference,
        uprn: property.uprn,
        block_id: property.block_id,
        reporter: request.reporter,
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
        description: request.description,
        status: appointment ? 'booked' : 'awaiting-appointment',
        reported_on: today,
        target_date: addWorkingDays(today, leaf.targetDays, (day) => holidays.isWorkingDay(day)),
        slot_id: appointment ? request.slotId! : null,
        appointment_date: appointment?.date ?? null,
        appointment_period: appointment?.period ?? null,
        contact_preference: request.contact.preference,
        contact_mobile: request.contact.mobile ?? null,
        contact_email: request.contact.email ?? null,
        contact_phone: request.contact.phone ?? null,
        cancel_reason: null,
        cancel_detail: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        manage_token_hash: hashManageToken(manageToken),
      })
      .execute();
    if (request.photoIds.length) {
      await trx.updateTable('repair_photos').set({ repair_reference: reference }).where('id', 'in', request.photoIds).where('repair_reference', 'is', null).execute();
    }

    const row = (await loadRow(trx, reference))!;
    const repair = toRepair(row, lang);
    await enqueueHandoff(trx, { type: 'repair.reported', reference, data: reportedData(row, request.photoIds) }, now);
    return {
      status: 201,
      body: repair,
      after: () =>
        notifyRepair(deps, 'reported', recipientOf(row), reference, {
          reference,
          address: repair.address,
          repair: repair.label,
          has_appointment: appointment ? 'yes' : 'no',
          appointment: appointmentText(appointment, lang),
          target_date: dateText(repair.targetDate, lang),
          manage_link: deps.manageUrl ? manageLinkTo(deps.manageUrl, reference, manageToken) : '',
        }, lang),
    };
  });
}

/** What the back office needs to raise the job: the property, the repair (SOR code, trade, priority), the appointment and how to reach the reporter. */
function reportedData(row: RepairRow, photoIds: readonly string[]): Record<string, unknown> {
  return {
    uprn: row.uprn,
    address: addressOf(row),
    blockId: row.block_id,
    reporter: row.reporter,
    catalogueVersion: row.catalogue_version,
    leafId: row.leaf_id,
    sor: row.sor,
    trade: row.trade_id,
    priority: row.priority,
    communal: row.communal === 1,
    location: row.location_label_en,
    label: row.label_en,
    description: row.description,
    photoIds: [...photoIds],
    status: row.status,
    reportedOn: row.reported_on,
    targetDate: row.target_date,
    appointment: row.appointment_date ? { date: row.appointment_date, period: row.appointment_period } : null,
    contact: { preference: row.contact_preference, mobile: row.contact_mobile, email: row.contact_email, phone: row.contact_phone },
  };
}

const recipientOf = (row: Selectable<RepairsTable>) => ({ preference: row.contact_preference, mobile: row.contact_mobile, email: row.contact_email });
/** Completed or cancelled: nothing more can change, and its manage token no longer works. */
export const isClosed = (status: string): boolean => status === 'cancelled' || status === 'completed';

/**
 * `PATCH /repairs/{reference}`: moves (or first books) the appointment. Moving to the slot it
 * already has changes nothing. `reference` is one the request was authorised for (`access.ts`).
 */
export async function rescheduleRepair(
  deps: RepairDeps,
  reference: string,
  request: RescheduleRequest,
  idempotency: IdempotencyRequest,
  lang: Lang,
): Promise<Outcome<Repair>> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  const stored = await currentCatalogue(deps.db);
  return idempotent<Repair>(deps.db, idempotency, now, async (trx) => {
    const row = await loadRow(trx, reference, { lock: true });
    if (!row) return { problem: repairProblems.repairNotFound() };
    if (isClosed(row.status)) return { problem: repairProblems.repairClosed(row.status) };
    if (row.slot_id === request.slotId) return { status: 200, body: toRepair(row, lang) };
    // The current catalogue decides whether this job is booked online; a leaf it no longer has goes by priority.
    const found = stored ? findLeaf(stored.catalogue, row.leaf_id) : undefined;
    const bookable = found ? leafOutcome(found.leaf, row.reporter) === 'book' : row.priority === 'routine';
    if (!bookable) return { problem: repairProblems.notEligible('We arrange the appointment for this repair with you by phone.') };

    // Two moves can cross (one repair from A to B, another from B to A): the two slots' rows are
    // changed in id order, so on PostgreSQL the second move waits for the first instead of
    // deadlocking. A refused booking rolls the release back with the rest of the transaction.
    const releaseFirst = row.slot_id !== null && row.slot_id < request.slotId;
    if (releaseFirst) await releaseSlot(trx, row.slot_id!);
    const booking = await bookSlot(trx, request.slotId, row.trade_id, today);
    if (!booking.ok && booking.why === 'unknown') {
      return { problem: problems.validation('This appointment is not one offered for this repair.', [{ path: '/slotId', message: 'Choose an appointment from the list' }]) };
    }
    if (!booking.ok) return { problem: repairProblems.slotTaken() };
    if (row.slot_id && !releaseFirst) await releaseSlot(trx, row.slot_id);
    const previous = row.appointment_date && row.appointment_period ? { date: row.appointment_date, period: row.appointment_period } : undefined;
    await trx
      .updateTable('repairs')
      .set({ slot_id: request.slotId, appointment_date: booking.date, appointment_period: booking.period, status: 'booked', updated_at: now.toISOString() })
      .where('reference', '=', row.reference)
      .execute();
    const updated = (await loadRow(trx, row.reference))!;
    const repair = toRepair(updated, lang);
    const moved = { appointment: repair.appointment ?? null, previousAppointment: previous ?? null, status: updated.status };
    await enqueueHandoff(trx, { type: 'repair.rescheduled', reference: row.reference, data: moved }, now);
    return {
      status: 200,
      body: repair,
      after: () =>
        notifyRepair(deps, 'rescheduled', recipientOf(updated), repair.reference, {
          reference: repair.reference,
          address: repair.address,
          repair: repair.label,
          appointment: appointmentText(repair.appointment, lang),
          previous_appointment: appointmentText(previous, lang),
        }, lang),
    };
  });
}

/**
 * `DELETE /repairs/{reference}`: cancels and frees the slot (and so ends the manage token).
 * Cancelling a cancelled repair answers it again, unchanged (reached only when two cancels
 * cross: the route refuses the token of a closed repair). `reference` is an authorised one.
 */
export async function cancelRepair(
  deps: RepairDeps,
  reference: string,
  request: CancelRequest,
  idempotency: IdempotencyRequest,
  lang: Lang,
): Promise<Outcome<Repair>> {
  const now = deps.clock.now();
  return idempotent<Repair>(deps.db, idempotency, now, async (trx) => {
    const row = await loadRow(trx, reference, { lock: true });
    if (!row) return { problem: repairProblems.repairNotFound() };
    if (row.status === 'cancelled') return { status: 200, body: toRepair(row, lang) };
    if (row.status === 'completed') return { problem: repairProblems.repairClosed(row.status) };
    if (row.slot_id) await releaseSlot(trx, row.slot_id);
    await trx
      .updateTable('repairs')
      .set({
        status: 'cancelled',
        slot_id: null,
        appointment_date: null,
        appointment_period: null,
        cancel_reason: request.reason,
        cancel_detail: request.detail ?? null,
        updated_at: now.toISOString(),
      })
      .where('reference', '=', row.reference)
      .execute();
    const updated = (await loadRow(trx, row.reference))!;
    const repair = toRepair(updated, lang);
    const reason = await trx.selectFrom('repair_cancel_reasons').select(['label_en', 'label_cy']).where('id', '=', request.reason).executeTakeFirstOrThrow();
    const cancelled = { reason: request.reason, reasonLabel: reason.label_en, detail: request.detail ?? null, freedAppointment: row.appointment_date ? { date: row.appointment_date, period: row.appointment_period } : null };
    await enqueueHandoff(trx, { type: 'repair.cancelled', reference: row.reference, data: cancelled }, now);
    return {
      status: 200,
      body: repair,
      after: () =>
        notifyRepair(deps, 'cancelled', recipientOf(updated), repair.reference, {
          reference: repair.reference,
          address: repair.address,
          repair: repair.label,
          reason: lang === 'cy' ? reason.label_cy : reason.label_en,
        }, lang),
    };
  });
}
