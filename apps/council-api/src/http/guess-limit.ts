import type { Context } from 'hono';
import { systemClock } from '../clock.js';
import type { RateLimitStore } from './middleware/rate-limit-store.js';
import { clientIp } from './middleware/rate-limit.js';

/**
 * Limits wrong guesses at a repair: a wrong manage token, or a wrong postcode (or an unknown
 * reference) on the status route. Counted per repair and per client, failures only, so the
 * resident who holds the link is never slowed by their own use of it. Once either count is
 * over its limit, every try is refused before it is checked (a right guess too): otherwise a
 * script could ignore the 429s and keep guessing at full speed.
 *
 * Counters live in the app's rate-limit store (in the database on PostgreSQL, so every instance
 * shares them), under keys of their own. The window is the app limiter's minute: the database
 * store sweeps rows by the window of whoever calls it, so a longer window here would be swept
 * early. A neighbour can use up a repair's allowance and lock its reporter out for a minute;
 * that is the price of limiting per repair, and far smaller than letting guesses through.
 */
export interface GuessLimitOptions {
  store: RateLimitStore;
  /** Trust `X-Forwarded-For` for the client's address (only behind a proxy you control). */
  trustProxy: boolean;
  /** Wrong guesses allowed per repair per window. */
  perRepair?: number;
  /** Wrong guesses allowed per client per window, across all repairs. */
  perClient?: number;
  windowMs?: number;
  /** Milliseconds now: real elapsed time, as the app's rate limit counts (see `rate-limit.ts`). */
  now?: () => number;
  /** The counters' key prefix, one per kind of secret (repairs, bulky waste bookings), so each counts its own guesses. */
  prefix?: string;
}

/** Seconds until a blocked caller may try again. */
export type RetryAfterSeconds = number;

export class GuessLimit {
  readonly #store: RateLimitStore;
  readonly #trustProxy: boolean;
  readonly #perRepair: number;
  readonly #perClient: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #prefix: string;

  constructor({ store, trustProxy, perRepair = 5, perClient = 10, windowMs = 60_000, now = () => systemClock.now().getTime(), prefix = 'repair-guess' }: GuessLimitOptions) {
    this.#prefix = prefix;
    this.#store = store;
    this.#trustProxy = trustProxy;
    this.#perRepair = perRepair;
    this.#perClient = perClient;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** When this client, or this repair, has used up its wrong guesses: how long until it may try again. */
  async blocked(c: Context, reference: string | undefined): Promise<RetryAfterSeconds | undefined> {
    const at = this.#now();
    let resetAt = 0;
    for (const [key, limit] of this.#keys(c, reference)) {
      const window = await this.#store.peek(key, this.#windowMs, at);
      if (window.count >= limit) resetAt = Math.max(resetAt, window.resetAt);
    }
    return resetAt ? Math.max(1, Math.ceil((resetAt - at) / 1000)) : undefined;
  }

  /** Counts a wrong guess against this client and this repair. */
  async failed(c: Context, reference: string | undefined): Promise<void> {
    const at = this.#now();
    for (const [key] of this.#keys(c, reference)) await this.#store.hit(key, this.#windowMs, at);
  }

  #keys(c: Context, reference: string | undefined): [key: string, limit: number][] {
    const keys: [string, number][] = [[`${this.#prefix}:client:${clientIp(c, this.#trustProxy)}`, this.#perClient]];
    if (reference) keys.push([`${this.#prefix}:repair:${reference}`, this.#perRepair]);
    return keys;
  }
}
