import { parsePostcode } from '@council-kit/contracts';
import { Hono } from 'hono';
import { problemResponse, problems } from '../http/problems.js';
import { checkLang } from '../http/query.js';
import type { FieldError } from '../http/fields.js';
import type { Logger } from '../logger.js';
import { SourceError, sourceFailureResponse } from '../sources/problems.js';
import { lookUpAddresses } from './service.js';
import type { AddressSource } from './source.js';

export interface AddressRoutesOptions {
  /** Where addresses come from (see `addressSourceFromConfig`). */
  source: AddressSource;
  /** Postcode areas the council serves, e.g. `['AN']`. */
  postcodeAreas: readonly string[];
  logger: Logger;
}

/** `GET /addresses?postcode=&lang=`: the address lookup contract. */
export function addressRoutes({ source, postcodeAreas, logger }: AddressRoutesOptions): Hono {
  const app = new Hono();

  app.get('/addresses', async (c) => {
    const parsed = parsePostcode(c.req.query('postcode'));
    if (!parsed.ok) {
      switch (parsed.problem) {
        case 'empty':
          return problemResponse(
            problems.validation('The postcode query parameter is required.', [
              { path: '/postcode', message: 'Enter a postcode' },
            ]),
          );
        case 'notServed':
          return problemResponse(
            problems.invalidPostcode(
              'This is not a postcode a UK council serves (British Forces, Crown Dependencies and non-geographic postcodes are not).',
            ),
          );
        default:
          return problemResponse(problems.invalidPostcode('Enter a full UK postcode, like AN1 1AA.'));
      }
    }
    const errors: FieldError[] = [];
    // The page's language: a Welsh address OS Places gives in both languages is shown in it.
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    try {
      return c.json(await lookUpAddresses(source, parsed.postcode, postcodeAreas, lang));
    } catch (error) {
      if (error instanceof SourceError) return sourceFailureResponse(error, 'the address service', logger, source.name);
      throw error;
    }
  });

  return app;
}
