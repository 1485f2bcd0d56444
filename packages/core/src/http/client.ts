import { ApiError, parseRetryAfter, type ProblemBody } from './errors.js';

/** Reads and validates a parsed JSON body, throwing when it does not match the contract. */
export type ResponseReader<T> = (value: unknown) => T;

/**
 * What a council adds to every request: page-wide with `configureHttp`, per element with its
 * `httpOptions` property (merged over the page-wide settings, header by header).
 */
export interface HttpConfig {
  /**
   * Extra request headers, such as an API gateway's key, or a function of the request URL that
   * returns them (to send a key only to the gateway's origin).
   */
  headers?: Record<string, string> | ((url: URL) => Record<string, string> | undefined);
  /** The `fetch` credentials mode (default `'same-origin'`): `'include'` sends cookies to another origin. */
  credentials?: RequestCredentials;
}

// The page-wide settings, for the elements of this copy of core (a page should load one copy;
// core warns in the console when it finds two).
let page: HttpConfig | undefined;

/**
 * Sets headers and credentials for every request of every Council Kit element on the page,
 * replacing any earlier call. An element's own `httpOptions` is merged over it.
 *
 * ```js
 * configureHttp({ headers: (url) => (url.origin === 'https://api.council.example' ? { 'x-api-key': 'public-key' } : {}) });
 * ```
 */
export function configureHttp(config: HttpConfig): void {
  page = config;
}

export interface HttpClientOptions extends HttpConfig {
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
  /** Timeout for this request in milliseconds (default: the client's). */
  timeout?: number;
  /**
   * Headers for this request only, sent over the page's, the client's and the element's (e.g. a
   * repair's `Authorization: Bearer <token>`): a secret stays off every other request, and out
   * of the URL, where servers and proxies log it.
   */
  headers?: Record<string, string>;
}

export interface PostOptions<T> extends RequestOptions<T> {
  /**
   * Sent as `Idempotency-Key` so a retried submission is stored once. Keep one per submission
   * (see `newIdempotencyKey`); default: a fresh key for this request.
   */
  idempotencyKey?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The http client every element uses: base URL resolution, timeout, abort of superseded
 * requests, limited GET retries with backoff, idempotent POSTs, PATCH and DELETE, JSON or
 * binary bodies, and typed errors. Only GETs are retried. An empty answer (204) is read as
 * `undefined`: give such requests a reader that accepts it.
 */
export class HttpClient {
  /**
   * Headers and credentials of the element this client serves (its `httpOptions`), merged over
   * the page-wide `configureHttp` settings and this client's own options.
   */
  config?: HttpConfig;
  private readonly inflight = new Map<string, AbortController>();
  private readonly options: Required<Omit<HttpClientOptions, keyof HttpConfig | 'fetch'>> & HttpConfig;
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
    // `document.baseURI` is the page's address; a server renderer (`@council-kit/ssr`) gives the
    // address of the page it renders, so links built here are the same on both sides.
    const base = new URL(this.base.replace(/\/?$/, '/'), globalThis.document?.baseURI);
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  get<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.send('GET', path, options, undefined, this.options.retries);
  }

  /** `body` is sent as JSON, or as it is when it is a `Blob` (with its type) or an `ArrayBuffer`. */
  post<T>(path: string, body: unknown, options: PostOptions<T>): Promise<T> {
    return this.send('POST', path, options, body, 0, options.idempotencyKey ?? newIdempotencyKey());
  }

  patch<T>(path: string, body: unknown, options: RequestOptions<T>): Promise<T> {
    return this.send('PATCH', path, options, body, 0);
  }

  delete<T>(path: string, options: RequestOptions<T>, body?: unknown): Promise<T> {
    return this.send('DELETE', path, options, body, 0);
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
          return await this.attempt(method, this.url(path, options.query), options, controller.signal, body, idempotencyKey);
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
    { read, timeout: ms = this.options.timeout, headers: own }: RequestOptions<T>,
    superseded: AbortSignal,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(ms);
    // AbortSignal.any by hand: Safari before 17.4 (iOS 16 and early 17, still common on council
    // sites) lacks it, and every fetch would throw. One attempt at a time listens to `superseded`.
    const either = new AbortController();
    superseded.onabort = timeout.onabort = () => either.abort();
    const signal = either.signal;
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    let credentials: RequestCredentials = 'same-origin';
    // The page's settings, then the client's, then the element's: later ones win, header by header.
    for (const config of [page, this.options, this.config]) {
      Object.assign(headers, typeof config?.headers === 'function' ? config.headers(url) : config?.headers);
      credentials = config?.credentials ?? credentials;
    }
    Object.assign(headers, own);
    // A Blob or ArrayBuffer goes as it is (fetch sends a Blob's own type); anything else as JSON.
    if (body !== undefined && !(body instanceof Blob || body instanceof ArrayBuffer)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

    let response: Response;
    let text: string;
    try {
      response = await this.fetcher(url, {
        method,
        headers,
        body: body as BodyInit | undefined,
        signal,
        credentials,
      });
      text = await response.text();
    } catch (cause) {
      if (superseded.aborted) throw new ApiError('aborted', 'Superseded', { cause });
      if (timeout.aborted) throw new ApiError('timeout', 'Timed out', { cause });
      throw new ApiError('network', 'Unreachable', { cause });
    }

    // The body is JSON, or empty (204 No Content reads as `undefined`); a failure's body is its
    // problem details when it has them.
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      if (response.ok) throw new ApiError('invalid', 'Not JSON', { status: response.status, cause });
    }
    if (!response.ok) {
      throw new ApiError('http', `HTTP ${response.status}`, {
        status: response.status,
        problem: json && typeof json == 'object' ? (json as ProblemBody) : undefined,
        retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }
    try {
      return read(json);
    } catch (cause) {
      throw new ApiError('invalid', 'Not the contract shape', { status: response.status, cause });
    }
  }
}

/** A fresh key for one submission; reuse it when the resident retries the same submission. */
export function newIdempotencyKey(): string {
  // 128 random bits as hex: works where crypto.randomUUID does not (it needs a secure context,
  // and council intranets sometimes serve plain http).
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
