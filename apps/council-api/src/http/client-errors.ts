import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { RequestError } from '@hono/node-server';
import { securityHeaderValues } from './middleware/security-headers.js';
import { PROBLEM_CONTENT_TYPE, problemResponse, problems, type Problem } from './problems.js';

/**
 * Answers for requests refused before the app sees them, so they are problems like every other
 * refusal rather than Node's or the adapter's bare text: a URL or Host the adapter cannot turn
 * into a Request (a backslash in the path, a Host with a space), and requests Node's HTTP parser
 * rejects (a head over 16 kB, a control character in a header, a line that is not HTTP).
 */

const badRequest = (): Problem => problems.validation('The request could not be read as HTTP: check its URL and headers.');

/** The adapter's `errorHandler`: a request it could not build is the client's fault (400). */
export function adapterError(error: unknown): Response {
  const problem = error instanceof RequestError ? badRequest() : problems.internal();
  return problemResponse(problem, securityHeaderValues);
}

/** Node's `clientError`: writes the problem straight to the socket, then closes it. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const problem: Problem =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? { ...badRequest(), status: 431, title: 'Request headers too large', detail: 'The request headers are too large.' }
        : badRequest();
    const body = JSON.stringify(problem);
    const headers = { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close', ...securityHeaderValues };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\r\n');
    socket.end(`HTTP/1.1 ${problem.status} ${problem.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${head}\r\n\r\n${body}`);
  });
}
