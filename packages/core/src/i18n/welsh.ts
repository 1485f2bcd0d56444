/*
 * The Welsh grammar Council Kit's sentences need, and no more: the soft mutation (treiglad
 * meddal) of a parameter's first word. Catalogues ask for it by name (`{date|soft}`, see
 * translate.ts), because only the sentence knows what comes before the parameter: "ar" (on),
 * "i" (to), "o" (from), "tan" (until), the object of a verb ("Ffoniwch Gyngor…").
 */

// The consonants that soften, and what they become. "g" is dropped: "Gwener" → "Wener".
const soft: Record<string, string> = { ll: 'l', rh: 'r', p: 'b', t: 'd', c: 'g', b: 'f', d: 'dd', g: '', m: 'f' };

/**
 * The soft mutation of `phrase`'s first word, keeping its capital: "Cyngor Sir Ddinbych" →
 * "Gyngor Sir Ddinbych", "dydd Iau" → "ddydd Iau", "canol dydd" → "ganol dydd", "Gwener" →
 * "Wener", "Llun" → "Lun". Words that do not soften (a vowel, "f", "h", "n", "s", a digraph, a
 * number) come back unchanged. A name in English is not recognised as such: pass the council's
 * Welsh name on a Welsh page.
 */
export function softMutation(phrase: string): string {
  // Digraphs are letters of their own that never soften ("ch", "dd", "ff", "ng", "ph", "th"),
  // and "ts" only begins borrowed words ("tsieni"): matched first, so their first letter stays.
  const [, from = '', rest = ''] = /^(ll|rh|ch|dd|ff|ng|ph|th|ts|[ptcbdgm])?(.*)$/i.exec(phrase)!;
  const to = soft[from.toLowerCase()];
  if (to === undefined) return phrase;
  const softened = to + rest;
  // An upper-case letter sorts before 'a': the phrase began with a capital.
  return from < 'a' ? softened.charAt(0).toUpperCase() + softened.slice(1) : softened;
}
