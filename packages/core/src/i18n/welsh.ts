/*
 * The Welsh grammar Council Kit's sentences need, and no more: the soft mutation (treiglad
 * meddal) of a parameter's first word. Catalogues ask for it by name (`{date|soft}`, see
 * translate.ts), because only the sentence knows what comes before the parameter: "ar" (on),
 * "i" (to), "o" (from), "tan" (until), the object of a verb ("Ffoniwch Gyngor…").
 */

// The consonants that soften, and what they become. "g" is dropped: "Gwener" → "Wener".
const soft: Record<string, string> = { ll: 'l', rh: 'r', p: 'b', t: 'd', c: 'g', b: 'f', d: 'dd', g: '', m: 'f' };

// Digraphs are letters of their own that never soften ("ch", "dd", "ff", "ng", "ph", "th"),
// and "ts" only in borrowed words ("tsieni"): matched first so their first letter is left alone.
const initial = /^(ll|rh|ch|dd|ff|ng|ph|th|ts|[ptcbdgm])(.?)/i;

/**
 * The soft mutation of `phrase`'s first word, keeping its capital: "Cyngor Sir Ddinbych" →
 * "Gyngor Sir Ddinbych", "dydd Iau" → "ddydd Iau", "canol dydd" → "ganol dydd", "Gwener" →
 * "Wener", "Llun" → "Lun". Words that do not soften (a vowel, "f", "h", "n", "s", a digraph, a
 * number) come back unchanged. A name in English is not recognised as such: pass the council's
 * Welsh name on a Welsh page.
 */
export function softMutation(phrase: string): string {
  const match = initial.exec(phrase);
  const to = match && soft[match[1]!.toLowerCase()];
  if (to === undefined || to === null) return phrase;
  const [whole, from, next] = match as unknown as [string, string, string];
  const upper = from[0] !== from[0]!.toLowerCase();
  // A dropped "G" hands its capital to the next letter: "Gwener" → "Wener".
  const start = to === '' ? (upper ? next.toUpperCase() : next) : (upper ? to[0]!.toUpperCase() + to.slice(1) : to) + next;
  return start + phrase.slice(whole.length);
}
