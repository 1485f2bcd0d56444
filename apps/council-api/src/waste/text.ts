import type { Lang } from '../http/lang.js';

/** The words the API itself writes (calendar summaries), in English and Welsh, matching the elements' wording. */
const colours: Record<string, Record<Lang, string>> = {
  black: { en: 'black', cy: 'du' },
  blue: { en: 'blue', cy: 'glas' },
  green: { en: 'green', cy: 'gwyrdd' },
  brown: { en: 'brown', cy: 'brown' },
  grey: { en: 'grey', cy: 'llwyd' },
  purple: { en: 'purple', cy: 'porffor' },
  red: { en: 'red', cy: 'coch' },
  white: { en: 'white', cy: 'gwyn' },
  yellow: { en: 'yellow', cy: 'melyn' },
};

const containers: Record<string, Record<Lang, string>> = {
  'wheelie-bin': { en: 'wheelie bin', cy: 'bin olwynion' },
  caddy: { en: 'caddy', cy: 'cadi' },
  box: { en: 'box', cy: 'blwch' },
  sack: { en: 'sack', cy: 'sach' },
  'communal-bin': { en: 'communal bin', cy: 'bin cymunedol' },
};

const word = (table: Record<string, Record<Lang, string>>, key: string, lang: Lang) => table[key]?.[lang] ?? key;

/** "black wheelie bin", "green wheelie bin with a blue lid" / "bin olwynion du", "bin olwynion gwyrdd gyda chaead glas". */
export function describeContainer(container: { type: string; colour: string; lidColour?: string }, lang: Lang): string {
  const colour = word(colours, container.colour, lang);
  const type = word(containers, container.type, lang);
  const lid = container.lidColour ? word(colours, container.lidColour, lang) : undefined;
  if (lang === 'cy') return lid ? `${type} ${colour} gyda chaead ${lid}` : `${type} ${colour}`;
  return lid ? `${colour} ${type} with a ${lid} lid` : `${colour} ${type}`;
}

export const calendarText = {
  en: {
    calendarName: (address: string) => `Bin collections: ${address}`,
    moved: (was: string, reason: string) => `Moved from ${was} (${reason}).`,
    putOut: 'Put your bins out by 7am on collection day.',
  },
  cy: {
    calendarName: (address: string) => `Casgliadau biniau: ${address}`,
    moved: (was: string, reason: string) => `Wedi symud o ${was} (${reason}).`,
    putOut: 'Rhowch eich biniau allan erbyn 7am ar y diwrnod casglu.',
  },
} as const;
