import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for GOV.UK Notify's v2 API, on 127.0.0.1 and a free port, for the sender's
 * tests (never the real service). It checks what Notify checks: `Authorization: Bearer <JWT>`
 * signed HS256 with the API key's secret, `iss` the service id, an `iat`; the body's
 * `template_id`, `email_address` or `phone_number`, `personalisation` and `reference`. It answers
 * as Notify does: 201 with the notification, or `{ status_code, errors: [{ error, message }] }`.
 */

/** One request that reached the stub and passed its checks (refused ones are in `refused`). */
export interface Received {
  channel: 'email' | 'sms';
  templateId: string;
  to: string;
  personalisation: Record<string, string>;
  reference: string;
  /** The id the stub answered with (undefined when it answered with an error). */
  id?: string;
}

/** A scripted answer for the next request: an error status with Notify's error, or a dropped connection. */
export type Scripted = { status: 400 | 403 | 429 | 500 | 503; error: string; message: string } | 'drop';

export interface NotifyStub {
  url: string;
  /** A key in Notify's shape for this stub's service: `{name}-{service id}-{secret}`. */
  apiKey: string;
  serviceId: string;
  secret: string;
  /** Requests with a good token and body, in order, whatever the stub answered. */
  received: Received[];
  /** Requests refused for their token or shape, and why. */
  refused: string[];
  /** Queues answers for the next requests (after these, it accepts). */
  script(...answers: Scripted[]): void;
  close(): Promise<void>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the bearer token as Notify does; returns what is wrong, or undefined. */
function tokenProblem(header: string | undefined, serviceId: string, secret: string): string | undefined {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token) return 'no bearer token';
  const [head, body, signature, ...rest] = token.split('.');
  if (!head || !body || !signature || rest.length) return 'not a JWT';
  const expected = Buffer.from(createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad signature';
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (header_.alg !== 'HS256') return `alg ${header_.alg}`;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { iss?: string; iat?: unknown };
  if (claims.iss !== serviceId) return 'iss is not the service id';
  if (typeof claims.iat !== 'number' || !Number.isInteger(claims.iat)) return 'no iat';
  return undefined;
}

/** Checks the body of a send; returns what is wrong, or undefined. */
function bodyProblem(channel: 'email' | 'sms', body: Record<string, unknown>): string | undefined {
  const to = channel === 'email' ? 'email_address' : 'phone_number';
  const allowed = ['template_id', to, 'personalisation', 'reference'];
  if (typeof body.template_id !== 'string' || !uuid.test(body.template_id)) return 'template_id is not a UUID';
  if (typeof body[to] !== 'string' || !body[to]) return `${to} missing`;
  const { personalisation } = body;
  if (typeof personalisation !== 'object' || personalisation === null || Object.values(personalisation).some((v) => typeof v !== 'string')) return 'personalisation is not an object of strings';
  if (typeof body.reference !== 'string' || !body.reference) return 'reference missing';
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  return extra.length ? `unexpected fields ${extra.join(', ')}` : undefined;
}

export async function startNotifyStub(): Promise<NotifyStub> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const received: Received[] = [];
  const refused: string[] = [];
  const queue: Scripted[] = [];

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, name: string, message: string) => answer(res, status, { status_code: status, errors: [{ error: name, message }] });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const channel = req.method === 'POST' && req.url === '/v2/notifications/email' ? 'email' : req.method === 'POST' && req.url === '/v2/notifications/sms' ? 'sms' : undefined;
    if (!channel) {
      refused.push(`${req.method} ${req.url}`);
      return error(res, 404, 'NotFound', 'Not found');
    }
    const auth = tokenProblem(req.headers.authorization, serviceId, secret);
    if (auth) {
      refused.push(auth);
      return error(res, 403, 'AuthError', `Invalid token: ${auth}`);
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
    } catch {
      refused.push('body is not JSON');
      return error(res, 400, 'BadRequestError', 'Invalid JSON supplied in POST data');
    }
    const shape = req.headers['content-type']?.startsWith('application/json') ? bodyProblem(channel, body) : 'content-type is not JSON';
    if (shape) {
      refused.push(shape);
      return error(res, 400, 'ValidationError', shape);
    }
    const message: Received = {
      channel,
      templateId: body.template_id as string,
      to: body[channel === 'email' ? 'email_address' : 'phone_number'] as string,
      personalisation: body.personalisation as Record<string, string>,
      reference: body.reference as string,
    };
    received.push(message);
    const next = queue.shift();
    if (next === 'drop') return req.socket.destroy();
    if (next) return error(res, next.status, next.error, next.message);
    message.id = randomUUID();
    answer(res, 201, {
      id: message.id,
      reference: message.reference,
      content: channel === 'email' ? { subject: 'Subject', body: 'Body', from_email: 'council@notifications.service.gov.uk' } : { body: 'Body', from_number: 'Council' },
      uri: `https://api.notifications.service.gov.uk/v2/notifications/${message.id}`,
      template: { id: message.templateId, version: 1, uri: `https://api.notifications.service.gov.uk/v2/template/${message.templateId}` },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: `council_kit_test-${serviceId}-${secret}`,
    serviceId,
    secret,
    received,
    refused,
    script: (...answers) => void queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

