import { describe, expect, it } from 'vitest';
import { translate, type Catalogue } from '@council-kit/core';
import { directoryWords, factWords } from './directory.i18n.js';
import { distanceWords, scheduleWords, timeWords } from './schedule-words.js';

const words = { en: { ...factWords.en, ...directoryWords.en }, cy: { ...factWords.cy, ...directoryWords.cy } } as unknown as Catalogue;
const en = (key: string, params?: Record<string, string | number>) => translate(words, key, 'en', params);
const cy = (key: string, params?: Record<string, string | number>) => translate(words, key, 'cy', params);

describe('opening times in plain words', () => {
  it('says times GOV.UK style', () => {
    expect(timeWords('09:00', en)).toBe('9am');
    expect(timeWords('17:30', en)).toBe('5:30pm');
    expect(timeWords('12:00', en)).toBe('midday');
    expect(timeWords('00:00', en)).toBe('midnight');
    expect(timeWords('09:00', cy)).toBe('9yb');
    expect(timeWords('12:00', cy)).toBe('canol dydd');
    expect(timeWords('00:00', cy)).toBe('hanner nos');
  });

  it('mutates a Welsh closing time after "i"', () => {
    const morning = { byday: ['SA'], opensAt: '09:00', closesAt: '12:00' };
    expect(scheduleWords(morning, cy)).toBe('Bob dydd Sadwrn 9yb i ganol dydd');
    expect(scheduleWords(morning, en)).toBe('Saturdays 9am to midday');
    expect(scheduleWords({ byday: ['FR'], opensAt: '18:00', closesAt: '00:00' }, cy)).toBe('Bob dydd Gwener 6yp i hanner nos');
  });

  it('describes weekly schedules in English and Welsh', () => {
    const mwf = { freq: 'WEEKLY', byday: ['FR', 'MO', 'WE'], opensAt: '10:00', closesAt: '12:30' };
    expect(scheduleWords(mwf, en)).toBe('Mondays, Wednesdays and Fridays 10am to 12:30pm');
    expect(scheduleWords(mwf, cy)).toBe('Bob dydd Llun, bob dydd Mercher a bob dydd Gwener 10yb i 12:30yp');
    const weekdays = { freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' };
    expect(scheduleWords(weekdays, en)).toBe('Monday to Friday 9am to 5pm');
    expect(scheduleWords(weekdays, cy)).toBe('Dydd Llun i ddydd Gwener 9yb i 5yp');
    expect(scheduleWords({ freq: 'WEEKLY', byday: ['MO'], opensAt: '09:00', closesAt: '17:00' }, en)).toBe('Mondays 9am to 5pm');
  });

  it('describes monthly schedules and falls back to the feed description', () => {
    expect(scheduleWords({ freq: 'MONTHLY', byday: ['1SA'], opensAt: '09:00', closesAt: '12:00' }, en)).toBe('First Saturday of the month 9am to midday');
    expect(scheduleWords({ freq: 'MONTHLY', byday: ['-1TH'] }, cy)).toBe('Dydd Iau olaf y mis');
    expect(scheduleWords({ byday: [], description: 'By appointment' }, en)).toBe('By appointment');
  });

  it('gives distances in miles', () => {
    expect(distanceWords(1287, en)).toBe('0.8 miles away');
    expect(distanceWords(1609.344, en)).toBe('1 mile away');
    expect(distanceWords(40_000, en)).toBe('25 miles away');
    expect(distanceWords(1609.344, cy)).toBe('1 filltir i ffwrdd');
  });
});
