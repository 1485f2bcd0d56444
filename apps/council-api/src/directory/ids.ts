import { createHash } from 'node:crypto';

/**
 * Deterministic UUIDs for directory rows: the same (kind, number) always gives the same id, so
 * a fresh seed is identical on every machine and tests can rely on it. They look random (ORUK
 * ids are UUIDs, and real feeds use v4) but cannot collide: the first 32 bits are a bijection
 * of `kind` and `n`, so two different rows never share them.
 */
export const idKinds = {
  organization: 1,
  service: 2,
  location: 3,
  accessibility: 4,
  serviceAtLocation: 5,
  taxonomyTerm: 6,
  attribute: 7,
  schedule: 8,
  costOption: 9,
  contact: 10,
  phone: 11,
  language: 12,
  address: 13,
} as const;
export type IdKind = keyof typeof idKinds;

/** Largest `n` per kind: 24 bits, leaving 8 for the kind. */
export const MAX_ID_NUMBER = 2 ** 24 - 1;

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every bit. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (value: number): string => value.toString(16).padStart(8, '0');

export function directoryUuid(kind: IdKind, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_ID_NUMBER) throw new RangeError(`id number out of range: ${n}`);
  const x = ((idKinds[kind] << 24) | n) >>> 0;
  const a = hex8(fmix32(x));
  const b = hex8(fmix32(x ^ 0x9e3779b9));
  const c = hex8(fmix32(x ^ 0x7f4a7c15));
  const d = hex8(fmix32(x ^ 0x3c6ef372));
  // Version 4, RFC 4122 variant, like the ids real feeds carry.
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** A UUID written the usual way (any version): what `GET /oruk/services/{id}` accepts. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of a taxonomy (a vocabulary, HSDS 3.0 `taxonomy`), from its name: terms store the
 * name only, so the id is derived (an RFC 4122 version 5 style UUID of the name's SHA-1), the
 * same on every machine and database.
 */
export function taxonomyUuid(name: string): string {
  const hex = createHash('sha1').update(`council-kit:taxonomy:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
