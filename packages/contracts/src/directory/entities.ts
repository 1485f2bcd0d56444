/**
 * HTML character references in feed text (`&rsquo;`, `&pound;`, `&#8217;`, `&#x2019;`), decoded
 * to the characters they stand for. Directory feeds are exported from CMSs that escape far more
 * than `&amp;`, and a resident should read "Mum’s café, £2", not "Mum&rsquo;s caf&eacute;".
 *
 * Decoding gives characters, never markup: callers render the result as text, so a decoded
 * `&lt;script&gt;` is the words "<script>" on the page.
 */

let parser: DOMParser | undefined;

const BASIC: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** `text` with every character reference decoded once, as a browser would show it. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // Without a DOM (Node): the references every document uses. No caller runs there today.
  if (typeof DOMParser === 'undefined') return text.replace(/&(amp|lt|gt|quot|apos|#39|nbsp);/g, (_, name: string) => BASIC[name]!);
  // The browser's own parser knows all 2,231 names and HTML's rules for numbers (nothing,
  // surrogates and out-of-range numbers become U+FFFD), so no table is shipped to residents.
  // Every `<` is escaped first, so the text can only ever be text: the inert document it is
  // parsed into holds no element that could run or load anything.
  parser ??= new DOMParser();
  const decoded = parser.parseFromString(text.replace(/</g, '&lt;'), 'text/html').body.textContent ?? '';
  // A no-break space is a space to a resident (and to the whitespace tidying after this).
  return decoded.replace(/\u00a0/g, ' ');
}
