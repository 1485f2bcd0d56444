import { ApiError, parseRetryAfter, type ProblemBody } from './errors.js';

/** Reads and validates a parsed JSON body, throwing when it does not match the contract. */
export type ResponseReader<T> = (value: unknown) => T;

export interface HttpClientOptions {
  /** Per-attempt timeout in milliseconds. */
  timeout?: number;
  /** How many times a GET is retried after a network error, timeout, 429 or 5xx. */
  retries?: number;
  /** Base delay for exponential backoff, in milliseconds. */
  backoff?: number;
  /** Longest `Retry-After` we wait for automatically; longer ones are reported to the resident. */
  maxRetryAfter?: number;
  /** The fetch implementation; defaults to the page's `fetch` at call time. */
  fetch?: typeof fetch;
}

export interface RequestOptions<T> {
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | undefined>;
  /** Validates the response against the contract before anyone renders it. */
  read: ResponseReader<T>;
  /**
   * Requests sharing a key supersede each other: starting one aborts the previous one still in
   * flight, so a slow answer to an old search never overwrites a newer one.
   */
  key?: string;
}

export interface PostOptions<T> extends RequestOptions<T> {
  /** Sent as `Idempotency-Key` so a retried submission is stored once. */
  idempotencyKey: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The http client every element uses: base URL resolution, timeout, abort of superseded
 * requests, limited GET retries with backoff, idempotent POSTs and typed errors.
 */
export class HttpClient {
  private readonly inflight = new Map<string, AbortController>();
  private readonly options: Required<Omit<HttpClientOptions, 'fetch'>>;
  private readonly fetcher: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

  constructor(
    /** Base URL every path resolves against, e.g. `/api/v1` or `https://council.example/api/v1`. */
    readonly base: string,
    options: HttpClientOptions = {},
  ) {
    this.options = { timeout: 10_000, retries: 2, backoff: 300, maxRetryAfter: 5, ...options };
    // Looked up at call time so tests and stories that replace window.fetch are honoured.
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Resolves `path` against the base (and the page), appending query parameters. */
  url(path: string, query: RequestOptions<unknown>['query'] = {}): URL {
    const base = new URL(this.base.replace(/\/?$/, '/'), document.baseURI);
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  get<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.send('GET', path, options, undefined, this.options.retries);
  }

  post<T>(path: string, body: unknown, options: PostOptions<T>): Promise<T> {
    return this.send('POST', path, options, body, 0, options.idempotencyKey);
  }

  /** Aborts every request in flight (an element calls this when it disconnects). */
  abortAll(): void {
    this.inflight.forEach((controller) => controller.abort());
    this.inflight.clear();
  }

  private async send<T>(
    method: string,
    path: string,
    options: RequestOptions<T>,
    body: unknown,
    retries: number,
    idempotencyKey?: string,
  ): Promise<T> {
    const key = options.key ?? `${method} ${path}`;
    this.inflight.get(key)?.abort();
    const controller = new AbortController();
    this.inflight.set(key, controller);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.attempt(method, this.url(path, options.query), options.read, controller.signal, body, idempotencyKey);
        } catch (error) {
          const apiError = error as ApiError;
          const wait = this.retryDelay(apiError, attempt, retries);
          if (wait === undefined || controller.signal.aborted) throw apiError;
          await sleep(wait);
          if (controller.signal.aborted) throw new ApiError('aborted', 'Superseded');
        }
      }
    } finally {
      if (this.inflight.get(key) === controller) this.inflight.delete(key);
    }
  }

  /** Milliseconds to wait before retrying, or `undefined` when we should give up. */
  private retryDelay(error: ApiError, attempt: number, retries: number): number | undefined {
    if (attempt >= retries || !error.retryable || error.kind === 'invalid') return undefined;
    if (error.retryAfter !== undefined) {
      return error.retryAfter <= this.options.maxRetryAfter ? error.retryAfter * 1000 : undefined;
    }
    // Exponential backoff with jitter, so many residents' pages do not retry in lockstep.
    return this.options.backoff * 2 ** attempt * (0.5 + Math.random() / 2);
  }

  private async attempt<T>(
    method: string,
    url: URL,
    read: ResponseReader<T>,
    superseded: AbortSignal,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(this.options.timeout);
    // AbortSignal.any by hand: Safari before 17.4 (iOS 16 and early 17, still common on council
    // sites) lacks it, and every fetch would throw. One attempt at a time listens to `superseded`.
    const either = new AbortController();
    superseded.onabort = timeout.onabort = () => either.abort();
    const signal = either.signal;
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

    let response: Response;
    let text: string;
    try {
      response = await this.fetcher(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'same-origin',
      });
      text = await response.text();
    } catch (cause) {
      if (superseded.aborted) throw new ApiError('aborted', 'Superseded', { cause });
      if (timeout.aborted) throw new ApiError('timeout', 'Timed out', { cause });
      throw new ApiError('network', 'Unreachable', { cause });
    }

    if (!response.ok) {
      throw new ApiError('http', `HTTP ${response.status}`, {
        status: response.status,
        problem: parseProblem(text),
        retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new ApiError('invalid', 'Not JSON', { status: response.status, cause });
    }
    try {
      return read(json);
    } catch (cause) {
      throw new ApiError('invalid', 'Not the contract shape', { status: response.status, cause });
    }
  }
}

function parseProblem(text: string): ProblemBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as ProblemBody) : undefined;
  } catch {
    return undefined;
  }
}

/** A fresh key for one submission; reuse it when the resident retries the same submission. */
export function newIdempotencyKey(): string {
  // 128 random bits as hex: works where crypto.randomUUID does not (it needs a secure context,
  // and council intranets sometimes serve plain http).
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
