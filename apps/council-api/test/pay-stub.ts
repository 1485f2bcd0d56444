import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local stand-in for GOV.UK Pay's public API on 127.0.0.1 (port 0): `POST /v1/payments` and
 * `GET /v1/payments/{id}`, checking what the real one checks of the council API's requests (the
 * Bearer key; amount a whole number of pence; reference, description, https return_url; language
 * en or cy) and answering in Pay's shape (201 with payment_id, state, _links.next_url). A test
 * moves a payment to any state (`settle`) and makes Pay fail (`failNext`: a 5xx, or the
 * connection dropped).
 */

export const STUB_KEY = 'api_test_stub-key-for-council-kit-tests-0123456789';

export interface StubPayment {
  paymentId: string;
  /** What Pay's card page URL carries (not the payment id). */
  sessionId: string;
  amount: number;
  reference: string;
  description: string;
  returnUrl: string;
  language: 'en' | 'cy';
  status: string;
  finished: boolean;
  code?: string;
  idempotencyKey?: string;
}

export interface PayStub {
  url: string;
  /** Every payment created, in order. */
  payments: StubPayment[];
  /** Requests refused for their shape or key (a test expects none). */
  refused: string[];
  /** How many GETs of a payment were made. */
  gets: number;
  /** Moves a payment to a state as Pay would (`success`, `failed` with a code…). */
  settle(paymentId: string, status: string, code?: string): void;
  /** The next `count` requests fail: `500`/`503` answers that status, `drop` cuts the connection. */
  failNext(how: 500 | 503 | 'drop', count?: number): void;
  close(): Promise<void>;
}

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

const finishedStates = new Set(['success', 'failed', 'cancelled', 'error']);

/** Starts the stub. */
export async function startPayStub(): Promise<PayStub> {
  const payments: StubPayment[] = [];
  const refused: string[] = [];
  let failures: { how: 500 | 503 | 'drop'; count: number } | undefined;
  let gets = 0;
  const resource = (p: StubPayment) => ({
    amount: p.amount,
    description: p.description,
    reference: p.reference,
    language: p.language,
    payment_id: p.paymentId,
    return_url: p.returnUrl,
    payment_provider: 'sandbox',
    created_date: '2026-01-01T10:00:00.000Z',
    state: { status: p.status, finished: p.finished, ...(p.code ? { code: p.code, message: 'Payment failed' } : {}) },
    _links: {
      self: { href: `${stub.url}/v1/payments/${p.paymentId}`, method: 'GET' },
      ...(p.finished ? {} : { next_url: { href: `https://card.payments.example/secure/${p.sessionId}`, method: 'GET' } }),
    },
  });
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    if (failures && failures.count > 0) {
      failures.count--;
      if (failures.how === 'drop') {
        req.socket.destroy();
        return;
      }
      return answer(res, failures.how, { code: 'P0999', description: 'GOV.UK Pay is unavailable' });
    }
    if (req.headers.authorization !== `Bearer ${STUB_KEY}`) {
      refused.push(`${req.method} ${req.url}: wrong or missing key`);
      return answer(res, 401, { code: 'P0920', description: 'Credentials are required to access this resource' });
    }
    if (req.method === 'POST' && req.url === '/v1/payments') {
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        refused.push('POST /v1/payments: not JSON');
        return answer(res, 400, { code: 'P0197', description: 'Unable to parse JSON' });
      }
      const problems: string[] = [];
      if (req.headers['content-type'] !== 'application/json') problems.push('content-type');
      if (!Number.isInteger(json.amount) || (json.amount as number) < 1 || (json.amount as number) > 10_000_000) problems.push('amount');
      if (typeof json.reference !== 'string' || !json.reference || json.reference.length > 255) problems.push('reference');
      if (typeof json.description !== 'string' || !json.description || json.description.length > 255) problems.push('description');
      if (typeof json.return_url !== 'string' || !json.return_url.startsWith('https://')) problems.push('return_url');
      if (json.language !== 'en' && json.language !== 'cy') problems.push('language');
      const unknown = Object.keys(json).filter((k) => !['amount', 'reference', 'description', 'return_url', 'language', 'email', 'metadata', 'delayed_capture'].includes(k));
      if (unknown.length) problems.push(`unknown ${unknown.join(',')}`);
      if (problems.length) {
        refused.push(`POST /v1/payments: ${problems.join(', ')}`);
        return answer(res, 422, { field: problems[0], code: 'P0102', description: `Invalid attribute value: ${problems[0]}` });
      }
      const key = req.headers['idempotency-key'];
      const same = typeof key === 'string' ? payments.find((p) => p.idempotencyKey === key) : undefined;
      if (same) return answer(res, 200, resource(same));
      const payment: StubPayment = {
        paymentId: `pay${String(payments.length + 1).padStart(4, '0')}stub`,
        sessionId: `session-${payments.length + 1}-${key ?? 'none'}`.replace(/[^\w-]/g, ''),
        amount: json.amount as number,
        reference: json.reference as string,
        description: json.description as string,
        returnUrl: json.return_url as string,
        language: json.language as 'en' | 'cy',
        status: 'created',
        finished: false,
        ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
      };
      payments.push(payment);
      return answer(res, 201, resource(payment));
    }
    const match = /^\/v1\/payments\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && match) {
      gets++;
      const payment = payments.find((p) => p.paymentId === decodeURIComponent(match[1]!));
      if (!payment) return answer(res, 404, { code: 'P0200', description: 'Not found' });
      return answer(res, 200, resource(payment));
    }
    refused.push(`${req.method} ${req.url}: no such route`);
    return answer(res, 404, { code: 'P0200', description: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const stub: PayStub = {
    url: `http://127.0.0.1:${port}`,
    payments,
    refused,
    get gets() {
      return gets;
    },
    settle(paymentId, status, code) {
      const payment = payments.find((p) => p.paymentId === paymentId);
      if (!payment) throw new Error(`No stub payment ${paymentId}`);
      payment.status = status;
      payment.finished = finishedStates.has(status);
      if (code) payment.code = code;
      else delete payment.code;
    },
    failNext(how, count = 1) {
      failures = { how, count };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stub;
}
