import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldError } from '../http/fields.js';
import { problemResponse, problems, type Problem } from '../http/problems.js';
import { checkLang } from '../http/query.js';
import { wasteProblems } from './problems.js';
import { chargedRequest, settlePayment, type ChargedRequest, type PaymentDeps } from './payments.js';
import { bearer, paymentTokenMatches } from './payment-token.js';

/**
 * `GET` and `POST /waste/container-requests/{reference}/payment`, mounted only when GOV.UK Pay is
 * configured. Both need the request's payment token as `Authorization: Bearer` (the page Pay
 * sends the resident back to reads it from its own address and sends it in the header, so the
 * API never sees it in a URL it would log). A wrong token, an unknown reference and a request
 * that is not charged get the same 404, so nothing can be probed. Neither answer ever holds
 * Pay's key, Pay's ids or Pay's own body: only the state, the amount and where to pay.
 */
export function paymentRoutes(deps: PaymentDeps): Hono {
  const app = new Hono();

  const authorised = async (c: Context): Promise<{ request: ChargedRequest } | { problem: Problem }> => {
    const token = bearer(c.req.header('Authorization'));
    if (token === undefined) return { problem: wasteProblems.paymentTokenRequired() };
    const reference = c.req.param('reference')?.toUpperCase() ?? '';
    // Always compare, so a well-formed unknown reference takes as long as a known one.
    const matches = paymentTokenMatches(deps.payConfig.apiKey, reference, token);
    const request = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/.test(reference) && matches ? await chargedRequest(deps.db, reference) : undefined;
    return request ? { request } : { problem: wasteProblems.noSuchPayment() };
  };

  app.get('/waste/container-requests/:reference/payment', async (c) => {
    const found = await authorised(c);
    if ('problem' in found) return problemResponse(found.problem, found.problem.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
    const { state } = await settlePayment(deps, found.request, 'en', { fresh: false });
    return c.json(state, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/waste/container-requests/:reference/payment', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const found = await authorised(c);
    if ('problem' in found) return problemResponse(found.problem, found.problem.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
    const { state, created } = await settlePayment(deps, found.request, lang, { fresh: true });
    return c.json(state, created ? 201 : 200, { 'Cache-Control': 'no-store' });
  });

  return app;
}
