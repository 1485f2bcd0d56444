/**
 * The forms a Welsh word can take in a directory's text: its initial consonant mutated (soft,
 * nasal, aspirate: "bwyd" is "fwyd" after "o", "gofalwyr" is "ofalwyr" after "i") and its plural
 * or singular ("banc", "banciau"; "gofalwr", "gofalwyr"). Neither porter (SQLite) nor
 * PostgreSQL's stemmers know Welsh, so the search asks for every form that the directory
 * actually uses (checked against its vocabulary by the caller): rules from standard Welsh
 * grammar (the mutation tables and regular plural endings in King, "Modern Welsh: A
 * Comprehensive Grammar"), not a dictionary, which is why only forms that exist are kept.
 */

/** Radical initial → its mutated forms (soft, nasal, aspirate). */
const MUTATIONS: Record<string, readonly string[]> = {
  p: ['b', 'mh', 'ph'],
  t: ['d', 'nh', 'th'],
  c: ['g', 'ngh', 'ch'],
  b: ['f', 'm'],
  d: ['dd', 'n'],
  g: ['', 'ng'],
  m: ['f'],
  ll: ['l'],
  rh: ['r'],
};

/** Plural endings (longest first), each also a singular with the ending removed. */
const PLURAL_ENDINGS = ['iadau', 'oedd', 'iaid', 'iau', 'ion', 'wyr', 'au', 'on', 'od', 'ydd', 'ed', 'i'] as const;

/** The word's radical candidates and its mutated forms, including itself. */
function mutations(word: string): Set<string> {
  const forms = new Set([word]);
  for (const [radical, mutated] of Object.entries(MUTATIONS)) {
    if (word.startsWith(radical)) for (const initial of mutated) forms.add(initial + word.slice(radical.length));
    for (const initial of mutated) {
      // Unmutating: "fwyd" may be "bwyd" or "mwyd"; soft g drops the letter, so a vowel may have lost a g.
      if (initial === '' ? /^[aeiouwy]/.test(word) : word.startsWith(initial)) forms.add(radical + word.slice(initial.length));
    }
  }
  return forms;
}

/** Singular and plural candidates: "banc" → "banciau", "banciau" → "banc", "gofalwyr" → "gofalwr". */
function numbers(word: string): Set<string> {
  const forms = new Set([word]);
  for (const ending of PLURAL_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) forms.add(word.slice(0, -ending.length));
    if (word.length >= 3) forms.add(word + ending);
  }
  if (word.endsWith('wyr')) forms.add(`${word.slice(0, -3)}wr`);
  if (word.endsWith('wr')) forms.add(`${word.slice(0, -2)}wyr`);
  return forms;
}

/**
 * Every candidate form of `word` (lower case, accents removed): mutated and unmutated, singular
 * and plural. Many are not words; the caller keeps those in the directory's vocabulary.
 */
export function welshForms(word: string): string[] {
  const out = new Set<string>();
  for (const form of mutations(word)) for (const number of numbers(form)) out.add(number);
  return [...out];
}
