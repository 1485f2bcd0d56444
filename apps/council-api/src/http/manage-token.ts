import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A repair's manage token: the secret only its reporter has, needed to read, move or cancel the
 * repair. 256 bits from the operating system's CSPRNG (node:crypto), never from `random.ts`,
 * whose seeded PRNG makes the same demo data on every machine and so is guessable by design.
 * The database keeps only the SHA-256 hash: a leaked backup lets nobody manage a repair. A
 * plain hash (no salt, no slow KDF) is enough because the token is random and long, not a
 * password a person chose.
 */

/** Base64url of 32 random bytes: 43 characters. */
export const MANAGE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh manage token (256 random bits, base64url). */
export function randomManageToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for `token`: its SHA-256, hex. */
export function hashManageToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether `token` is the one whose hash is `storedHash`, in constant time: both sides are
 * SHA-256 digests of the same length, so the comparison takes as long whatever the token, and
 * a timing attack learns nothing about how much of a guess was right.
 */
export function manageTokenMatches(token: string | undefined, storedHash: string | null): boolean {
  // A missing token or hash still hashes and compares, so "no token" takes as long as "wrong token".
  const presented = createHash('sha256').update(token ?? '', 'utf8').digest();
  const stored = Buffer.from(storedHash && /^[0-9a-f]{64}$/.test(storedHash) ? storedHash : '0'.repeat(64), 'hex');
  return timingSafeEqual(presented, stored) && token !== undefined && storedHash !== null;
}

/**
 * The token in an `Authorization: Bearer <token>` header: undefined when there is no such
 * header, '' when there is one that is not a well-formed token (a wrong guess, counted as one).
 * Never read from a query string: URLs are logged by proxies and kept in browser history.
 */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match && MANAGE_TOKEN_PATTERN.test(match[1]!) ? match[1]! : '';
}
