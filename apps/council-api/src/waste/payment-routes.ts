import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldError } from '../http/fields.js';
import { problemResponse, problems, type Problem } from '../http/problems.js';
import { checkLang } from '../http/query.js';
import { wasteProblems } from './problems.js';
import type { PayableKind, PayableSubmission } from './payable-kinds.js';
import { payableKinds } from './payable-registry.js';
import { settlePayment, type PaymentDeps } from './payments.js';
import { bearer, paymentTokenMatches } from './payment-token.js';

/**
 * `GET` and `POST /waste/{collection}/{reference}/payment` for each payable kind (container
 * requests: `/waste/container-requests/{reference}/payment`), mounted only when GOV.UK Pay is
 * configured. Both need the submission's payment token as `Authorization: Bearer` (the page Pay
 * sends the resident back to reads it from its own address and sends it in the header, so the
 * API never sees it in a URL it would log). A wrong token, an unknown reference and a submission
 * that is not charged (or is another kind's) get the same 404, so nothing can be probed. Neither
 * answer ever holds Pay's key, Pay's ids or Pay's own body: only the state, the amount and where
 * to pay.
 */
export function paymentRoutes(deps: PaymentDeps, kinds: readonly PayableKind[] = payableKinds): Hono {
  const app = new Hono();

  const authorised = async (c: Context, kind: PayableKind): Promise<{ request: PayableSubmission } | { problem: Problem }> => {
    const token = bearer(c.req.header('Authorization'));
    if (token === undefined) return { problem: wasteProblems.paymentTokenRequired() };
    const reference = c.req.param('reference')?.toUpperCase() ?? '';
    // Always compare, so a well-formed unknown reference takes as long as a known one.
    const matches = paymentTokenMatches(deps.payConfig.apiKey, reference, token);
    const request = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/.test(reference) && matches ? await kind.find(deps, reference) : undefined;
    return request ? { request } : { problem: wasteProblems.noSuchPayment() };
  };

  for (const kind of kinds) {
    const path = `/waste/${kind.collection}/:reference/payment`;

    app.get(path, async (c) => {
      const found = await authorised(c, kind);
      if ('problem' in found) return problemResponse(found.problem, found.problem.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
      const { state } = await settlePayment(deps, found.request, 'en', { fresh: false, kind: kind.kind });
      return c.json(state, 200, { 'Cache-Control': 'no-store' });
    });

    app.post(path, async (c) => {
      const errors: FieldError[] = [];
      const lang = checkLang(c.req.query('lang'), errors);
      if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
      const found = await authorised(c, kind);
      if ('problem' in found) return problemResponse(found.problem, found.problem.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
      const { state, created } = await settlePayment(deps, found.request, lang, { fresh: true, kind: kind.kind });
      return c.json(state, created ? 201 : 200, { 'Cache-Control': 'no-store' });
    });
  }

  return app;
}
