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
