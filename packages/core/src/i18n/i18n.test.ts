import { describe, expect, it } from 'vitest';
import { localeOf, onLangChange } from './locale.js';
import { translate, type Catalogue } from './translate.js';
import { formatDate } from './dates.js';
import { coreStrings } from './core.i18n.js';

const catalogue: Catalogue = {
  en: { found: { one: '{count} address found', other: '{count} addresses found' }, hello: 'Hello {name}' },
  cy: {
    found: {
      zero: '{count} cyfeiriad wedi’u canfod',
      one: '{count} cyfeiriad wedi’i ganfod',
      two: '{count} gyfeiriad wedi’u canfod',
      few: '{count} chyfeiriad wedi’u canfod',
      many: '{count} chyfeiriad wedi’u canfod',
      other: '{count} cyfeiriad wedi’u canfod',
    },
    hello: 'Helo {name}',
  },
};

describe('language', () => {
  it('follows the closest [lang], across shadow roots', () => {
    const outer = document.createElement('div');
    outer.lang = 'cy-GB';
    const host = document.createElement('div');
    outer.append(host);
    const inner = host.attachShadow({ mode: 'open' });
    const leaf = document.createElement('span');
    inner.append(leaf);
    document.body.append(outer);
    expect(localeOf(leaf)).toBe('cy');
    host.lang = 'en';
    expect(localeOf(leaf)).toBe('en');
    outer.remove();
  });

  it('tells listeners when a lang attribute changes', async () => {
    let calls = 0;
    const stop = onLangChange(() => calls++);
    const before = document.documentElement.lang;
    document.documentElement.lang = 'cy';
    await Promise.resolve();
    await new Promise((r) => setTimeout(r));
    expect(calls).toBeGreaterThan(0);
    stop();
    document.documentElement.lang = before;
  });
});

describe('translate', () => {
  it('chooses English plurals', () => {
    expect(translate(catalogue, 'found', 'en', { count: 1 })).toBe('1 address found');
    expect(translate(catalogue, 'found', 'en', { count: 12 })).toBe('12 addresses found');
  });

  it('chooses all six Welsh plural forms', () => {
    expect(translate(catalogue, 'found', 'cy', { count: 0 })).toBe('0 cyfeiriad wedi’u canfod');
    expect(translate(catalogue, 'found', 'cy', { count: 1 })).toBe('1 cyfeiriad wedi’i ganfod');
    expect(translate(catalogue, 'found', 'cy', { count: 2 })).toBe('2 gyfeiriad wedi’u canfod');
    expect(translate(catalogue, 'found', 'cy', { count: 3 })).toBe('3 chyfeiriad wedi’u canfod');
  });

  it('prefers council overrides and falls back to English', () => {
    expect(translate(catalogue, 'hello', 'cy', { name: 'Siân' }, { cy: { hello: 'Shwmae {name}' } })).toBe('Shwmae Siân');
    const partial: Catalogue = { en: { only: 'English only' }, cy: {} };
    expect(translate(partial, 'only', 'cy')).toBe('English only');
  });

  it('has Welsh for every core message', () => {
    for (const key of Object.keys(coreStrings.en)) expect(coreStrings.cy, key).toHaveProperty(key);
  });
});

describe('dates', () => {
  it('formats GOV.UK style in English and Welsh, whatever the time zone', () => {
    expect(formatDate('2025-11-25', 'en')).toBe('Tuesday 25 November 2025');
    expect(formatDate('2025-11-25', 'cy')).toBe('Dydd Mawrth 25 Tachwedd 2025');
    expect(formatDate('2026-03-29', 'en', { year: false })).toBe('Sunday 29 March');
    expect(() => formatDate('25/11/2025', 'en')).toThrow(RangeError);
  });
});
