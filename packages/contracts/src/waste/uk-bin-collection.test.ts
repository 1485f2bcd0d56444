import { describe, expect, it } from 'vitest';
import { ContractError, validate } from '../validate.js';
import { readCollectionsResult } from './collections.js';
import { fromUkBinCollection } from './uk-bin-collection.js';
import { ukBinCollectionDates, ukBinCollectionJson, ukBinCollectionType } from './uk-bin-collection-text.js';
import { titleCase } from '../adapters/title-case.js';

const TODAY = '2026-12-03'; // a Thursday
const property = { uprn: '100070000101', address: '10 High Street, Anytown, AN1 1AA' };

describe('UKBinCollectionData dates as scrapers print them', () => {
  it.each([
    ['04/12/2026', ['2026-12-04']],
    ['4/12/2026', ['2026-12-04']],
    ['13/12/2026.', ['2026-12-13']], // Lewisham's trailing full stop
    ['04/12/2026 00:00:00', ['2026-12-04']],
    ['04-12-2026', ['2026-12-04']],
    ['2026-12-04T07:00:00', ['2026-12-04']],
    ['24/12/2026,24/12/2026', ['2026-12-24', '2026-12-24']], // Ealing's list
    ['Friday 4th December 2026', ['2026-12-04']],
    ['Fri 4 Dec', ['2026-12-04']],
    ['December 22nd, 2026', ['2026-12-22']],
    ['Tuesday 5th January', ['2027-01-05']], // no year: the next one
    ['Today', [TODAY]],
    ['tomorrow (Friday)', ['2026-12-04']],
    ['<b>07/12/2026</b>', ['2026-12-07']],
    ['31/02/2026', []],
    ['Not scheduled', []],
    ['', []],
  ])('%s', (text, dates) => {
    expect(ukBinCollectionDates(text, TODAY)).toEqual(dates);
  });

  it('reads only strings', () => {
    expect(ukBinCollectionDates(null, TODAY)).toEqual([]);
    expect(ukBinCollectionDates(20261204, TODAY)).toEqual([]);
  });
});

describe('UKBinCollectionData bin types', () => {
  it('strips HTML, entities and trailing spaces, and title-cases shouting or whispering', () => {
    expect(ukBinCollectionType('  Green Bin  ', titleCase)).toBe('Green Bin');
    expect(ukBinCollectionType('<span class="bin">Paper &amp; Card</span>', titleCase)).toBe('Paper & Card');
    expect(ukBinCollectionType('180L RUBBISH BIN', titleCase)).toBe('180L Rubbish Bin');
    expect(ukBinCollectionType('food waste:', titleCase)).toBe('Food Waste');
    expect(ukBinCollectionType('Recycling&nbsp;', titleCase)).toBe('Recycling');
    expect(ukBinCollectionType(null, titleCase)).toBe('');
  });
});

describe('the JSON in a scraper’s standard output', () => {
  const json = '{\n    "bins": [\n        {"type": "Refuse", "collectionDate": "04/12/2026"}\n    ]\n}';
  it('finds it after Python warnings and notices', () => {
    const stdout = `/usr/lib/python3/site-packages/urllib3/__init__.py:35: NotOpenSSLWarning: urllib3 v2 only supports OpenSSL 1.1.1+\n  warnings.warn(\nError parsing date 'TBC' for Garden: {bad}\r\n${json}\n`;
    expect(ukBinCollectionJson(stdout)).toEqual({ bins: [{ type: 'Refuse', collectionDate: '04/12/2026' }] });
    expect(ukBinCollectionJson(json)).toEqual({ bins: [{ type: 'Refuse', collectionDate: '04/12/2026' }] });
  });
  it('is undefined when there is none', () => {
    expect(ukBinCollectionJson('Traceback (most recent call last):\n  File "collect_data.py"\nKeyError: bins')).toBeUndefined();
    expect(ukBinCollectionJson('')).toBeUndefined();
    expect(ukBinCollectionJson('{"bins": [')).toBeUndefined();
  });
});

describe('fromUkBinCollection on real-world output', () => {
  it('groups types whatever their case and spacing, drops duplicates, and keeps the past for the report window', () => {
    const output = {
      bins: [
        { type: 'Refuse ', collectionDate: '04/12/2026' },
        { type: 'REFUSE', collectionDate: '04/12/2026' },
        { type: 'refuse', collectionDate: '18/12/2026 00:00:00' },
        { type: 'Recycling', collectionDate: 'Today' },
        { type: 'Recycling', collectionDate: '19/11/2026' },
        { type: 'Garden <br/>Waste', collectionDate: 'Friday 11th December' },
        { type: 'Blue Box', collectionDate: '02/12/2026' },
      ],
      council: 'Anytown',
      uprn: '100070000101',
    };
    const result = fromUkBinCollection(output, property, TODAY);
    expect(() => validate(readCollectionsResult, result)).not.toThrow();
    expect(result.services.map((s) => [s.id, s.name])).toEqual([
      ['refuse', 'Refuse'],
      ['recycling', 'Recycling'],
      ['garden-waste', 'Garden Waste'],
      ['blue-box', 'Blue Box'],
    ]);
    const [refuse, recycling, garden, box] = result.services;
    expect(refuse!.upcoming).toEqual(['2026-12-04', '2026-12-18']);
    expect(refuse!.frequency).toEqual({ everyWeeks: 2, day: 'friday' });
    expect(recycling!.nextCollection).toBe(TODAY);
    expect(recycling!.previousCollection).toBe('2026-11-19');
    expect(garden!.upcoming).toEqual(['2026-12-11']);
    // Collected yesterday: the report window is open to the end of the second working day.
    expect(box!.container).toEqual({ type: 'box', colour: 'blue' });
    expect(box!.upcoming).toEqual([]);
    expect(box!.reportMissed).toEqual({ open: true, until: '2026-12-04' });
  });

  it('leaves out entries with no type or no plausible date, and says which', () => {
    const skipped: string[] = [];
    const result = fromUkBinCollection(
      {
        bins: [
          { type: '', collectionDate: '04/12/2026' },
          { type: null, collectionDate: '04/12/2026' },
          { type: 'Recycling', collectionDate: '01/12/1900' },
          { type: 'Recycling', collectionDate: 'TBC' },
          { type: 'Refuse', collectionDate: '10/12/2026' },
          'nonsense',
        ],
      },
      property,
      TODAY,
      { onSkip: (path) => skipped.push(path) },
    );
    expect(result.services.map((s) => s.name)).toEqual(['Refuse']);
    expect(skipped).toEqual(['bins[0].type', 'bins[1].type', 'bins[2].collectionDate', 'bins[3].collectionDate', 'bins[5].type']);
  });

  it('answers no services for empty bins, and refuses output with nothing usable', () => {
    expect(fromUkBinCollection({ bins: [] }, property, TODAY).services).toEqual([]);
    expect(() => fromUkBinCollection({ bins: [{ type: 'Refuse', collectionDate: 'TBC' }] }, property, TODAY)).toThrow(
      new ContractError('bins[0].collectionDate', 'a date within a year of today'),
    );
    expect(() => fromUkBinCollection({ bins: {} }, property, TODAY)).toThrow(new ContractError('bins', 'array'));
    expect(() => fromUkBinCollection(null, property, TODAY)).toThrow(ContractError);
  });

  it('gives names that slug alike their own ids', () => {
    const result = fromUkBinCollection({ bins: [{ type: 'Food waste', collectionDate: '04/12/2026' }, { type: 'Food-waste!', collectionDate: '04/12/2026' }] }, property, TODAY);
    expect(result.services.map((s) => s.id)).toEqual(['food-waste', 'food-waste-2']);
  });
});
