import { describe, expect, it } from 'vitest';
import { softMutation } from './welsh.js';
import { translate, type Catalogue } from './translate.js';

describe('soft mutation (treiglad meddal)', () => {
  it('softens each consonant that softens', () => {
    // b→f, c→g, d→dd, g→(dropped), ll→l, m→f, p→b, rh→r, t→d
    expect(softMutation('bara')).toBe('fara');
    expect(softMutation('canol dydd')).toBe('ganol dydd');
    expect(softMutation('dydd Iau')).toBe('ddydd Iau');
    expect(softMutation('gardd')).toBe('ardd');
    expect(softMutation('llyfr')).toBe('lyfr');
    expect(softMutation('mam')).toBe('fam');
    expect(softMutation('pen')).toBe('ben');
    expect(softMutation('rhaglen')).toBe('raglen');
    expect(softMutation('tref')).toBe('dref');
  });

  it('keeps a capital letter, and mutates only the first word', () => {
    expect(softMutation('Cyngor Bwrdeistref Anytown')).toBe('Gyngor Bwrdeistref Anytown');
    expect(softMutation('Cyngor Sir Ddinbych')).toBe('Gyngor Sir Ddinbych');
    expect(softMutation('Gwener')).toBe('Wener');
    expect(softMutation('Llun')).toBe('Lun');
    expect(softMutation('Dydd Mawrth 25 Tachwedd')).toBe('Ddydd Mawrth 25 Tachwedd');
    expect(softMutation('Rhondda')).toBe('Rondda');
  });

  it('leaves words that do not soften', () => {
    for (const word of ['afal', 'ffenestr', 'haf', 'nos', 'siop', 'chwarae', 'Chwefror', 'theatr', 'ddoe', 'ngardd', 'tsieni', 'hanner nos', '25 Tachwedd', '7yb', 'wythnos', '']) {
      expect(softMutation(word), word).toBe(word);
    }
  });
});

describe('parameters a sentence changes', () => {
  const catalogue: Catalogue = {
    en: { come: 'We will come on {date}, {period|lower}.', call: 'Call {council} on', until: 'until the end of {date}' },
    cy: { come: 'Byddwn yn dod ar {date|lower|soft}, {period|lower}.', call: 'Ffoniwch {council|soft} ar', until: 'tan ddiwedd {date|lower}' },
  };

  it('mutates after "ar" and writes "dydd" in lower case mid-sentence', () => {
    expect(translate(catalogue, 'come', 'cy', { date: 'Dydd Iau 26 Tachwedd', period: 'Prynhawn (canol dydd i 6yp)' })).toBe(
      'Byddwn yn dod ar ddydd Iau 26 Tachwedd, prynhawn (canol dydd i 6yp).',
    );
    expect(translate(catalogue, 'until', 'cy', { date: 'Dydd Iau 26 Tachwedd' })).toBe('tan ddiwedd dydd Iau 26 Tachwedd');
  });

  it("mutates the council's name after a verb", () => {
    expect(translate(catalogue, 'call', 'cy', { council: 'Cyngor Bwrdeistref Anytown' })).toBe('Ffoniwch Gyngor Bwrdeistref Anytown ar');
  });

  it('leaves English values alone unless the English sentence asks', () => {
    expect(translate(catalogue, 'come', 'en', { date: 'Thursday 26 November', period: 'Afternoon (midday to 6pm)' })).toBe(
      'We will come on Thursday 26 November, afternoon (midday to 6pm).',
    );
    expect(translate(catalogue, 'call', 'en', { council: 'Anytown Borough Council' })).toBe('Call Anytown Borough Council on');
  });

  it('writes a time in the message’s language', () => {
    const times: Catalogue = { en: { out: 'Put your bin out by {time|time}.' }, cy: { out: 'Rhowch eich bin allan erbyn {time|time}.' } };
    expect(translate(times, 'out', 'en', { time: '7am' })).toBe('Put your bin out by 7am.');
    expect(translate(times, 'out', 'cy', { time: '7am' })).toBe('Rhowch eich bin allan erbyn 7yb.');
    expect(translate(times, 'out', 'cy', { time: '12:00' })).toBe('Rhowch eich bin allan erbyn canol dydd.');
  });

  it('lets a council override use the same marks, and ignores a mark it does not know', () => {
    const overrides = { cy: { call: 'Cysylltwch â {council} neu ffoniwch {council|unknown}' } };
    expect(translate(catalogue, 'call', 'cy', { council: 'Cyngor Sir Ddinbych' }, overrides)).toBe('Cysylltwch â Cyngor Sir Ddinbych neu ffoniwch Cyngor Sir Ddinbych');
  });
});
