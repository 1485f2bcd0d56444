import { describe, expect, it } from 'vitest';
import { addDays, bankHolidays, dayNumber, easterSunday, isWorkingDay, reportWindowEnd, todayInLondon, weekdayOf } from './calendar.js';
import { roundDates } from './schedule.js';
import { fromUkBinCollection } from './uk-bin-collection.js';
import { readCollectionsResult } from './collections.js';
import { validate, ContractError } from '../validate.js';

describe('waste calendar', () => {
  it('counts days across the clock changes without drifting', () => {
    // BST starts 29 March 2026 and ends 25 October 2026: a week is still seven days.
    expect(addDays('2026-03-24', 7)).toBe('2026-03-31');
    expect(addDays('2026-10-20', 7)).toBe('2026-10-27');
    expect(dayNumber('2026-10-27') - dayNumber('2026-10-20')).toBe(7);
    expect(weekdayOf('2026-03-29')).toBe(0);
    expect(weekdayOf('2026-10-25')).toBe(0);
  });

  it('knows England and Wales bank holidays, with substitutes', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(bankHolidays(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(bankHolidays(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
    expect(bankHolidays(2028)[0]).toBe('2028-01-03');
    expect(bankHolidays(2022)).toContain('2022-06-03');
    expect(bankHolidays(2022)).not.toContain('2022-05-30');
  });

  it('ends the report window at the end of the second working day after the collection', () => {
    expect(reportWindowEnd('2026-11-24')).toBe('2026-11-26'); // Tue → Thu
    expect(reportWindowEnd('2026-11-26')).toBe('2026-11-30'); // Thu → Mon (weekend skipped)
    expect(reportWindowEnd('2026-12-23')).toBe('2026-12-29'); // Wed → Tue (Christmas and substitute Boxing Day skipped)
    expect(reportWindowEnd('2026-04-02')).toBe('2026-04-08'); // Thu → Wed (Good Friday, Easter Monday)
    expect(isWorkingDay('2026-12-28')).toBe(false);
  });

  it('gives today in Europe/London, not UTC', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });
});

describe('rounds', () => {
  const tuesdayFortnightly = { everyWeeks: 2, anchor: '2026-12-15' };

  it('runs a Tuesday-fortnightly round across the year boundary', () => {
    const { dates } = roundDates(tuesdayFortnightly, '2026-12-01', '2027-01-31');
    expect(dates).toEqual(['2026-12-01', '2026-12-15', '2026-12-29', '2027-01-12', '2027-01-26']);
    expect(dates.every((d) => weekdayOf(d) === 2)).toBe(true);
  });

  it('applies Christmas changes and reports them when either date is in range', () => {
    const changes = [{ was: '2026-12-29', now: '2026-12-30', reason: 'Christmas' }];
    const { dates, changed } = roundDates(tuesdayFortnightly, '2026-12-20', '2027-01-10', changes);
    expect(dates).toEqual(['2026-12-30']);
    expect(changed).toEqual(changes);
    const moved = roundDates({ everyWeeks: 1, anchor: '2026-12-24' }, '2026-12-26', '2027-01-05', [{ was: '2026-12-24', now: '2026-12-27', reason: 'Christmas' }]);
    expect(moved.dates).toEqual(['2026-12-27', '2026-12-31']);
  });

  it('handles weekly rounds through both clock changes', () => {
    const spring = roundDates({ everyWeeks: 1, anchor: '2026-03-02' }, '2026-03-20', '2026-04-10').dates;
    expect(spring).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    const autumn = roundDates({ everyWeeks: 1, anchor: '2026-10-03' }, '2026-10-20', '2026-11-05').dates;
    expect(autumn).toEqual(['2026-10-24', '2026-10-31']);
  });
});

describe('UKBinCollectionData adapter', () => {
  const output = {
    bins: [
      { type: 'Green Bin', collectionDate: '01/12/2026' },
      { type: 'Black Bin', collectionDate: '24/11/2026' },
      { type: 'Green Bin', collectionDate: '17/11/2026' },
      { type: 'Black Bin', collectionDate: '08/12/2026' },
      { type: 'Food Caddy', collectionDate: '25/11/2026' },
    ],
  };

  it('groups by type, infers the frequency and the report window, and meets the contract', () => {
    const result = fromUkBinCollection(output, { uprn: '1', address: '1 High Street' }, '2026-11-18');
    expect(() => validate(readCollectionsResult, result)).not.toThrow();
    const green = result.services.find((s) => s.id === 'green-bin')!;
    expect(green.container).toEqual({ type: 'wheelie-bin', colour: 'green' });
    expect(green.frequency).toEqual({ everyWeeks: 2, day: 'tuesday' });
    expect(green.previousCollection).toBe('2026-11-17');
    expect(green.nextCollection).toBe('2026-12-01');
    expect(green.reportMissed).toEqual({ open: true, until: '2026-11-19' });
    expect(result.services.find((s) => s.id === 'food-caddy')!.container.type).toBe('caddy');
  });

  it('rejects malformed dates, naming the entry', () => {
    expect(() => fromUkBinCollection({ bins: [{ type: 'Black Bin', collectionDate: 'soon' }] }, { uprn: '1', address: 'x' }, '2026-11-18')).toThrow(
      new ContractError('bins[0].collectionDate', 'a date within a year of today'),
    );
    expect(() => fromUkBinCollection({ nope: true }, { uprn: '1', address: 'x' }, '2026-11-18')).toThrow(ContractError);
  });
});
