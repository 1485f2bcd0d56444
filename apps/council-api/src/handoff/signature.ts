import { createHmac } from 'node:crypto';

/** The header carrying {@link signHandoff}'s answer. */
export const SIGNATURE_HEADER = 'X-Council-Kit-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`: what the back office recomputes and compares. */
export function signHandoff(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
