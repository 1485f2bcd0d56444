import { describe, expect, it } from 'vitest';
import { formatTime, formatTimeRange } from './times.js';

describe('times of day', () => {
  it('writes GOV.UK style in English: 7am, 5:30pm, midday, midnight', () => {
    expect(formatTime('07:00', 'en')).toBe('7am');
    expect(formatTime('17:30', 'en')).toBe('5:30pm');
    expect(formatTime('12:00', 'en')).toBe('midday');
    expect(formatTime('00:00', 'en')).toBe('midnight');
    expect(formatTime('24:00', 'en')).toBe('midnight');
    expect(formatTime('12:30', 'en')).toBe('12:30pm');
    expect(formatTime('00:15', 'en')).toBe('12:15am');
  });

  it('writes yb, yp, canol dydd and hanner nos in Welsh', () => {
    expect(formatTime('07:00', 'cy')).toBe('7yb');
    expect(formatTime('17:30', 'cy')).toBe('5:30yp');
    expect(formatTime('12:00', 'cy')).toBe('canol dydd');
    expect(formatTime('00:00', 'cy')).toBe('hanner nos');
  });

  it('reads the times councils write in attributes', () => {
    expect(formatTime('7am', 'cy')).toBe('7yb');
    expect(formatTime('7:30 PM', 'cy')).toBe('7:30yp');
    expect(formatTime('12pm', 'en')).toBe('midday');
    expect(formatTime('12am', 'cy')).toBe('hanner nos');
  });

  it('gives back what it cannot read, so a council’s wording is kept', () => {
    for (const time of ['first thing', '7', '25:00', '13pm', '7:75am', '']) expect(formatTime(time, 'cy'), time).toBe(time);
  });

  it('joins a range, softening the end after Welsh "i"', () => {
    expect(formatTimeRange('08:00', '12:00', 'en')).toBe('8am to midday');
    expect(formatTimeRange('12:00', '18:00', 'en')).toBe('midday to 6pm');
    expect(formatTimeRange('08:00', '12:00', 'cy')).toBe('8yb i ganol dydd');
    expect(formatTimeRange('12:00', '18:00', 'cy')).toBe('canol dydd i 6yp');
    expect(formatTimeRange('18:00', '00:00', 'cy')).toBe('6yp i hanner nos');
  });
});
