import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { problemResponse, problems } from '../http/problems.js';
import { staffProblems } from './problems.js';

/** True for a path of the staff API (`/api/v1/staff/…`), which CORS never opens (see `cors.ts`). */
export { isStaffPath } from '../http/middleware/cors.js';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Guards staff routes with `Authorization: Bearer <token>`, the token one of `STAFF_API_TOKENS`.
 * Tokens are compared as SHA-256 digests with `timingSafeEqual` (equal lengths, so the time
 * says nothing about the token), against every configured token, without stopping at a match.
 * Missing and wrong tokens get the same 401. With no token configured the staff API does not
 * exist: 404, as for any unknown path, so a deployment without staff tokens shows nothing to guess at.
 * Every answer is `Cache-Control: no-store` (it holds residents' contact details).
 * Reusable by any staff route (`app.use('/staff/*', staffAuth(config.staffApiTokens))`).
 */
export function staffAuth(tokens: readonly string[]): MiddlewareHandler {
  const digests = tokens.map(digest);
  return async (c, next) => {
    if (!digests.length) return problemResponse(problems.notFound(), { 'Cache-Control': 'no-store' });
    const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(c.req.header('Authorization') ?? '');
    const given = match ? digest(match[1]!) : undefined;
    let ok = false;
    for (const known of digests) ok = (given !== undefined && timingSafeEqual(known, given)) || ok;
    if (!ok) {
      return problemResponse(staffProblems.tokenRequired(), {
        'WWW-Authenticate': `Bearer realm="council-kit-staff"${match ? ', error="invalid_token"' : ''}`,
        'Cache-Control': 'no-store',
      });
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
