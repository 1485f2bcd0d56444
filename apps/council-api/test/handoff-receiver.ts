import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stub back office received, with whether its signature was right. */
export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  signatureOk: boolean;
}

/**
 * A stand-in back office on 127.0.0.1, port 0: it records every POST and checks the
 * `X-Council-Kit-Signature` over the raw body, as a real receiver would. `answer` picks the
 * status of each reply (default 204).
 */
export async function startReceiver(secret: string): Promise<{ url: string; received: Received[]; answer: (status: number) => void; close: () => Promise<void> }> {
  const received: Received[] = [];
  let status = 204;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-council-kit-signature'] ?? ''));
      received.push({ headers: req.headers, raw: raw.toString('utf8'), signatureOk: given.length === expected.length && timingSafeEqual(given, expected) });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status >= 300 ? 'not now' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/council-kit/events`,
    received,
    answer: (next) => (status = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
