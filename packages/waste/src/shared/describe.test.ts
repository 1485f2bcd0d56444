import { containerWords } from '@council-kit/contracts';
import { translate, type Locale, type StringOverrides } from '@council-kit/core';
import { describe, expect, it } from 'vitest';
import { describeContainer } from './describe.js';
import { wasteStrings } from './waste.i18n.js';

const words = (locale: Locale, overrides?: StringOverrides) => (key: string, params?: Record<string, string | number>) => translate(wasteStrings, key, locale, params, overrides);

describe('describeContainer', () => {
  it('uses the one table of container words the council API writes with', () => {
    for (const locale of ['en', 'cy'] as const) expect(wasteStrings[locale]).toMatchObject(containerWords[locale]);
    expect(describeContainer({ type: 'wheelie-bin', colour: 'green', lidColour: 'blue' }, words('en'))).toBe('Green wheelie bin with a blue lid');
    expect(describeContainer({ type: 'wheelie-bin', colour: 'green', lidColour: 'blue' }, words('cy'))).toBe('Bin olwynion gwyrdd gyda chaead glas');
    expect(describeContainer({ type: 'caddy', colour: 'unknown' }, words('en'))).toBe('Caddy');
    expect(describeContainer({ type: 'hessian-sack', colour: 'orange' }, words('en'))).toBe('Orange hessian-sack');
  });

  it('takes a council’s own words for a container, a colour or the phrase', () => {
    const overrides: StringOverrides = { en: { 'wheelie-bin': 'wheeled bin', grey: 'silver' }, cy: { containerWithLid: '{type} {colour} (caead {lid})' } };
    expect(describeContainer({ type: 'wheelie-bin', colour: 'grey' }, words('en', overrides))).toBe('Silver wheeled bin');
    expect(describeContainer({ type: 'box', colour: 'black', lidColour: 'red' }, words('cy', overrides))).toBe('Blwch du (caead coch)');
  });
});
