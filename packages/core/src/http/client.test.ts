import { describe, expect, it, onTestFinished } from 'vitest';
import { html } from 'lit';
import { HttpClient, configureHttp } from './client.js';
import { CouncilElement } from '../council-element.js';
import { ApiError } from './errors.js';
import { mockApi } from '../testing/mock-api.js';

const readList = (v: unknown) => {
  if (!Array.isArray(v)) throw new Error('not a list');
  return v as number[];
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('HttpClient', () => {
  it('resolves paths against the base and sends query parameters', async () => {
    const { calls } = mockApi({ 'GET /api/v1/things': { body: [1, 2] } });
    const client = new HttpClient('/api/v1');
    expect(await client.get('/things', { read: readList, query: { q: 'a b', skip: undefined } })).toEqual([1, 2]);
    expect(calls[0]!.url.pathname).toBe('/api/v1/things');
    expect(calls[0]!.url.searchParams.get('q')).toBe('a b');
    expect(calls[0]!.url.searchParams.has('skip')).toBe(false);
  });

  it('retries a GET after a 503 with backoff, then succeeds', async () => {
    const { calls } = mockApi({ 'GET /api/things': [{ status: 503 }, { status: 503 }, { body: [3] }] });
    const client = new HttpClient('/api', { backoff: 1 });
    expect(await client.get('things', { read: readList })).toEqual([3]);
    expect(calls).toHaveLength(3);
  });

  it('gives up after the retry limit with a typed http error and the problem details', async () => {
    mockApi({ 'GET /api/things': { status: 500, body: { type: 'urn:x', title: 'Broken', status: 500 } } });
    const error = await failure(new HttpClient('/api', { backoff: 1, retries: 1 }).get('things', { read: readList }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.problemType).toBe('urn:x');
  });

  it('does not retry a 400', async () => {
    const { calls } = mockApi({ 'GET /api/things': { status: 400, body: { type: 'urn:bad', title: 'Bad', status: 400 } } });
    const error = await failure(new HttpClient('/api', { backoff: 1 }).get('things', { read: readList }));
    expect(error.retryable).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('honours a short Retry-After and reports a long one', async () => {
    const { calls } = mockApi({ 'GET /api/things': [{ status: 429, headers: { 'Retry-After': '0' } }, { body: [1] }] });
    expect(await new HttpClient('/api').get('things', { read: readList })).toEqual([1]);
    expect(calls).toHaveLength(2);
    mockApi({ 'GET /api/things': { status: 429, headers: { 'Retry-After': '120' } } });
    const error = await failure(new HttpClient('/api').get('things', { read: readList }));
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(120);
  });

  it('never retries a POST, and sends the idempotency key', async () => {
    const { calls } = mockApi({ 'POST /api/reports': { status: 503 } });
    const error = await failure(new HttpClient('/api', { backoff: 1 }).post('reports', { a: 1 }, { read: (v) => v, idempotencyKey: 'k-1' }));
    expect(error.status).toBe(503);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.get('Idempotency-Key')).toBe('k-1');
    expect(JSON.parse(calls[0]!.body)).toEqual({ a: 1 });
  });

  it('times out a hanging request', async () => {
    mockApi({ 'GET /api/slow': { hang: true } });
    const error = await failure(new HttpClient('/api', { timeout: 50, retries: 0 }).get('slow', { read: readList }));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('reports a dropped connection as a network error', async () => {
    mockApi({ 'GET /api/things': { networkError: true } });
    const error = await failure(new HttpClient('/api', { retries: 0 }).get('things', { read: readList }));
    expect(error.kind).toBe('network');
  });

  it('reports malformed JSON and the wrong shape as invalid, without retrying', async () => {
    const { calls } = mockApi({ 'GET /api/things': { raw: '{"oops' } });
    expect((await failure(new HttpClient('/api').get('things', { read: readList }))).kind).toBe('invalid');
    expect(calls).toHaveLength(1);
    mockApi({ 'GET /api/things': { body: { not: 'a list' } } });
    expect((await failure(new HttpClient('/api').get('things', { read: readList }))).kind).toBe('invalid');
  });

  it('reads a failure whose body is not JSON (a gateway’s HTML page) as an http error without problem details', async () => {
    mockApi({ 'GET /api/things': { status: 502, raw: '<html>Bad gateway</html>' } });
    const error = await failure(new HttpClient('/api', { retries: 0 }).get('things', { read: readList }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.details.problem).toBeUndefined();
    expect(error.retryable).toBe(true);
  });

  it('aborts a superseded request with the same key', async () => {
    mockApi({ 'GET /api/search': (request) => (new URL(request.url).searchParams.get('q') === 'old' ? { delay: 200, body: [0] } : { body: [1] }) });
    const client = new HttpClient('/api');
    const old = client.get('search', { read: readList, query: { q: 'old' }, key: 'search' });
    const latest = client.get('search', { read: readList, query: { q: 'new' }, key: 'search' });
    expect((await failure(old)).kind).toBe('aborted');
    expect(await latest).toEqual([1]);
  });

  it('works where AbortSignal.any is missing (Safari before 17.4): answers, times out and supersedes', async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any')!;
    Reflect.deleteProperty(AbortSignal, 'any');
    onTestFinished(() => {
      Object.defineProperty(AbortSignal, 'any', any);
    });
    expect('any' in AbortSignal).toBe(false);

    mockApi({
      'GET /api/things': { body: [1] },
      'GET /api/slow': { hang: true },
      'GET /api/search': (request) => (new URL(request.url).searchParams.get('q') === 'old' ? { delay: 200, body: [0] } : { body: [2] }),
    });
    const client = new HttpClient('/api', { timeout: 50, retries: 0 });
    expect(await client.get('things', { read: readList })).toEqual([1]);
    expect((await failure(client.get('slow', { read: readList }))).kind).toBe('timeout');
    const old = client.get('search', { read: readList, query: { q: 'old' }, key: 'search' });
    const latest = client.get('search', { read: readList, query: { q: 'new' }, key: 'search' });
    expect((await failure(old)).kind).toBe('aborted');
    expect(await latest).toEqual([2]);
  });
});

/** A fetch that records what it was asked and answers `status` with `body`. */
function recorder(status = 200, body: string | null = '[1]') {
  const requests: { url: URL; init: RequestInit; headers: Headers }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({ url: new URL(String(input)), init, headers: new Headers(init.headers) });
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

const anything = (v: unknown) => v;

describe('HttpClient methods and bodies', () => {
  it('sends PATCH and DELETE without retrying or an idempotency key, and reads a 204 as undefined', async () => {
    const { calls } = mockApi({ 'PATCH /api/repairs/R1': { status: 503 }, 'DELETE /api/repairs/R1': { status: 204 } });
    const client = new HttpClient('/api', { backoff: 1 });
    const error = await failure(client.patch('repairs/R1', { slotId: 's1' }, { read: anything, query: { postcode: 'AN1 1AA' } }));
    expect(error.status).toBe(503);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.searchParams.get('postcode')).toBe('AN1 1AA');
    expect(JSON.parse(calls[0]!.body)).toEqual({ slotId: 's1' });
    expect(calls[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(calls[0]!.headers.has('Idempotency-Key')).toBe(false);

    const read = (json: unknown) => (json === undefined ? 'cancelled' : 'other');
    expect(await client.delete('repairs/R1', { read }, { reason: 'fixed' })).toBe('cancelled');
    expect(calls[1]!.method).toBe('DELETE');
    expect(JSON.parse(calls[1]!.body)).toEqual({ reason: 'fixed' });
  });

  it('sends a Blob or an ArrayBuffer as it is, and gives every POST an idempotency key', async () => {
    const { requests, fetch } = recorder(201, '{"photoId":"p1"}');
    const client = new HttpClient('/api', { fetch });
    const photo = new Blob([new Uint8Array([255, 216, 255])], { type: 'image/jpeg' });
    expect(await client.post('repairs/photos', photo, { read: anything })).toEqual({ photoId: 'p1' });
    await client.post('raw', new Uint8Array([1, 2]).buffer, { read: anything, idempotencyKey: 'k-2' });
    expect(requests[0]!.init.body).toBe(photo);
    // fetch sends the Blob's own type; we never label it JSON.
    expect(requests[0]!.headers.has('Content-Type')).toBe(false);
    expect(requests[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f]{32}$/);
    expect(requests[1]!.init.body).toBeInstanceOf(ArrayBuffer);
    expect(requests[1]!.headers.get('Idempotency-Key')).toBe('k-2');
  });

  it('times out one request on its own timeout', async () => {
    mockApi({ 'POST /api/slow': { hang: true } });
    const error = await failure(new HttpClient('/api').post('slow', {}, { read: anything, timeout: 50 }));
    expect(error.kind).toBe('timeout');
  });
});

describe('configureHttp and httpOptions', () => {
  it('adds the page’s headers and credentials to every request, a function of the URL deciding per origin', async () => {
    onTestFinished(() => configureHttp({}));
    const { requests, fetch } = recorder();
    configureHttp({
      headers: (url) => (url.pathname.startsWith('/gateway/') ? { 'x-api-key': 'public-key' } : undefined),
      credentials: 'include',
    });
    await new HttpClient('/gateway', { fetch }).get('things', { read: anything });
    await new HttpClient('/other', { fetch }).get('things', { read: anything });
    expect(requests[0]!.headers.get('x-api-key')).toBe('public-key');
    expect(requests[0]!.headers.get('Accept')).toBe('application/json, application/problem+json');
    expect(requests[0]!.init.credentials).toBe('include');
    expect(requests[1]!.headers.has('x-api-key')).toBe(false);

    configureHttp({ headers: { 'x-api-key': 'page-key', 'x-council': 'anytown' } });
    await new HttpClient('/api', { fetch }).get('things', { read: anything });
    expect(requests[2]!.headers.get('x-api-key')).toBe('page-key');
    // Replaced, not merged: the default credentials again.
    expect(requests[2]!.init.credentials).toBe('same-origin');
  });

  it('merges an element’s httpOptions over the page’s, header by header', async () => {
    onTestFinished(() => configureHttp({}));
    const { requests, fetch } = recorder();
    configureHttp({ headers: { 'x-api-key': 'page-key', 'x-council': 'anytown' } });
    class HttpProbe extends CouncilElement {
      load() {
        return this.http('/api', { fetch }).get('things', { read: anything });
      }
      override render() {
        return html``;
      }
    }
    customElements.define('http-probe', HttpProbe);
    const probe = document.createElement('http-probe') as HttpProbe;
    probe.httpOptions = { headers: { 'x-api-key': 'element-key' }, credentials: 'omit' };
    await probe.load();
    expect(requests[0]!.headers.get('x-api-key')).toBe('element-key');
    expect(requests[0]!.headers.get('x-council')).toBe('anytown');
    expect(requests[0]!.init.credentials).toBe('omit');

    // Read at each request, so a change after the first one counts.
    probe.httpOptions = undefined;
    await probe.load();
    expect(requests[1]!.headers.get('x-api-key')).toBe('page-key');
    expect(requests[1]!.init.credentials).toBe('same-origin');
  });

  it('sends a request’s own headers on that request only, over every other setting', async () => {
    onTestFinished(() => configureHttp({}));
    const { requests, fetch } = recorder();
    configureHttp({ headers: { Authorization: 'Basic page', 'x-council': 'anytown' } });
    const client = new HttpClient('/api', { fetch });
    await client.get('repairs/RPX4T8WN', { read: anything, headers: { Authorization: 'Bearer secret' } });
    await client.patch('repairs/RPX4T8WN', { slotId: 's' }, { read: anything, headers: { Authorization: 'Bearer secret' } });
    await client.get('repairs/catalogue', { read: anything });
    expect(requests.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer secret', 'Bearer secret', 'Basic page']);
    expect(requests[0]!.headers.get('x-council')).toBe('anytown');
    expect(requests[1]!.headers.get('Content-Type')).toBe('application/json');
    expect(requests.every((r) => !r.url.search)).toBe(true);
  });
});
