/*
 * A small cache in process memory for answers from outside services (OS Places, a scraper):
 * bounded in entries (the least recently used goes first), each entry with its own staleness
 * test (so the caller decides by the app's clock: a number of seconds, or "until the next
 * collection day"), and one load at a time per key, so a burst of requests for one postcode
 * calls OS once. In memory on purpose: each instance keeps its own, lost on restart, which
 * costs at most one extra call per key per instance.
 */

interface Entry<V> {
  value: V;
  isStale: () => boolean;
}

/** Keyed answers, at most `maxEntries` of them. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<{ value: V; isStale: () => boolean }>>();

  constructor(private readonly maxEntries: number) {}

  /** The fresh value for `key`, if there is one. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.isStale()) {
      this.entries.delete(key);
      return undefined;
    }
    // Most recently used goes to the end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` until `isStale()` says otherwise (or it is pushed out). */
  set(key: string, value: V, isStale: () => boolean): void {
    if (this.maxEntries <= 0 || isStale()) return;
    this.entries.delete(key);
    this.entries.set(key, { value, isStale });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /**
   * The fresh value for `key`, else `load()`'s (kept with the staleness test it gives). Calls
   * for a key already loading wait for that load; a failed load is not kept.
   */
  async getOrLoad(key: string, load: () => Promise<{ value: V; isStale: () => boolean }>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
      const { value, isStale } = await pending;
      this.set(key, value, isStale);
      return value;
    }
    return (await pending).value;
  }

  /** How many entries are held (for tests and logs). */
  get size(): number {
    return this.entries.size;
  }
}
