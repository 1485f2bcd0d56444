// OS Places and many council back ends shout addresses in capitals. Screen readers spell some
// all-caps words letter by letter, so addresses are shown in title case.
// Welsh street names keep their articles lower case too: "Heol y Parc", "Glan yr Afon", "Pen-y-Bryn".
const KEEP_LOWER = new Set(['of', 'the', 'and', 'upon', 'on', 'in', 'by', 'y', 'yr', 'ar']);

/** "12A HIGH STREET" → "12A High Street"; "NEWCASTLE UPON TYNE" → "Newcastle upon Tyne". */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((word, i) => {
      if (i > 0 && KEEP_LOWER.has(word)) return word;
      // House numbers keep their letter in capitals: "12a" reads wrongly, "12A" does not.
      if (/^\d/.test(word)) return word.toUpperCase();
      // "mcdonald" stays "Mcdonald": guessing at Mac/Mc names does more harm than good.
      return word.replace(/^[a-z]/, (c) => c.toUpperCase());
    })
    .join('');
}
