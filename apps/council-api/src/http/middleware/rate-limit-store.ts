import { sql } from 'kysely';
import type { CouncilDb } from '../../db/database.js';

/** The state of one client's current window after counting a request. */
export interface RateLimitHit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** When the window ends (epoch milliseconds). */
  resetAt: number;
}

/**
 * Where rate-limit counters live. The in-memory store suits one SQLite-backed instance; a
 * database-backed store (an upsert on `(key, window)`) lets several instances share limits.
 */
export interface RateLimitStore {
  /** Counts a request for `key` in a fixed window of `windowMs` that starts at its first request. */
  hit(key: string, windowMs: number, now: number): Promise<RateLimitHit>;
  /**
   * The current window of `key` without counting anything (count 0 when it has none or it has
   * ended): for limits that count only failures but must refuse before checking the next try.
   */
  peek(key: string, windowMs: number, now: number): Promise<RateLimitHit>;
}

/** Fixed windows per key in a Map; expired windows are swept as the store is used. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, RateLimitHit>();
  #nextSweep = 0;

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitHit> {
    this.#sweep(now, windowMs);
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return { ...window };
  }

  async peek(key: string, windowMs: number, now: number): Promise<RateLimitHit> {
    const window = this.#windows.get(key);
    return window && window.resetAt > now ? { ...window } : { count: 0, resetAt: now + windowMs };
  }

  /** Number of keys tracked (for tests and diagnostics). */
  get size(): number {
    return this.#windows.size;
  }

  #sweep(now: number, windowMs: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + windowMs;
    for (const [key, window] of this.#windows) {
      if (window.resetAt <= now) this.#windows.delete(key);
    }
  }
}

/**
 * Counters in the database, so every API instance on one PostgreSQL counts against the same
 * limit, with the same windows as {@link MemoryRateLimitStore} (a window starts at the client's
 * first request). Each hit is one upsert that starts a new window when the old one has ended and
 * returns the count. Ended windows are deleted as the store is used.
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  #nextSweep = 0;

  constructor(private readonly db: CouncilDb) {}

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitHit> {
    if (now >= this.#nextSweep) {
      this.#nextSweep = now + windowMs;
      await this.db.deleteFrom('rate_limit_hits').where('window_start', '<=', now - windowMs).execute();
    }
    const ended = sql<boolean>`rate_limit_hits.window_start + ${windowMs} <= ${now}`;
    const { hits, window_start } = await this.db
      .insertInto('rate_limit_hits')
      .values({ client: key, window_start: now, hits: 1 })
      .onConflict((oc) =>
        oc.column('client').doUpdateSet({
          hits: sql<number>`case when ${ended} then 1 else rate_limit_hits.hits + 1 end`,
          window_start: sql<number>`case when ${ended} then ${now} else rate_limit_hits.window_start end`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow();
    return { count: hits, resetAt: Number(window_start) + windowMs };
  }

  async peek(key: string, windowMs: number, now: number): Promise<RateLimitHit> {
    const found = await this.db.selectFrom('rate_limit_hits').select(['hits', 'window_start']).where('client', '=', key).executeTakeFirst();
    const start = found ? Number(found.window_start) : undefined;
    return found && start! + windowMs > now ? { count: found.hits, resetAt: start! + windowMs } : { count: 0, resetAt: now + windowMs };
  }
}
