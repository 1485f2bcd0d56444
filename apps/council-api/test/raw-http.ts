import http from 'node:http';
import net from 'node:net';
import { bulkyProblemTypes, problemTypes } from '@council-kit/contracts';
import { expect } from 'vitest';
import { staffProblemTypes } from '../src/staff/problems.js';

/**
 * Raw HTTP for the robustness tests (fuzz, uploads, load): node:http sends the path, headers and
 * body exactly as given (no URL normalisation, malformed `%` escapes kept, chunked bodies without
 * Content-Length), and the checks every answer must pass whatever was sent.
 */

export interface RawRequest {
  method: string;
  /** Sent as is: percent-encode anything outside `!`–`~` first (see {@link encode}). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in pieces with `Transfer-Encoding: chunked` and no Content-Length. (A Content-Length given in `headers` is sent as is, true or not.) */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * Sends one request. Resolves with the answer even when the server closes the connection while
 * the body is still being written (as it does after refusing an oversize body); rejects only when
 * no answer came at all.
 */
export function rawRequest(server: { url: string }, { method, path, headers = {}, body, chunked = false }: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(server.url);
  const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const sendHeaders: Record<string, string> = { ...headers };
  const given = Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
  if (bytes && chunked) sendHeaders['Transfer-Encoding'] = 'chunked';
  else if (!given && (bytes || ['POST', 'PUT', 'PATCH'].includes(method))) sendHeaders['Content-Length'] = String(bytes?.length ?? 0);
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request({ agent, hostname, port, method, path, headers: sendHeaders, timeout: timeoutMs }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.on('timeout', () => {
      request.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    });
    if (!bytes) {
      request.end();
    } else if (chunked) {
      writeInPieces(request, bytes);
    } else {
      request.end(bytes);
    }
  });
}

/**
 * Sends bytes straight down a socket (for requests node:http will not send: malformed request
 * lines, bad header characters, bare LF) and reads the answer until the server hangs up.
 */
export function socketRequest(server: { url: string }, bytes: string | Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset after the answer is fine; no answer shows below
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const headers: http.IncomingHttpHeaders = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (/chunked/i.test(String(headers['transfer-encoding'] ?? ''))) body = unchunk(body);
      resolve({ status, headers, text: Buffer.from(body, 'latin1').toString('utf8') });
    });
    socket.write(bytes);
  });
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const match = /^([0-9a-f]+)\r\n/i.exec(rest);
    if (!match) return out;
    const size = parseInt(match[1]!, 16);
    if (size === 0) return out;
    out += rest.slice(match[0].length, match[0].length + size);
    rest = rest.slice(match[0].length + size + 2);
  }
}

/** Writes `bytes` 64 kB at a time, waiting for the socket to drain, stopping if the server hangs up. */
function writeInPieces(request: http.ClientRequest, bytes: Buffer): void {
  let offset = 0;
  const next = (): void => {
    while (offset < bytes.length) {
      if (request.destroyed) return;
      const piece = bytes.subarray(offset, offset + 64 * 1024);
      offset += piece.length;
      if (!request.write(piece)) {
        request.once('drain', next);
        return;
      }
    }
    if (!request.destroyed) request.end();
  };
  next();
}

/**
 * Percent-encodes a value's UTF-8 bytes; `raw` leaves printable ASCII (`%`, `&`, `=`, `/`…) as it
 * is, except `#` and `\\` (a raw backslash never reaches the app: see the fuzz test's HTTP-layer cases).
 */
export function encode(value: string, raw = false): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(char) || (raw && byte > 0x20 && byte < 0x7f && char !== '#' && char !== '\\')) out += char;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The contract's problem types, the directory's own, the staff API's, bulky waste's, and `about:blank` (RFC 9457's "nothing more than the status"). */
export const PROBLEM_TYPES: ReadonlySet<string> = new Set([
  ...Object.values(problemTypes),
  ...Object.values(staffProblemTypes),
  ...Object.values(bulkyProblemTypes),
  'https://council-kit.dev/problems/postcode-not-found',
  'about:blank',
]);

/** What no answer may ever carry: stack frames, SQL or database errors, file paths from this machine. */
const LEAKS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\]]+ \(|\bat (?:file:\/\/|node:|\/)[^\s]*:\d+:\d+/],
  ['a file path', /(?:\/work\/|\/home\/|\/tmp\/|node_modules|\.ts:\d+|\.js:\d+)/],
  ['a database error', /SQLITE_|sqlite3?\b|better-sqlite|no such (?:table|column)|syntax error|fts5|constraint failed|\bpg_|violates .* constraint|relation ".*" does not exist/i],
  ['an exception name', /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|URIError|SqliteError|DatabaseError)\b/],
];
/** SQL, checked in error bodies only (directory text in a 200 may well say "select … from"). */
const SQL = /\b(?:select\b[\s\S]{0,80}\bfrom|insert\s+into|delete\s+from|update\b[\s\S]{0,40}\bset|union\s+select|drop\s+table)\b/i;

/** Leaks found in a body, by name (empty when clean). */
export function leaks(text: string, isError: boolean): string[] {
  const found = LEAKS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  if (isError && SQL.test(text)) found.push('SQL');
  return found;
}

/**
 * The checks every answer passes, whatever the request: never a 5xx; every 4xx an RFC 9457
 * problem (`application/problem+json`, a known `type`, `title`, `status` matching the response,
 * `detail` and `errors` well formed) that echoes no markup; no stack trace, SQL or local path in
 * any body. `context` names the request in a failure message.
 */
export function expectSafeAnswer(response: RawResponse, context: string, { head = false } = {}): void {
  const where = `${context} → ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, where).toBeGreaterThanOrEqual(200);
  expect(response.status, where).toBeLessThan(500);
  const isError = response.status >= 400;
  expect(leaks(response.text, isError), where).toEqual([]);
  if (!isError) return;
  expect(response.headers['content-type'], where).toBe('application/problem+json');
  if (head) return; // HEAD answers carry the headers of a problem, not its body
  const problem = JSON.parse(response.text) as Record<string, unknown>;
  expectProblemShape(problem, response.status, where);
}

export function expectProblemShape(problem: Record<string, unknown>, status: number, where = ''): void {
  expect(Object.keys(problem).filter((k) => !['type', 'title', 'status', 'detail', 'instance', 'errors'].includes(k)), where).toEqual([]);
  expect(PROBLEM_TYPES.has(problem.type as string), `${where}: problem type ${String(problem.type)}`).toBe(true);
  expect(typeof problem.title === 'string' && problem.title.length > 0, where).toBe(true);
  expect(problem.status, where).toBe(status);
  if (problem.detail !== undefined) expect(typeof problem.detail, where).toBe('string');
  if (problem.errors !== undefined) {
    expect(Array.isArray(problem.errors), where).toBe(true);
    for (const error of problem.errors as unknown[]) {
      expect(error, where).toEqual({ path: expect.any(String), message: expect.any(String) });
      // Paths name fields the API knows, or are JSON pointers the API built: never a megabyte of key.
      expect((error as { path: string }).path.length, where).toBeLessThanOrEqual(100);
    }
  }
  // A problem never reflects markup a client sent.
  expect(JSON.stringify(problem), where).not.toMatch(/<\s*(?:script|svg|img|iframe)/i);
}
