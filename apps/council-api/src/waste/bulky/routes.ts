import type { BulkyDates, BulkyLine } from '@council-kit/contracts';
import { Hono } from 'hono';
import type { FieldError } from '../../http/fields.js';
import { GuessLimit } from '../../http/guess-limit.js';
import { handleJsonCommand } from '../../http/json-command.js';
import type { RateLimitStore } from '../../http/middleware/rate-limit-store.js';
import { problemResponse, problems } from '../../http/problems.js';
import { checkLang, checkUprn } from '../../http/query.js';
import { withPayment } from '../payment-receipt.js';
import type { PaymentDeps } from '../payments.js';
import { authoriseBooking } from './access.js';
import { addressOf, toBooking } from './booking-row.js';
import { bulkyRoundOf, roundDates } from './calendar.js';
import { bulkyBookingPayable } from './payable.js';
import { slotsLeft } from './capacity.js';
import { priceLines } from './lines.js';
import { bulkyProblems } from './problems.js';
import { parseBulkyBooking, parseBulkyCancel, parseBulkyChange } from './requests.js';
import { bookBulky, cancelBulky, changeBulky, loadBooking, type BulkyDeps } from './service.js';

export interface BulkyRoutesOptions extends BulkyDeps {
  /** Where wrong guesses at a booking are counted (the app's rate-limit store, shared by instances on PostgreSQL). */
  rateLimitStore: RateLimitStore;
  /** Trust `X-Forwarded-For` for the client's address when counting wrong guesses. */
  trustProxy: boolean;
  /** GOV.UK Pay, when configured (payment-setup.ts): a charged booking's payment starts once it is stored. */
  payment?: PaymentDeps;
}

const noStore = { 'Cache-Control': 'no-store' };

/** `?items=sofa:1,mattress:2` (a bare id is one of it). */
function parseItems(value: string | undefined, errors: FieldError[]): BulkyLine[] {
  if (value === undefined || value === '') return [];
  const lines: BulkyLine[] = [];
  for (const part of value.split(',')) {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*):?([0-9]{1,2})?$/.exec(part.trim());
    const quantity = Number(match?.[2] ?? 1);
    if (!match || match[1]!.length > 40 || quantity < 1) {
      errors.push({ path: '/items', message: 'List the items as id:quantity, separated by commas (sofa:1,mattress:2)' });
      return [];
    }
    lines.push({ id: match[1]!, quantity });
  }
  return lines;
}

/**
 * The bulky waste contract: the catalogue, a property's dates with room, booking, and managing
 * a booking with its manage token (`Authorization: Bearer`, never in a URL).
 */
export function bulkyRoutes(options: BulkyRoutesOptions): Hono {
  const { db, clock, catalogue } = options;
  const deps: BulkyDeps = options;
  const guesses = new GuessLimit({ store: options.rateLimitStore, trustProxy: options.trustProxy, prefix: 'bulky-guess' });
  const app = new Hono();

  app.get('/waste/bulky/catalogue', (c) => c.json(catalogue, 200, { 'Cache-Control': 'public, max-age=300' }));

  app.get('/waste/properties/:uprn/bulky-dates', async (c) => {
    const errors: FieldError[] = [];
    const uprn = checkUprn(c.req.param('uprn'), errors);
    const lang = checkLang(c.req.query('lang'), errors);
    const items = parseItems(c.req.query('items'), errors);
    if (errors.length || !uprn) return problemResponse(problems.validation('The request is not valid.', errors));
    const priced = priceLines(catalogue, items, lang);
    if ('problem' in priced) return problemResponse(priced.problem);
    const property = await db.selectFrom('addresses').select(['uprn', 'line1', 'line2', 'town', 'postcode']).where('uprn', '=', uprn).executeTakeFirst();
    if (!property) return problemResponse(problems.propertyNotFound());
    const roundId = await bulkyRoundOf(db, uprn);
    if (!roundId) return problemResponse(bulkyProblems.notServed());
    const candidates = roundDates(roundId, clock.today(), clock.now(), catalogue);
    const left = await slotsLeft(db, roundId, candidates, catalogue.slotsPerDay);
    const needed = Math.max(1, priced.slots);
    const body: BulkyDates = { uprn, address: addressOf(property), dates: candidates.filter((date) => left.get(date)! >= needed) };
    return c.json(body, 200, noStore);
  });

  app.post('/waste/bulky-bookings', (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    if (c.req.header('Idempotency-Key') === undefined) {
      return problemResponse(
        problems.validation('Send an Idempotency-Key with every new booking, so a retried request cannot book twice.', [
          { path: '/headers/Idempotency-Key', message: 'Add an Idempotency-Key header, such as a UUID' },
        ]),
      );
    }
    return handleJsonCommand(c, {
      scope: 'POST /waste/bulky-bookings',
      parse: parseBulkyBooking,
      run: async (request, idempotency) => {
        const outcome = await bookBulky(deps, request, idempotency, lang);
        return options.payment ? withPayment(options.payment, outcome, lang, bulkyBookingPayable) : outcome;
      },
    });
  });

  app.get('/waste/bulky-bookings/:reference', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const access = await authoriseBooking(c, db, guesses, c.req.param('reference'));
    if ('problem' in access) return problemResponse(access.problem, access.headers);
    const row = await loadBooking(db, access.reference);
    if (!row) return problemResponse(bulkyProblems.bookingNotFound());
    return c.json(toBooking(row, catalogue, clock.now(), lang), 200, noStore);
  });

  app.patch('/waste/bulky-bookings/:reference', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const access = await authoriseBooking(c, db, guesses, c.req.param('reference'));
    if ('problem' in access) return problemResponse(access.problem, access.headers);
    return handleJsonCommand(c, {
      scope: `PATCH /waste/bulky-bookings/${access.reference}`,
      parse: parseBulkyChange,
      run: (request, idempotency) => changeBulky(deps, access.reference, request, idempotency, lang),
    });
  });

  app.delete('/waste/bulky-bookings/:reference', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const access = await authoriseBooking(c, db, guesses, c.req.param('reference'));
    if ('problem' in access) return problemResponse(access.problem, access.headers);
    return handleJsonCommand(c, {
      scope: `DELETE /waste/bulky-bookings/${access.reference}`,
      parse: parseBulkyCancel,
      run: (_request, idempotency) => cancelBulky(deps, access.reference, idempotency, lang),
    });
  });

  return app;
}
