import { createHash } from 'node:crypto';

/**
 * Our id for a feed's record: a UUID (the API's routes take UUIDs; v1 feeds often use numbers)
 * derived from the feed, the kind of row and the feed's own id, so a re-run finds the row it
 * wrote before and two feeds' ids never collide. RFC 4122 version 5 style, from SHA-1.
 */
export function feedUuid(feedId: string, kind: string, sourceId: string): string {
  const hex = createHash('sha1').update(`council-kit:feed:${feedId}:${kind}:${sourceId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A short fingerprint of a record as published, to tell an update from an unchanged record. */
export function recordHash(record: unknown): string {
  return createHash('sha1').update(JSON.stringify(record)).digest('hex');
}

/**
 * A name as two feeds' copies of one service share it: case, accents, punctuation, "&" and
 * "and", and repeated spaces do not count ("St. Mary's Food Bank" = "st marys food bank").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "an2 3bd" → "AN23BD": postcodes compared without spaces or case. */
export const compactPostcode = (postcode: string): string => postcode.replace(/\s+/g, '').toUpperCase();
