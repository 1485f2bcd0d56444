import { ApiError, newIdempotencyKey, type HttpClient } from '@council-kit/core';

/**
 * PATCH, DELETE and raw-body POST (photos), which core's http client does not offer: same base
 * URL resolution, timeout, `Idempotency-Key` on POSTs and typed `ApiError`s, no retries (none of
 * these requests is safe to repeat blindly). An empty answer (204) reads as `undefined`.
 */
export async function send<T>(
  client: HttpClient,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  read: (json: unknown) => T,
  body?: Blob | object,
  query?: Record<string, string>,
  idempotencyKey?: string,
): Promise<T | undefined> {
  const raw = body instanceof Blob;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body) headers['Content-Type'] = raw ? body.type : 'application/json';
  if (method === 'POST') headers['Idempotency-Key'] = idempotencyKey ?? newIdempotencyKey();
  let response: Response;
  let text: string;
  try {
    response = await fetch(client.url(path, query), {
      method,
      headers,
      body: raw ? body : body && JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
      credentials: 'same-origin',
    });
    text = await response.text();
  } catch (cause) {
    throw new ApiError((cause as Error).name === 'TimeoutError' ? 'timeout' : 'network', 'Unreachable', { cause });
  }
  try {
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, { status: response.status, problem: json as object });
    return json === undefined ? undefined : read(json);
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, { status: response.status });
    throw new ApiError('invalid', 'Not the contract shape', { status: response.status, cause });
  }
}
