import { manageCodeRequest, manageTokenRequest, parseRequest, type Problem } from '@council-kit/contracts';
import type { Context, Hono } from 'hono';
import type { Parsed } from '../http/fields.js';
import { problemResponse, problems } from '../http/problems.js';
import { checkLang } from '../http/query.js';
import type { FieldError } from '../http/fields.js';
import { exchangeManageCode, sendManageCode, type CodeDeps } from './codes.js';
import type { GuessLimit } from '../http/guess-limit.js';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * `POST /repairs/{reference}/code` and `POST /repairs/{reference}/token` (see codes.ts), on the
 * repairs routes' app, counting wrong guesses in the same `GuessLimit` as the token and status
 * routes. Neither is idempotent by key: asking for a code again is what "Send a new code" means,
 * and a code is used once. The code and the token are in no log line and no URL.
 */
export function addCodeRoutes(app: Hono, deps: CodeDeps, guesses: GuessLimit): void {
  app.post('/repairs/:reference/code', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const body = await readJson(c, (json) => parseRequest(manageCodeRequest, json));
    if ('problem' in body) return problemResponse(body.problem);
    const outcome = await sendManageCode(deps, c, guesses, c.req.param('reference'), body.value.postcode, lang);
    if ('problem' in outcome) return problemResponse(outcome.problem, outcome.headers);
    return c.json(outcome.body, 202, noStore);
  });

  app.post('/repairs/:reference/token', async (c) => {
    const body = await readJson(c, (json) => parseRequest(manageTokenRequest, json));
    if ('problem' in body) return problemResponse(body.problem);
    const outcome = await exchangeManageCode(deps, c, guesses, c.req.param('reference'), body.value);
    if ('problem' in outcome) return problemResponse(outcome.problem, outcome.headers);
    return c.json(outcome.body, 201, noStore);
  });
}

/** A JSON body read against its contract: 415 when it is not JSON, 400 naming every bad field. */
async function readJson<T>(c: Context, parse: (json: unknown) => Parsed<T>): Promise<{ value: T } | { problem: Problem }> {
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(c.req.header('Content-Type') ?? '')) return { problem: problems.unsupportedMediaType() };
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return { problem: problems.validation('The request body must be JSON.', [{ path: '', message: 'The request body is not valid JSON' }]) };
  }
  const parsed = parse(json);
  return parsed.ok ? { value: parsed.value } : { problem: problems.validation('The request is not valid.', parsed.errors) };
}
