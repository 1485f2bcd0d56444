import type { MiddlewareHandler } from 'hono';
import { problemResponse, problems } from '../problems.js';

export interface CorsOptions {
  /** Exact origins (scheme://host[:port]) that may read `/api/*` responses from a browser. */
  allowList: readonly string[];
  /** Paths open to every origin (`Access-Control-Allow-Origin: *`), e.g. the ORUK API. */
  isOpenPath?: (path: string) => boolean;
  /** Paths no browser page may read, whatever the allow-list says (default: the staff API). */
  isClosedPath?: (path: string) => boolean;
}

const ALLOW_METHODS = 'GET, HEAD, POST, PATCH, DELETE, OPTIONS';
/** `Authorization` carries a repair's manage token (`Bearer`), from the appointment page on the council's site. */
const ALLOW_HEADERS = 'Accept, Accept-Language, Authorization, Content-Type, Idempotency-Key';
/** Elements honour `Retry-After`; cross-origin they can only read it when it is exposed. */
const EXPOSE_HEADERS = 'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/** Open Referral UK routes are public data for any site: CORS `*`, as the standard expects. */
export const isOrukPath = (path: string): boolean => path === '/oruk' || path.startsWith('/oruk/');

/**
 * The staff API (`/api/v1/staff/…`): for the council's own systems, called with a staff token,
 * never from residents' pages, so no CORS for any origin (a token leaked into a page still
 * cannot be used cross-origin from a browser) and its preflights are refused.
 */
export const isStaffPath = (path: string): boolean => path === '/api/v1/staff' || path.startsWith('/api/v1/staff/');

/**
 * CORS with an allow-list: an allowed origin is echoed (with `Vary: Origin`), any other gets no
 * CORS headers, so browsers refuse to hand it the response. Preflights from origins not on the
 * list get a 403 problem.
 */
export function cors({ allowList, isOpenPath = isOrukPath, isClosedPath = isStaffPath }: CorsOptions): MiddlewareHandler {
  const allowed = new Set(allowList);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const open = isOpenPath(c.req.path);
    const closed = isClosedPath(c.req.path);
    const allowOrigin = closed ? undefined : open ? '*' : origin !== undefined && allowed.has(origin) ? origin : undefined;
    const vary: Record<string, string> = open ? {} : { Vary: 'Origin' };

    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      if (!allowOrigin) return problemResponse(problems.forbiddenOrigin(), vary);
      return new Response(null, {
        status: 204,
        headers: {
          ...vary,
          'Access-Control-Allow-Origin': allowOrigin,
          'Access-Control-Allow-Methods': ALLOW_METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        },
      });
    }

    await next();
    const headers = c.res.headers;
    if (!open) headers.append('Vary', 'Origin');
    if (allowOrigin) {
      headers.set('Access-Control-Allow-Origin', allowOrigin);
      headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
