import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { problemResponse, problems } from '../problems.js';

/** Refuses request bodies over `maxBytes` with a 413 problem (by Content-Length, or while streaming). */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => problemResponse(problems.payloadTooLarge(maxBytes), { Connection: 'close' }),
  });
}
