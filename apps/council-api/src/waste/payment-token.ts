import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The token that lets a resident see their container request's payment and pay again: an
 * HMAC-SHA256 of the reference under a key derived from the council's GOV.UK Pay API key. So
 * nothing is stored to compare with, the same request always has the same token (an answer
 * replayed for an `Idempotency-Key` and Pay's return link agree), and nobody without the key can
 * make one for another resident's reference. Changing the Pay key ends outstanding tokens, as
 * it ends Pay's sessions. 256 bits, base64url: 43 characters.
 */

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The key tokens are made with: not the Pay key itself, so a token says nothing about it. */
function tokenKey(apiKey: string): Buffer {
  return createHmac('sha256', apiKey).update('council-kit container payment return token v1').digest();
}

/** The payment token of the container request `reference`. */
export function paymentToken(apiKey: string, reference: string): string {
  return createHmac('sha256', tokenKey(apiKey)).update(reference, 'utf8').digest('base64url');
}

/** Whether `token` is `reference`'s, compared in constant time (whatever was sent, the work is the same). */
export function paymentTokenMatches(apiKey: string, reference: string, token: string | undefined): boolean {
  const expected = Buffer.from(paymentToken(apiKey, reference));
  const given = Buffer.from(token && TOKEN_PATTERN.test(token) ? token : '-'.repeat(43));
  return timingSafeEqual(expected, given) && token !== undefined;
}

/** The token in an `Authorization: Bearer <token>` header, if any (never read from a URL the API logs). */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : header === undefined ? undefined : '';
}
