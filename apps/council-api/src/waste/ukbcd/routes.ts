import { addDays, dayNumber, parsePostcode } from '@council-kit/contracts';
import { Hono, type Context } from 'hono';
import { addressOfUprn } from './property.js';
import type { Clock } from '../../clock.js';
import type { CouncilDb } from '../../db/database.js';
import type { FieldError } from '../../http/fields.js';
import { problemResponse, problems } from '../../http/problems.js';
import { checkLang, checkUprn } from '../../http/query.js';
import type { Logger } from '../../logger.js';
import { needsPostcode } from '../../sources/command-line.js';
import type { UkbcdConfig } from '../../sources/config.js';
import { SourceError, sourceFailureResponse } from '../../sources/problems.js';
import { wasteProblems } from '../problems.js';
import { checkDate, MAX_RANGE_DAYS } from '../routes.js';
import { scrapedCalendar } from './calendar.js';
import type { UkbcdCollections, UkbcdProperty } from './source.js';

export interface UkbcdRoutesOptions {
  db: CouncilDb;
  clock: Clock;
  logger: Logger;
  config: UkbcdConfig;
  /** The scraper (see `ukbcdSource`). */
  collections: UkbcdCollections;
  /**
   * The address source's look-up by UPRN (OS Places' `/uprn`), asked for the postcode of a
   * property the `addresses` table does not have; may throw a `SourceError`.
   */
  lookUpUprn?: (uprn: string) => Promise<{ postcode: string; address: string } | undefined>;
}

const SOURCE = 'UKBinCollectionData scraper';
const SERVICE = 'the bin collection service';

/**
 * `GET /waste/properties/{uprn}/collections` and `….ics` from a scraper (`WASTE_SOURCE=ukbcd`),
 * mounted before the database's routes so they answer these two paths. The property's postcode
 * comes from the `addresses` table, else from `?postcode=` (which the element can pass), else
 * from the address source by UPRN (OS Places), and is needed only when `UKBCD_COMMAND` has
 * `{postcode}`.
 */
export function ukbcdRoutes({ db, clock, logger, config, collections, lookUpUprn }: UkbcdRoutesOptions): Hono {
  const app = new Hono();

  /** The property to ask about, or the problem to answer. */
  const propertyFor = async (c: Context, uprn: string, errors: FieldError[]): Promise<UkbcdProperty | undefined> => {
    const given = c.req.query('postcode');
    const known = (await addressOfUprn(db, uprn)) ?? (given || !lookUpUprn || !needsPostcode(config.argv) ? undefined : await lookUpUprn(uprn));
    if (known) return { uprn, postcode: known.postcode.toUpperCase(), address: known.address };
    if (given === undefined || given === '') {
      if (needsPostcode(config.argv)) errors.push({ path: '/postcode', message: 'Give the property’s postcode: the council’s records do not have it' });
      return { uprn, address: `UPRN ${uprn}` };
    }
    const parsed = parsePostcode(given);
    if (!parsed.ok) {
      errors.push({ path: '/postcode', message: 'Enter a full UK postcode, like AN1 1AA' });
      return undefined;
    }
    return { uprn, postcode: parsed.postcode, address: parsed.postcode };
  };

  /** `work`'s answer, or the problem to send when a source (the scraper, OS Places) fails. */
  const orProblem = async <T>(work: () => Promise<T>): Promise<T | Response> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SourceError) return sourceFailureResponse(error, SERVICE, logger, SOURCE);
      throw error;
    }
  };
  const ask = (property: UkbcdProperty) => orProblem(() => collections(property));

  app.get('/waste/properties/:uprn/collections', async (c) => {
    const today = clock.today();
    const errors: FieldError[] = [];
    const uprn = checkUprn(c.req.param('uprn'), errors);
    checkLang(c.req.query('lang'), errors); // the scraper answers in its council's words only
    const from = checkDate(c.req.query('from'), '/from', addDays(today, -7), errors);
    const to = checkDate(c.req.query('to'), '/to', addDays(today, 56), errors);
    if (!errors.length && from && to) {
      if (to < from) errors.push({ path: '/to', message: 'The end of the range must not be before its start' });
      else if (dayNumber(to) - dayNumber(from) > MAX_RANGE_DAYS) errors.push({ path: '/to', message: `The range can be at most ${MAX_RANGE_DAYS} days` });
    }
    const property = uprn ? await orProblem(() => propertyFor(c, uprn, errors)) : undefined;
    if (property instanceof Response) return property;
    if (errors.length || !property || !from || !to) return problemResponse(problems.validation('The request is not valid.', errors));
    const result = await ask(property);
    if (result instanceof Response) return result;
    // `upcoming` covers [max(from, today), to], as the database's answer does.
    const start = from > today ? from : today;
    return c.json({ ...result, services: result.services.map((service) => ({ ...service, upcoming: service.upcoming.filter((d) => d >= start && d <= to) })) });
  });

  app.get('/waste/properties/:uprn/collections.ics', async (c) => {
    const errors: FieldError[] = [];
    const uprn = checkUprn(c.req.param('uprn'), errors);
    const lang = checkLang(c.req.query('lang'), errors);
    const property = uprn ? await orProblem(() => propertyFor(c, uprn, errors)) : undefined;
    if (property instanceof Response) return property;
    if (errors.length || !property) return problemResponse(problems.validation('The request is not valid.', errors));
    const result = await ask(property);
    if (result instanceof Response) return result;
    if (!result.services.length) return problemResponse(wasteProblems.noCollections());
    return c.body(scrapedCalendar(result, { lang, now: clock.now() }), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="bin-collections.ics"',
    });
  });

  return app;
}
