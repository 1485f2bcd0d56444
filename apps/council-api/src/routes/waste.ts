import { addDays, dayNumber, type CollectionsResult, type SubmissionReceipt } from '@council-kit/contracts';
import { Hono, type Context } from 'hono';
import type { Clock } from '../clock.js';
import { isCalendarDate, type Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import type { Outcome } from '../idempotency.js';
import type { Logger } from '../logger.js';
import type { Notifier, NotifyTemplates } from '../notify.js';
import { problemResponse, problems } from '../problems.js';
import { collectionsCalendar } from '../waste/ics.js';
import {
  isIdempotencyKey,
  parseContainerRequest,
  parseMissedCollection,
  requestHash,
  type FieldError,
  type Parsed,
} from '../waste/requests.js';
import { PropertySchedule } from '../waste/schedule.js';
import { reportMissedCollection, requestContainer, type SubmissionDeps } from '../waste/submissions.js';
import { langs, type Lang } from '../waste/text.js';

export interface WasteRoutesOptions {
  db: CouncilDb;
  config: Pick<Config, 'paymentUrlBase' | 'containerCharges' | 'gardenSubscriptionUrl'>;
  clock: Clock;
  notifier: Notifier;
  templates: NotifyTemplates;
  logger: Logger;
  newReference?: () => string;
}

/** Longest range `GET …/collections` answers, in days. */
export const MAX_RANGE_DAYS = 400;

/** The waste contract: collections (JSON and iCalendar), missed collections, container requests. */
export function wasteRoutes(options: WasteRoutesOptions): Hono {
  const { db, config, clock } = options;
  const deps: SubmissionDeps = options;
  const app = new Hono();

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

    const schedule = await PropertySchedule.load(db, uprn, today, from, to);
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
    const schedule = await PropertySchedule.load(db, uprn, today, addDays(today, -7), addDays(today, 365));
    if (!schedule) return problemResponse(problems.propertyNotFound());
    if (!schedule.property.services.length) return problemResponse(problems.noCollections());
    return c.body(collectionsCalendar(schedule, { lang, now: clock.now() }), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="bin-collections.ics"',
    });
  });

  app.post('/waste/missed-collections', (c) =>
    submit(c, 'POST /waste/missed-collections', parseMissedCollection, (request, idempotency) =>
      reportMissedCollection(deps, request, idempotency),
    ),
  );

  app.post('/waste/container-requests', (c) =>
    submit(c, 'POST /waste/container-requests', parseContainerRequest, (request, idempotency) =>
      requestContainer(deps, request, idempotency),
    ),
  );

  return app;
}

/**
 * The shared POST pipeline: JSON only, the body validated field by field (every problem at
 * once), the `Idempotency-Key` checked, then the handler; its follow-up (notifications) runs
 * after the transaction has committed.
 */
async function submit<T>(
  c: Context,
  scope: string,
  parse: (body: unknown) => Parsed<T>,
  handle: (request: T, idempotency: { scope: string; key: string | undefined; hash: string }) => Promise<Outcome<SubmissionReceipt>>,
): Promise<Response> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) return problemResponse(problems.unsupportedMediaType());
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && !isIdempotencyKey(key)) {
    return problemResponse(
      problems.validation('The Idempotency-Key header is not valid.', [
        { path: '/headers/Idempotency-Key', message: 'Use 1 to 255 visible ASCII characters, such as a UUID' },
      ]),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return problemResponse(problems.validation('The request body must be JSON.', [{ path: '', message: 'The request body is not valid JSON' }]));
  }
  const parsed = parse(json);
  if (!parsed.ok) return problemResponse(problems.validation('The request is not valid.', parsed.errors));

  const outcome = await handle(parsed.value, { scope, key, hash: requestHash(json) });
  if ('problem' in outcome) return problemResponse(outcome.problem);
  await outcome.after?.();
  return c.json(outcome.body, outcome.status as 200 | 201, outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

function checkUprn(value: string, errors: FieldError[]): string | undefined {
  if (/^[0-9]{1,12}$/.test(value)) return value;
  errors.push({ path: '/uprn', message: 'A UPRN is up to 12 digits' });
  return undefined;
}

function checkLang(value: string | undefined, errors: FieldError[]): Lang {
  if (value === undefined || value === '') return 'en';
  if ((langs as readonly string[]).includes(value)) return value as Lang;
  errors.push({ path: '/lang', message: 'The language must be en or cy' });
  return 'en';
}

function checkDate(value: string | undefined, path: string, fallback: string, errors: FieldError[]): string | undefined {
  if (value === undefined || value === '') return fallback;
  if (isCalendarDate(value)) return value;
  errors.push({ path, message: 'Give a real date written YYYY-MM-DD' });
  return undefined;
}
