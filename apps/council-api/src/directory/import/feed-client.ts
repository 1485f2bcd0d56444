import type { Clock } from '../../clock.js';

/** Thrown when a feed's page cannot be read after every retry; the message names the URL's path and why, never a secret. */
export class FeedError extends Error {
  override name = 'FeedError';
}

/** How politely a feed is read. */
export interface FeedClientOptions {
  /** Requests in flight at once (2: a council's feed is often a small server). */
  concurrency?: number;
  /** Milliseconds before a request is abandoned (and retried). */
  timeoutMs?: number;
  /** Retries after the first try, on 5xx, 429, timeouts and dropped connections. */
  retries?: number;
  /** The first backoff, doubled on each retry. */
  backoffMs?: number;
  /** The longest wait a `Retry-After` is honoured up to (a feed asking for an hour gets this). */
  maxRetryAfterMs?: number;
  /** Waits; injectable so tests check the waits asked for without waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** For `Retry-After` given as an HTTP date. */
  clock: Clock;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads JSON from a feed: at most `concurrency` requests at once, each with a timeout, retried
 * with exponential backoff on server errors and timeouts, and after the wait a `Retry-After`
 * asks for (seconds, or an HTTP date read against the app's clock), capped. 4xx other than 429
 * are not retried: asking again will not help.
 */
export class FeedClient {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: Clock;
  /** Requests sent, retries included (reported, and checked by tests). */
  requests = 0;

  constructor(options: FeedClientOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.sleep = options.sleep ?? realSleep;
    this.clock = options.clock;
  }

  /** GETs `url` and parses its JSON, within the concurrency limit, retrying as above. */
  async json(url: URL): Promise<unknown> {
    await this.slot();
    try {
      return await this.withRetries(url);
    } finally {
      this.active -= 1;
      this.queue.shift()?.();
    }
  }

  private async slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1;
      return;
    }
    // The slot is handed over by the finishing request, so `active` never drops in between.
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  private async withRetries(url: URL): Promise<unknown> {
    const where = `${url.origin}${url.pathname}`;
    for (let attempt = 0; ; attempt += 1) {
      let wait: number;
      let why: string;
      try {
        this.requests += 1;
        const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs) });
        if (response.ok) {
          try {
            return await response.json();
          } catch {
            throw new FeedError(`${where}: the answer is not JSON`);
          }
        }
        await response.body?.cancel();
        why = `answered ${response.status}`;
        if (response.status !== 429 && response.status < 500) throw new FeedError(`${where}: ${why}`);
        wait = this.retryAfter(response.headers.get('retry-after')) ?? this.backoffMs * 2 ** attempt;
      } catch (error) {
        if (error instanceof FeedError) throw error;
        why = error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${this.timeoutMs / 1000} s` : 'could not be fetched';
        wait = this.backoffMs * 2 ** attempt;
      }
      if (attempt >= this.retries) throw new FeedError(`${where}: ${why}`);
      await this.sleep(Math.min(wait, this.maxRetryAfterMs));
    }
  }

  /** `Retry-After` in milliseconds: delta-seconds, or an HTTP date against the app's clock. */
  private retryAfter(header: string | null): number | undefined {
    if (!header) return undefined;
    if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, at - this.clock.now().getTime());
  }
}
