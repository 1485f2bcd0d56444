import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { systemClock } from '../../clock.js';
import { problemResponse, problems } from '../problems.js';
import type { RateLimitStore } from './rate-limit-store.js';

export interface RateLimitOptions {
  /** Requests allowed per client per window. */
  limit: number;
  windowMs?: number;
  store: RateLimitStore;
  /** Trust `X-Forwarded-For` (only when a proxy you control sets it). */
  trustProxy?: boolean;
  /** Paths never counted, e.g. health probes. */
  skip?: (path: string) => boolean;
  /** Prefix for the client's counter, so a second limiter (e.g. the ORUK feed's) counts apart from the first. */
  keyPrefix?: string;
  /**
   * Milliseconds now. A window is a minute of real elapsed time, whatever day the app's clock
   * says it is, so the default is the real clock (`systemClock`), not the app's: a fixed day's
   * clock stands still at midnight, and a window must not.
   */
  now?: () => number;
}

/** Per-IP fixed-window rate limit; the request over the limit gets a 429 problem with `Retry-After`. */
export function rateLimit({
  limit,
  windowMs = 60_000,
  store,
  trustProxy = false,
  skip = () => false,
  keyPrefix = '',
  now = () => systemClock.now().getTime(),
}: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    if (skip(c.req.path)) return next();
    const at = now();
    const { count, resetAt } = await store.hit(`${keyPrefix}${clientIp(c, trustProxy)}`, windowMs, at);
    const resetSeconds = Math.max(1, Math.ceil((resetAt - at) / 1000));
    const headers = {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(Math.max(0, limit - count)),
      'RateLimit-Reset': String(resetSeconds),
    };
    if (count > limit) {
      return problemResponse(problems.rateLimited(resetSeconds), { ...headers, 'Retry-After': String(resetSeconds) });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

/**
 * The client's IP address: the socket's peer, or behind a trusted proxy the last
 * `X-Forwarded-For` hop, the address that proxy saw. Earlier hops are whatever the client
 * wrote (proxies append), so trusting the first would let a client pick a new bucket per request.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not running on @hono/node-server (e.g. app.request() in a unit test)
  }
}
