import { addDays, dayNumber, type CollectionsResult } from '@council-kit/contracts';
import { Hono } from 'hono';
import type { Clock } from '../clock.js';
import { isCalendarDate, type Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import type { FieldError } from '../http/fields.js';
import { handleJsonCommand } from '../http/json-command.js';
import { problemResponse, problems } from '../http/problems.js';
import { checkLang, checkUprn } from '../http/query.js';
import type { Logger } from '../logger.js';
import type { Notifier, NotifyTemplates } from '../notify.js';
import { collectionsCalendar } from './ics.js';
import { wasteProblems } from './problems.js';
import { parseContainerRequest, parseMissedCollection } from './requests.js';
import { PropertySchedule } from './schedule.js';
import { reportMissedCollection, requestContainer, type SubmissionDeps } from './service.js';
import type { PayClient } from './pay-client.js';
import { withPayment } from './payment-receipt.js';
import { paymentRoutes } from './payment-routes.js';
import { paymentDepsOf } from './payment-setup.js';
import { gardenRoutes } from './garden/routes.js';
import type { PaymentDeps } from './payments.js';

export interface WasteRoutesOptions {
  db: CouncilDb;
  config: Pick<Config, 'paymentUrlBase' | 'containerCharges' | 'gardenSubscriptionUrl' | 'pay' | 'containerPrices' | 'bankHolidayDivision' | 'garden' | 'bulkyPayReturnUrl'>;
  clock: Clock;
  notifier: Notifier;
  templates: NotifyTemplates;
  logger: Logger;
  newReference?: () => string;
  /** GOV.UK Pay's client; used only when `config.pay` is set. */
  pay?: PayClient;
  /** Called in the transaction that records a charged request paid (the back-office handoff). */
  onPaid?: PaymentDeps['onPaid'];
}

/** Longest range `GET …/collections` answers, in days. */
export const MAX_RANGE_DAYS = 400;

/** The waste contract: collections (JSON and iCalendar), missed collections, container requests. */
export function wasteRoutes(options: WasteRoutesOptions): Hono {
  const { db, config, clock } = options;
  const deps: SubmissionDeps = options;
  const app = new Hono();
  // GOV.UK Pay, when configured: charged submissions (payable-registry.ts) create a payment after they are stored.
  const payment = paymentDepsOf(options);
  if (payment) app.route('/', paymentRoutes(payment));
  app.route('/', gardenRoutes(options, payment));

  app.get('/waste/properties/:uprn/collections', async (c) => {
    const today = clock.today();
    const errors: FieldError[] = [];
    const uprn = checkUprn(c.req.param('uprn'), errors);
    const lang = checkLang(c.req.query('lang'), errors);
    const from = checkDate(c.req.query('from'), '/from', addDays(today, -7), errors);
    const to = checkDate(c.req.query('to'), '/to', addDays(today, 56), errors);
    if (!errors.length && from && to) {
      if (to < from) errors.push({ path: '/to', message: 'The end of the range must not be before its start' });
      else if (dayNumber(to) - dayNumber(from) > MAX_RANGE_DAYS) {
        errors.push({ path: '/to', message: `The range can be at most ${MAX_RANGE_DAYS} days` });
      }
    }
    if (errors.length || !uprn || !from || !to) return problemResponse(problems.validation('The request is not valid.', errors));

    const schedule = await PropertySchedule.load(db, uprn, today, from, to, config.bankHolidayDivision);
    if (!schedule) return problemResponse(problems.propertyNotFound());
    const body: CollectionsResult = {
      uprn: schedule.property.uprn,
      address: schedule.property.address,
      services: schedule.property.services.map((service) =>
        schedule.toWasteService(service, from, to, lang, config.gardenSubscriptionUrl),
      ),
    };
    return c.json(body);
  });

  app.get('/waste/properties/:uprn/collections.ics', async (c) => {
    const today = clock.today();
    const errors: FieldError[] = [];
    const uprn = checkUprn(c.req.param('uprn'), errors);
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length || !uprn) return problemResponse(problems.validation('The request is not valid.', errors));
    const schedule = await PropertySchedule.load(db, uprn, today, addDays(today, -7), addDays(today, 365), config.bankHolidayDivision);
    if (!schedule) return problemResponse(problems.propertyNotFound());
    if (!schedule.property.services.length) return problemResponse(wasteProblems.noCollections());
    return c.body(collectionsCalendar(schedule, { lang, now: clock.now() }), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="bin-collections.ics"',
    });
  });

  // `?lang=` (the form's language) chooses the language of the confirmation the resident is sent.
  app.post('/waste/missed-collections', (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    return handleJsonCommand(c, {
      scope: 'POST /waste/missed-collections',
      parse: parseMissedCollection,
      run: (request, idempotency) => reportMissedCollection(deps, request, idempotency, lang),
    });
  });

  app.post('/waste/container-requests', (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    return handleJsonCommand(c, {
      scope: 'POST /waste/container-requests',
      parse: parseContainerRequest,
      run: async (request, idempotency) => {
        const outcome = await requestContainer(deps, request, idempotency, lang);
        return payment ? withPayment(payment, outcome, lang) : outcome;
      },
    });
  });

  return app;
}

/** A `YYYY-MM-DD` query parameter, `fallback` when absent; a field error in `errors` when not a real date. */
export function checkDate(value: string | undefined, path: string, fallback: string, errors: FieldError[]): string | undefined {
  if (value === undefined || value === '') return fallback;
  if (isCalendarDate(value)) return value;
  errors.push({ path, message: 'Give a real date written YYYY-MM-DD' });
  return undefined;
}
