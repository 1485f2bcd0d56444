import { describe, expect, it } from 'vitest';
import { containerColours, containerTypes } from './collections.js';
import { containerWords, describeContainer } from './words.js';

describe('container words', () => {
  it('names every container type and colour in English and Welsh, with the same keys', () => {
    for (const lang of ['en', 'cy'] as const) {
      for (const key of [...containerTypes, ...containerColours]) expect(containerWords[lang]).toHaveProperty(key);
    }
    expect(Object.keys(containerWords.cy)).toEqual(Object.keys(containerWords.en));
  });

  it('describes a container: adjectives after the noun in Welsh, the lid when there is one', () => {
    expect(describeContainer({ type: 'wheelie-bin', colour: 'black' }, 'en')).toBe('black wheelie bin');
    expect(describeContainer({ type: 'wheelie-bin', colour: 'green', lidColour: 'blue' }, 'en')).toBe('green wheelie bin with a blue lid');
    expect(describeContainer({ type: 'wheelie-bin', colour: 'black' }, 'cy')).toBe('bin olwynion du');
    expect(describeContainer({ type: 'wheelie-bin', colour: 'green', lidColour: 'blue' }, 'cy')).toBe('bin olwynion gwyrdd gyda chaead glas');
    expect(describeContainer({ type: 'communal-bin', colour: 'grey' }, 'cy')).toBe('bin cymunedol llwyd');
  });

  it('leaves out a colour a feed did not give, and shows words it does not know as they are', () => {
    expect(describeContainer({ type: 'caddy', colour: 'unknown' }, 'en')).toBe('caddy');
    expect(describeContainer({ type: 'hessian-sack', colour: 'orange' }, 'cy')).toBe('hessian-sack orange');
    expect(describeContainer({ type: 'box', colour: 'constructor' }, 'en')).toBe('constructor box');
  });
});
