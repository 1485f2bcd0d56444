import { describe, expect, it } from 'vitest';
import { formatDate, translate, type Catalogue } from '@council-kit/core';
import { journeyStrings } from '../repair-report/journey.i18n.js';
import { callStrings } from '../repair-report/call.i18n.js';
import { manageStrings } from '../repair-appointment/manage.i18n.js';

// The sentences residents reported reading wrongly, through the catalogues as the elements
// translate them: dates, times and the council's name in Welsh sentences.
const say = (catalogue: Catalogue, key: string, locale: 'en' | 'cy', params: Record<string, string> = {}) => translate(catalogue, key, locale, params);
const thursday = (locale: 'en' | 'cy', year = true) => formatDate('2026-11-26', locale, { year });

describe('repairs sentences with dates, times and names', () => {
  it('writes appointment times GOV.UK style: midday, lower case after a date', () => {
    expect(say(journeyStrings, 'pm', 'en')).toBe('Afternoon (midday to 6pm)');
    expect(say(journeyStrings, 'am', 'cy')).toBe('Bore (8yb i ganol dydd)');
    expect(say(journeyStrings, 'pm', 'cy')).toBe('Prynhawn (canol dydd i 6yp)');
    expect(say(journeyStrings, 'slot', 'en', { date: thursday('en', false), period: say(journeyStrings, 'am', 'en') })).toBe('Thursday 26 November, morning (8am to midday)');
    expect(say(manageStrings, 'movedBody', 'en', { date: thursday('en'), period: say(manageStrings, 'pm', 'en') })).toBe(
      'We will come on Thursday 26 November 2026, afternoon (midday to 6pm).',
    );
  });

  it('mutates the day after "ar" and writes "dydd" in lower case mid-sentence', () => {
    for (const catalogue of [journeyStrings, manageStrings]) {
      const key = catalogue === manageStrings ? 'movedBody' : 'doneBooked';
      expect(say(catalogue, key, 'cy', { date: thursday('cy'), period: say(catalogue, 'all-day', 'cy') })).toBe('Byddwn yn dod ar ddydd Iau 26 Tachwedd 2026, drwy’r dydd (8yb i 6yp).');
    }
    expect(say(journeyStrings, 'doneTarget', 'cy', { date: thursday('cy') })).toMatch(/^Ein nod yw gorffen y gwaith trwsio erbyn dydd Iau 26 Tachwedd 2026\./);
    expect(say(journeyStrings, 'reportedOn', 'cy', { date: thursday('cy', false) })).toBe('Rhoddwyd gwybod ar ddydd Iau 26 Tachwedd');
  });

  it("mutates the council's name after Ffoniwch, and only there", () => {
    const council = 'Cyngor Bwrdeistref Anytown';
    expect(say(callStrings, 'callBody', 'cy', { council })).toBe('Peidiwch â rhoi gwybod am hyn ar-lein. Ffoniwch Gyngor Bwrdeistref Anytown ar');
    expect(say(callStrings, 'gasThen', 'cy', { council })).toMatch(/Ffoniwch Gyngor Bwrdeistref Anytown ar$/);
    expect(say(journeyStrings, 'contactUsBody', 'cy', { council })).toMatch(/Ffoniwch Gyngor Bwrdeistref Anytown ar$/);
    expect(say(journeyStrings, 'notCouncilBody', 'cy', { council })).toContain('y mae Cyngor Bwrdeistref Anytown yn berchen');
  });
});
