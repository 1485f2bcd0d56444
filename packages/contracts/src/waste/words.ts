/**
 * The words for a waste container, in English and Welsh: the one table of them. The elements
 * spread it into their catalogues (so a council can reword any of it with `strings`: the keys
 * are the container types and colours, `container` and `containerWithLid`), and the council
 * API writes its calendar summaries and notifications with {@link describeContainer}. Welsh
 * adjectives follow the noun ("bin olwynion gwyrdd").
 *
 * Keys are `containerTypes` and `containerColours`; `unknown` (a feed that does not say) is
 * blank, so the phrase is just the container. A type or colour not in the table is shown as it
 * is sent.
 */
export const containerWords = {
  en: {
    black: 'black', blue: 'blue', green: 'green', brown: 'brown', grey: 'grey', purple: 'purple', red: 'red', white: 'white', yellow: 'yellow', unknown: '',
    'wheelie-bin': 'wheelie bin', box: 'box', sack: 'sack', caddy: 'caddy', 'communal-bin': 'communal bin', bag: 'bag',
    container: '{colour} {type}',
    containerWithLid: '{colour} {type} with a {lid} lid',
  },
  cy: {
    black: 'du', blue: 'glas', green: 'gwyrdd', brown: 'brown', grey: 'llwyd', purple: 'porffor', red: 'coch', white: 'gwyn', yellow: 'melyn', unknown: '',
    'wheelie-bin': 'bin olwynion', box: 'blwch', sack: 'sach', caddy: 'cadi', 'communal-bin': 'bin cymunedol', bag: 'bag',
    container: '{type} {colour}',
    containerWithLid: '{type} {colour} gyda chaead {lid}',
  },
};

/** A key of {@link containerWords}: a container type or colour, or one of the two phrases. */
export type ContainerWord = keyof (typeof containerWords)['en'];

/**
 * "black wheelie bin", "green wheelie bin with a blue lid" / "bin olwynion du", "bin olwynion
 * gwyrdd gyda chaead glas" (lower case, as it reads inside a sentence or after a service's
 * name: "Rubbish (black wheelie bin)").
 */
export function describeContainer(container: { type: string; colour: string; lidColour?: string }, lang: 'en' | 'cy'): string {
  const words: Record<string, string> = containerWords[lang];
  const word = (key: string) => (Object.hasOwn(words, key) ? words[key]! : key);
  const params: Record<string, string> = { type: word(container.type), colour: word(container.colour), lid: word(container.lidColour ?? '') };
  return word(container.lidColour ? 'containerWithLid' : 'container')
    .replace(/\{(\w+)\}/g, (_, name: string) => params[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}
