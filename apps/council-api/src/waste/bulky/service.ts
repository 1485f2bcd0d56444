import { parseUkMobile, type BulkyBooking, type BulkyBookingReceipt, type BulkyBookingRequest, type BulkyCatalogue, type BulkyChangeRequest } from '@council-kit/contracts';
import type { Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { dialectOf, type CouncilDb } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { enqueueHandoff } from '../../handoff/outbox.js';
import { idempotent, type IdempotencyRequest, type Outcome } from '../../http/idempotency.js';
import type { Lang } from '../../http/lang.js';
import { hashManageToken, randomManageToken } from '../../http/manage-token.js';
import { problems } from '../../http/problems.js';
import { claimReference } from '../../http/references.js';
import type { Logger } from '../../logger.js';
import { defaultNotifyTemplates, type Notifier, type NotifyTemplates } from '../../notify.js';
import { addressOf, linesOf, toBooking, type BookingRow } from './booking-row.js';
import { bulkyRoundOf, changeUntil, roundDates } from './calendar.js';
import { releaseSlots, takeSlots } from './capacity.js';
import { priceLines } from './lines.js';
import { enqueueBulkyBooked, handedOff } from './handoff.js';
import { bulkyPersonalisation } from './notifications.js';
import { bulkyProblems } from './problems.js';

/**
 * Booking, reading, moving and cancelling bulky waste collections. Each change is one
 * transaction (through `idempotent`, so a retried request replays its first answer); capacity
 * is taken last, after every check that could refuse the request, so a refused request never
 * holds slots. Messages go out after the transaction has committed.
 */
export interface BulkyDeps {
  db: CouncilDb;
  clock: Clock;
  config: Pick<Config, 'paymentUrlBase' | 'pay'>;
  catalogue: BulkyCatalogue;
  notifier: Notifier;
  templates: NotifyTemplates;
  logger: Logger;
  newReference?: () => string;
  /** Makes manage tokens (default: 256 random bits, base64url); tests may pass a fixed sequence. */
  newManageToken?: () => string;
  /** The council's page with `<council-bulky-waste>` (`BULKY_MANAGE_URL`): the messages carry the manage link to it. */
  manageUrl?: string;
}

type Db = CouncilDb | Transaction<Database>;

/**
 * With `lock` (a change, inside its transaction): on PostgreSQL the booking's row stays locked
 * until the transaction ends, so two changes to one booking run one after the other and the
 * second sees the date the first left it on (see repairs' service.ts for the same reason).
 */
export function loadBooking(db: Db, reference: string, { lock = false } = {}): Promise<BookingRow | undefined> {
  return db
    .selectFrom('bulky_bookings')
    .innerJoin('addresses', 'addresses.uprn', 'bulky_bookings.uprn')
    .selectAll('bulky_bookings')
    .select(['addresses.line1', 'addresses.line2', 'addresses.town', 'addresses.postcode'])
    .where('bulky_bookings.reference', '=', reference)
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate('bulky_bookings'))
    .executeTakeFirst();
}

/** The manage link in the messages: the council's page, the reference and token in the fragment (never sent to a server). */
const manageLink = (page: string | undefined, reference: string, token: string | undefined): string =>
  page && token ? `${page.split('#')[0]}#${new URLSearchParams({ reference, token }).toString()}` : '';

/**
 * `POST /waste/bulky-bookings`, answered with the booking's manage token. The token is added
 * after the transaction, so the answer kept for replays never holds it; a replay gets a new
 * token, which replaces the first.
 */
export async function bookBulky(deps: BulkyDeps, request: BulkyBookingRequest, idempotency: IdempotencyRequest, lang: Lang): Promise<Outcome<BulkyBookingReceipt>> {
  const manageToken = (deps.newManageToken ?? randomManageToken)();
  const outcome = await recordBooking(deps, request, idempotency, lang, manageToken);
  if ('problem' in outcome) return outcome;
  if (outcome.replayed) {
    await deps.db.updateTable('bulky_bookings').set({ manage_token_hash: hashManageToken(manageToken) }).where('reference', '=', outcome.body.reference).execute();
  }
  return { ...outcome, body: { ...outcome.body, manageToken } } as Outcome<BulkyBookingReceipt>;
}

type StoredReceipt = Omit<BulkyBookingReceipt, 'manageToken'>;

async function recordBooking(deps: BulkyDeps, request: BulkyBookingRequest, idempotency: IdempotencyRequest, lang: Lang, manageToken: string): Promise<Outcome<StoredReceipt>> {
  const { catalogue } = deps;
  const today = deps.clock.today();
  const now = deps.clock.now();
  return idempotent<StoredReceipt>(deps.db, idempotency, now, async (trx) => {
    const property = await trx.selectFrom('addresses').select(['uprn', 'line1', 'line2', 'town', 'postcode']).where('uprn', '=', request.uprn).executeTakeFirst();
    if (!property) return { problem: problems.validation('No property in the council’s area has this UPRN.', [{ path: '/uprn', message: 'No property has this UPRN' }]) };
    const roundId = await bulkyRoundOf(trx, request.uprn);
    if (!roundId) return { problem: bulkyProblems.notServed() };
    const priced = priceLines(catalogue, request.items, lang);
    if ('problem' in priced) return priced;
    if (request.location === 'other' && !request.locationDetail) {
      return { problem: problems.validation('Say where the items will be left.', [{ path: '/locationDetail', message: 'Say where you will leave the items' }]) };
    }
    const offered = roundDates(roundId, today, now, catalogue);
    if (!offered.includes(request.collectionDate)) {
      // A collection day whose cut-off has just passed is "choose another"; any other date was never offered.
      const tooLate = roundDates(roundId, today, new Date(0), catalogue).includes(request.collectionDate);
      if (tooLate) return { problem: bulkyProblems.dateFull() };
      return { problem: problems.validation('This date is not a collection date for this property.', [{ path: '/collectionDate', message: 'Choose a date from the list' }]) };
    }
    // Last, so nothing after it can refuse the request while it holds slots.
    if (!(await takeSlots(trx, roundId, request.collectionDate, priced.slots, catalogue.slotsPerDay))) return { problem: bulkyProblems.dateFull() };

    const reference = await claimReference(trx, 'bulky-booking', now, deps.newReference);
    const paymentUrl = priced.amount > 0 && !deps.config.pay ? `${deps.config.paymentUrlBase}/${reference}` : null;
    await trx
      .insertInto('bulky_bookings')
      .values({
        reference,
        uprn: request.uprn,
        round_id: roundId,
        collection_date: request.collectionDate,
        items: JSON.stringify(priced.lines),
        slots: priced.slots,
        amount: priced.amount,
        location: request.location,
        location_detail: request.locationDetail ?? null,
        status: 'booked',
        lang,
        payment_url: paymentUrl,
        manage_token_hash: hashManageToken(manageToken),
        contact_email: request.contact.email ?? null,
        contact_phone: request.contact.phone ?? null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    const address = addressOf(property);
    // With GOV.UK Pay the back office hears once it is paid (bulky/payable.ts); otherwise now.
    const payNow = !!deps.config.pay && priced.amount > 0;
    if (!payNow) await enqueueBulkyBooked(trx, reference, now);
    const personalisation = bulkyPersonalisation(
      { reference, address, lines: priced.lines, collectionDate: request.collectionDate, amount: priced.amount, changeUntil: changeUntil(request.collectionDate, catalogue), paymentUrl, manageLink: manageLink(deps.manageUrl, reference, manageToken) },
      lang,
    );
    const body: StoredReceipt = { reference, amount: priced.amount, collectionDate: request.collectionDate, ...(paymentUrl ? { paymentUrl } : {}) };
    return { status: 201, body, after: () => notify(deps, 'booked', request.contact, reference, personalisation, lang) };
  });
}

/** Refuses a change to a booking that is not `booked` or whose cut-off has passed. */
function changeRefusal(deps: BulkyDeps, row: BookingRow, now: Date) {
  if (row.status !== 'booked') return { problem: bulkyProblems.manageLinkExpired(row.status, row.cancel_reason) };
  const until = changeUntil(row.collection_date, deps.catalogue);
  if (now >= until) return { problem: bulkyProblems.changeClosed(until.toISOString()) };
  return undefined;
}

/** `PATCH /waste/bulky-bookings/{reference}`: moves the booking to another offered date; the capacity moves in the same transaction. */
export async function changeBulky(deps: BulkyDeps, reference: string, request: BulkyChangeRequest, idempotency: IdempotencyRequest, lang: Lang): Promise<Outcome<BulkyBooking>> {
  const today = deps.clock.today();
  const now = deps.clock.now();
  return idempotent<BulkyBooking>(deps.db, idempotency, now, async (trx) => {
    const row = await loadBooking(trx, reference, { lock: true });
    if (!row) return { problem: bulkyProblems.bookingNotFound() };
    const refused = changeRefusal(deps, row, now);
    if (refused) return refused;
    if (request.collectionDate === row.collection_date) return { status: 200, body: toBooking(row, deps.catalogue, now, lang) };
    if (!roundDates(row.round_id, today, now, deps.catalogue).includes(request.collectionDate)) {
      return { problem: problems.validation('This date is not a collection date for this property.', [{ path: '/collectionDate', message: 'Choose a date from the list' }]) };
    }
    if (!(await takeSlots(trx, row.round_id, request.collectionDate, row.slots, deps.catalogue.slotsPerDay))) return { problem: bulkyProblems.dateFull() };
    await releaseSlots(trx, row.round_id, row.collection_date, row.slots);
    await trx.updateTable('bulky_bookings').set({ collection_date: request.collectionDate, updated_at: now.toISOString() }).where('reference', '=', reference).execute();
    const updated = (await loadBooking(trx, reference))!;
    if (await handedOff(trx, row, !!deps.config.pay)) {
      await enqueueHandoff(trx, { type: 'bulky.rescheduled', reference, data: { collectionDate: request.collectionDate, previousCollectionDate: row.collection_date } }, now);
    }
    const personalisation = bulkyPersonalisation(
      { reference, address: addressOf(updated), lines: linesOf(updated), collectionDate: updated.collection_date, amount: updated.amount, changeUntil: changeUntil(updated.collection_date, deps.catalogue), paymentUrl: null, manageLink: '' },
      lang,
    );
    return { status: 200, body: toBooking(updated, deps.catalogue, now, lang), after: () => notify(deps, 'changed', contactOf(updated), reference, personalisation, lang) };
  });
}

/** `DELETE /waste/bulky-bookings/{reference}`: cancels and gives the slots back (and so ends the manage token). */
export async function cancelBulky(deps: BulkyDeps, reference: string, idempotency: IdempotencyRequest, lang: Lang): Promise<Outcome<BulkyBooking>> {
  const now = deps.clock.now();
  return idempotent<BulkyBooking>(deps.db, idempotency, now, async (trx) => {
    const row = await loadBooking(trx, reference, { lock: true });
    if (!row) return { problem: bulkyProblems.bookingNotFound() };
    // Two cancels crossing: the second answers the cancelled booking again.
    if (row.status === 'cancelled') return { status: 200, body: toBooking(row, deps.catalogue, now, lang) };
    const refused = changeRefusal(deps, row, now);
    if (refused) return refused;
    await releaseSlots(trx, row.round_id, row.collection_date, row.slots);
    await trx.updateTable('bulky_bookings').set({ status: 'cancelled', cancel_reason: 'resident', updated_at: now.toISOString() }).where('reference', '=', reference).execute();
    const updated = (await loadBooking(trx, reference))!;
    if (await handedOff(trx, row, !!deps.config.pay)) {
      await enqueueHandoff(trx, { type: 'bulky.cancelled', reference, data: { collectionDate: row.collection_date, amount: row.amount } }, now);
    }
    const personalisation = bulkyPersonalisation(
      { reference, address: addressOf(updated), lines: linesOf(updated), collectionDate: updated.collection_date, amount: updated.amount, changeUntil: changeUntil(updated.collection_date, deps.catalogue), paymentUrl: null, manageLink: '' },
      lang,
    );
    return { status: 200, body: toBooking(updated, deps.catalogue, now, lang), after: () => notify(deps, 'cancelled', contactOf(updated), reference, personalisation, lang) };
  });
}

const contactOf = (row: BookingRow) => ({ email: row.contact_email ?? undefined, phone: row.contact_phone ?? undefined });

const templateNames = {
  booked: ['bulkyBookedEmail', 'bulkyBookedSms'],
  changed: ['bulkyChangedEmail', 'bulkyChangedSms'],
  cancelled: ['bulkyCancelledEmail', 'bulkyCancelledSms'],
} as const;

/**
 * Sends the message to the contact details given (none: nothing sent; texts to mobiles only).
 * A failure is logged (without the address or number) and never undoes the change, already stored.
 */
async function notify(deps: BulkyDeps, message: keyof typeof templateNames, contact: { email?: string; phone?: string }, reference: string, personalisation: Record<string, string>, lang: Lang): Promise<void> {
  const [emailName, smsName] = templateNames[message];
  const template = (name: keyof NotifyTemplates) => deps.templates[name] ?? defaultNotifyTemplates[name]!;
  const mobile = parseUkMobile(contact.phone);
  try {
    if (contact.email) await deps.notifier.sendEmail(template(emailName), contact.email, { personalisation, reference }, lang);
    if (mobile) await deps.notifier.sendSms(template(smsName), mobile, { personalisation, reference }, lang);
  } catch (error) {
    deps.logger.warn('notification failed', { message: `bulky-${message}`, error: error instanceof Error ? error.name : 'unknown' });
  }
}
