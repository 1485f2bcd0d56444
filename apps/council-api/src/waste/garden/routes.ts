import { gardenSubscriptionRequest, parseRequest, type GardenSubscriptionRequest } from '@council-kit/contracts';
import { Hono } from 'hono';
import type { FieldError, Parsed } from '../../http/fields.js';
import { handleJsonCommand } from '../../http/json-command.js';
import { problemResponse, problems } from '../../http/problems.js';
import { checkLang, checkUprn } from '../../http/query.js';
import { withPayment } from '../payment-receipt.js';
import type { PaymentDeps } from '../payments.js';
import { gardenSubscriptionPayable } from './payable.js';
import { gardenOfferOf, gardenPosition } from './offer.js';
import { subscribeGarden, type GardenDeps } from './service.js';

/** `POST /waste/garden-subscriptions`, as `<council-garden-waste>` sends it. */
const parseGardenSubscription = (body: unknown): Parsed<GardenSubscriptionRequest> => parseRequest(gardenSubscriptionRequest, body);

/**
 * Garden waste: `GET /waste/properties/{uprn}/garden` (eligibility, subscription, terms and
 * today's prices, in `?lang=`) and `POST /waste/garden-subscriptions` (subscribe or renew; with
 * GOV.UK Pay, `payment` starts the payment after the subscription is stored).
 */
export function gardenRoutes(deps: GardenDeps, payment: PaymentDeps | undefined): Hono {
  const app = new Hono();
  const terms = deps.config.garden;

  app.get('/waste/properties/:uprn/garden', async (c) => {
    const errors: FieldError[] = [];
    const uprn = checkUprn(c.req.param('uprn'), errors);
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length || !uprn) return problemResponse(problems.validation('The request is not valid.', errors));
    const position = await gardenPosition(deps.db, terms, uprn, deps.clock.today(), deps.config.bankHolidayDivision);
    if (!position) return problemResponse(problems.propertyNotFound());
    return c.json(gardenOfferOf(terms, uprn, position, lang));
  });

  // `?lang=` (the form's language) chooses the language of the confirmation and of Pay's pages.
  app.post('/waste/garden-subscriptions', (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    return handleJsonCommand(c, {
      scope: 'POST /waste/garden-subscriptions',
      parse: parseGardenSubscription,
      run: async (request, idempotency) => {
        const outcome = await subscribeGarden(deps, request, idempotency, lang);
        return payment ? withPayment(payment, outcome, lang, gardenSubscriptionPayable) : outcome;
      },
    });
  });

  return app;
}
