import { decodeEntities } from './entities.js';

/**
 * Feed text is untrusted: descriptions often carry HTML from a CMS. We never render it as
 * HTML; we reduce it to plain text (paragraph breaks kept) so a resident sees words, not tags.
 */
export function plainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const words = value
    // Scripts and styles are code, not words: drop them with their contents.
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<\s*(\/p|\/div|\/h[1-6])\s*>/gi, '\n\n')
    .replace(/<\s*(br|\/li)\s*\/?>/gi, '\n')
    // `[^<>]`, not `[^>]`: text full of `<` with no `>` would otherwise take quadratic time.
    .replace(/<[^<>]*>/g, '');
  // Decoded after the tags are gone, so an escaped `&lt;b&gt;` is shown as words, never a tag.
  return decodeEntities(words)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Only links a resident can safely follow: web pages, email and phone. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed;
  // Feeds often omit the scheme ("www.example.org").
  if (/^www\.[^\s]+$/i.test(trimmed)) return `https://${trimmed}`;
  return undefined;
}

/** Great-circle distance in metres (haversine), for feeds that give coordinates but no distance. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
