import { parsePostcode } from '@council-kit/contracts';
import { Hono } from 'hono';
import type { CouncilDb } from '../db/database.js';
import { problemResponse, problems } from '../http/problems.js';
import { lookUpAddresses } from './service.js';

export interface AddressRoutesOptions {
  db: CouncilDb;
  /** Postcode areas the council serves, e.g. `['AN']`. */
  postcodeAreas: readonly string[];
}

/** `GET /addresses?postcode=`: the address lookup contract. */
export function addressRoutes({ db, postcodeAreas }: AddressRoutesOptions): Hono {
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
    return c.json(await lookUpAddresses(db, parsed.postcode, postcodeAreas));
  });

  return app;
}
