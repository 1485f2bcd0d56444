import type { Context } from 'hono';
import type { Parsed } from './fields.js';
import { isIdempotencyKey, requestHash, type IdempotencyRequest, type Outcome } from './idempotency.js';
import { problemResponse, problems } from './problems.js';

/** One command a route accepts as a JSON body: how to read it, and what to do with it. */
export interface JsonCommand<T, R> {
  /** The operation an `Idempotency-Key` is scoped to, e.g. `POST /waste/missed-collections`. */
  scope: string;
  /** Reads the body field by field (every problem at once); a problem answers 400 `validation`. */
  parse: (body: unknown) => Parsed<T>;
  /** Does the work, normally through `idempotent` (one transaction, answers replayed by key). */
  run: (request: T, idempotency: IdempotencyRequest) => Promise<Outcome<R>>;
}

/**
 * The one pipeline of every JSON POST, PATCH and DELETE: JSON only (415 otherwise), the
 * `Idempotency-Key` checked when sent (400 when malformed), the body parsed (400 `validation`
 * naming every bad field), then the command run with the key, its scope and a hash of the body.
 * A problem is answered as problem details; an answer is sent as JSON with `Cache-Control:
 * no-store` (and `Idempotent-Replayed: true` when it is a stored one) after its follow-up
 * (notifications), which runs once the transaction has committed. The body's size is limited
 * before this runs (`middleware/body-limit.ts`).
 */
export async function handleJsonCommand<T, R>(c: Context, { scope, parse, run }: JsonCommand<T, R>): Promise<Response> {
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

  const outcome = await run(parsed.value, { scope, key, hash: requestHash(json) });
  if ('problem' in outcome) return problemResponse(outcome.problem);
  await outcome.after?.();
  return c.json(outcome.body, outcome.status as 200 | 201, {
    'Cache-Control': 'no-store',
    ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  });
}
