import { describe, expect, it } from 'vitest';
import { formatDate, translate } from '@council-kit/core';
import { binDayStrings } from '../bin-day/bin-day.i18n.js';
import { finishStrings } from '../missed-bin-report/finish.i18n.js';

// The sentences residents reported reading wrongly, through the catalogues as the elements
// translate them: a day and a time in Welsh sentences.
const thursday = (locale: 'en' | 'cy') => formatDate('2026-11-26', locale, { year: false });

describe('waste sentences with dates and times', () => {
  it('writes "dydd" in lower case mid-sentence, and softens it after "ar"', () => {
    expect(translate(binDayStrings, 'reportUntil', 'cy', { date: thursday('cy') })).toBe('Gallwch roi gwybod am gasgliad a fethwyd tan ddiwedd dydd Iau 26 Tachwedd.');
    expect(translate(finishStrings, 'binOutTitle', 'cy', { time: '7am', date: thursday('cy') })).toBe('Oedd eich bin allan erbyn 7yb ar ddydd Iau 26 Tachwedd?');
    expect(translate(finishStrings, 'collectionOn', 'cy', { date: thursday('cy') })).toBe('Dyddiad casglu: dydd Iau 26 Tachwedd');
    expect(translate(finishStrings, 'serviceOn', 'cy', { service: 'Sbwriel', date: thursday('cy') })).toBe('Sbwriel, dydd Iau 26 Tachwedd');
    expect(translate(finishStrings, 'serviceOn', 'en', { service: 'Rubbish', date: thursday('en') })).toBe('Rubbish, Thursday 26 November');
  });

  it('writes the bin-out time in the page language', () => {
    expect(translate(finishStrings, 'binOutTitle', 'en', { time: '7am', date: thursday('en') })).toBe('Was your bin out by 7am on Thursday 26 November?');
    expect(translate(finishStrings, 'lateBody', 'cy', { time: '06:30' })).toMatch(/^Dim ond biniau sydd allan erbyn 6:30yb .* erbyn 6:30yb ar y diwrnod casglu nesaf\.$/);
    expect(translate(finishStrings, 'binOutKey', 'cy', { time: '7am' })).toBe('Bin allan erbyn 7yb');
    expect(translate(finishStrings, 'errorBinOut', 'en', { time: '12:00' })).toBe('Select yes if your bin was out by midday');
  });
});
