/** How a mocked route answers. */
export interface MockResponse {
  status?: number;
  /** JSON-serialised unless `raw` is given. */
  body?: unknown;
  /** Sent as-is: for malformed JSON and other hostile responses. */
  raw?: string;
  headers?: Record<string, string>;
  /** Milliseconds before answering (a slow back end). */
  delay?: number;
  /** Never answer (the client's timeout or abort ends the request). */
  hang?: boolean;
  /** Fail like a dropped connection. */
  networkError?: boolean;
}

/** Routes keyed `METHOD /path` (pathname only; a key with `?` also matches the query string). */
export type MockRoutes = Record<string, MockResponse | MockResponse[] | ((request: Request) => MockResponse)>;

/** One request the mock received. */
export interface MockCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

// Kept on globalThis, not in module scope: tests may load this module twice (from source and
// from the built package), and each copy must restore the one real fetch.
const store = globalThis as typeof globalThis & { __councilRealFetch?: typeof fetch; __councilRestoreApi?: () => void };
store.__councilRealFetch ??= globalThis.fetch.bind(globalThis);

function delay(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    });
  });
}

/**
 * Replaces `window.fetch` with canned answers, for browser tests and Storybook stories. An
 * array answers successive calls in turn (the last one repeats). Unmatched requests get a 404
 * problem and are logged, so a test never silently reaches a real network.
 */
export function mockApi(routes: MockRoutes): { calls: MockCall[]; restore: () => void } {
  restoreApi();
  const calls: MockCall[] = [];
  const counts = new Map<string, number>();

  const mocked = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = init?.body ? String(init.body) : '';
    calls.push({ method: request.method, url, headers: request.headers, body });
    const key =
      [`${request.method} ${url.pathname}${url.search}`, `${request.method} ${url.pathname}`].find((k) => k in routes) ?? '';
    const route = routes[key];
    if (!route) {
      console.warn(`mockApi: no route for ${request.method} ${url.pathname}`);
      return Response.json({ type: 'about:blank', title: 'Not mocked', status: 404 }, { status: 404 });
    }
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const answer = typeof route === 'function' ? route(request) : Array.isArray(route) ? route[Math.min(n, route.length - 1)]! : route;
    if (answer.hang) await delay(2 ** 31 - 1, init?.signal);
    if (answer.delay) await delay(answer.delay, init?.signal);
    if (answer.networkError) throw new TypeError('Failed to fetch');
    const status = answer.status ?? 200;
    const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': contentType, ...answer.headers } });
  };

  globalThis.fetch = mocked as typeof fetch;
  store.__councilRestoreApi = () => {
    globalThis.fetch = store.__councilRealFetch!;
    store.__councilRestoreApi = undefined;
  };
  return { calls, restore: restoreApi };
}

/** Puts the real `fetch` back. */
export function restoreApi(): void {
  store.__councilRestoreApi?.();
}
