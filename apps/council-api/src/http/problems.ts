import { problemTypes, type Problem } from '@council-kit/contracts';

export { problemTypes };
export type { Problem };

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types of the shared request pipeline not (yet) in `problemTypes` in
 * `@council-kit/contracts`; the OpenAPI document lists them.
 */
export const pipelineProblemTypes = {
  idempotencyKeyReused: 'https://council-kit.dev/problems/idempotency-key-reused',
} as const;

/** An RFC 9457 problem-details response. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/**
 * The problems every part of the API sends, one builder each, so titles and types never drift.
 * Each domain keeps its own beside its routes (`waste/problems.ts`, `repairs/problems.ts`…).
 */
export const problems = {
  validation: (detail: string, errors?: Problem['errors']): Problem => ({
    type: problemTypes.validation,
    title: 'The request is not valid',
    status: 400,
    detail,
    ...(errors ? { errors } : {}),
  }),
  invalidPostcode: (detail: string): Problem => ({
    type: problemTypes.invalidPostcode,
    title: 'Invalid postcode',
    status: 400,
    detail,
    errors: [{ path: '/postcode', message: detail }],
  }),
  notFound: (): Problem => ({
    type: problemTypes.notFound,
    title: 'Not found',
    status: 404,
    detail: 'There is nothing at this address. The API lives under /api/v1.',
  }),
  propertyNotFound: (): Problem => ({
    type: problemTypes.notFound,
    title: 'Property not found',
    status: 404,
    detail: 'No property in the council’s area has this UPRN.',
  }),
  unsupportedMediaType: (): Problem => ({
    type: problemTypes.unsupportedMediaType,
    title: 'Unsupported media type',
    status: 415,
    detail: 'Send the request body as JSON, with Content-Type: application/json.',
  }),
  idempotencyKeyReused: (): Problem => ({
    type: pipelineProblemTypes.idempotencyKeyReused,
    title: 'Idempotency key already used',
    status: 422,
    detail: 'This Idempotency-Key was already used with a different request. Use a new key for a new submission.',
  }),
  forbiddenOrigin: (): Problem => ({
    type: problemTypes.forbiddenOrigin,
    title: 'Origin not allowed',
    status: 403,
    detail: 'This origin is not on the council API’s CORS allow-list.',
  }),
  payloadTooLarge: (limitBytes: number): Problem => ({
    type: problemTypes.payloadTooLarge,
    title: 'Request body too large',
    status: 413,
    detail: `Request bodies may be at most ${limitBytes} bytes.`,
  }),
  rateLimited: (retryAfterSeconds: number): Problem => ({
    type: problemTypes.rateLimited,
    title: 'Too many requests',
    status: 429,
    detail: `Too many requests from this address. Try again in ${retryAfterSeconds} seconds.`,
  }),
  internal: (): Problem => ({
    type: problemTypes.internal,
    title: 'Something went wrong',
    status: 500,
    detail: 'The council API could not complete this request. Try again later.',
  }),
} as const;
