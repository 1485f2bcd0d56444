import { join } from 'node:path';
import type { CollectionsResult } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAddresses } from '../src/imports/addresses.js';
import { importBankHolidays, parseBankHolidays } from '../src/imports/bank-holidays.js';
import { importers } from '../src/imports/registry.js';
import { importRounds } from '../src/imports/rounds.js';
import { bankHolidayChanges } from '../src/seed.js';
import { computedHolidays } from '../src/db/bank-holidays.js';
import { holidayChanges } from '../src/waste/holidays.js';
import { movableClock, rows, startTestServer, tempDir, type TestServer } from './helpers.js';
import { examples, importContext, writeLines } from './import-support.js';
import { postRepair, tapReport } from './repairs-helpers.js';

const MONDAY = '2026-11-23';
const temp = tempDir();
const roundsFiles = {
  services: join(examples, 'services.csv'),
  properties: join(examples, 'property-rounds.csv'),
};

async function collections(server: TestServer, uprn: string, query = ''): Promise<CollectionsResult> {
  const response = await server.get(`/api/v1/waste/properties/${uprn}/collections${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CollectionsResult;
}

async function propertyRounds(server: TestServer): Promise<string[]> {
  const found = await rows(server, sql<{ uprn: string; round_id: string }>`select uprn, round_id from waste_property_rounds order by uprn, round_id`);
  return found.map((r) => `${r.uprn} ${r.round_id}`);
}

afterAll(() => temp.cleanup());

describe('bank holiday moves', () => {
  it('follow the seed’s rule on the computed England and Wales list', () => {
    const holidays = [2025, 2026, 2027, 2028].flatMap(computedHolidays);
    expect(holidayChanges(holidays).filter((c) => c.was <= '2027-12-31')).toEqual(bankHolidayChanges(2025, 2027));
  });

  it('refuse a file that is not GOV.UK’s bank-holidays.json, saying what is wrong', () => {
    expect(() => parseBankHolidays('<html>')).toThrow('not JSON: expected GOV.UK’s bank-holidays.json');
    expect(() => parseBankHolidays('[]')).toThrow('an object keyed by division');
    expect(() => parseBankHolidays('{"wales": {}}')).toThrow('no division in the file: expected england-and-wales, scotland, northern-ireland');
    expect(() => parseBankHolidays('{"scotland": {"events": {}}}')).toThrow('scotland: no "events" list');
    expect(() => parseBankHolidays('{"scotland": {"events": [{"title": "St Andrew’s Day", "date": "30/11/2026"}]}}')).toThrow(
      'scotland, event 1: "date" must be a date written YYYY-MM-DD',
    );
    expect(() => parseBankHolidays('{"scotland": {"events": [{"date": "2026-11-30"}]}}')).toThrow('scotland, event 1: no "title"');
  });
});

describe('import rounds (England and Wales)', () => {
  const clock = movableClock(MONDAY);
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    await importAddresses(importContext(server, MONDAY, join(examples, 'addresses.csv')));
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('is registered for `council-api import rounds` and `council-api import bank-holidays`', () => {
    expect(importers.rounds).toBe(importRounds);
    expect(importers['bank-holidays']).toBe(importBankHolidays);
  });

  it('loads services, rounds and property rounds; the collections endpoint and the calendar answer from them', async () => {
    const report = await importRounds(importContext(server, MONDAY, join(examples, 'rounds.csv'), roundsFiles));
    expect(report).toEqual({ kind: 'rounds', imported: 3 + 4 + 5, skipped: 0, problems: [] });
    expect(await propertyRounds(server)).toEqual([
      '200000000001 food-mon',
      '200000000001 recycling-mon-b',
      '200000000001 refuse-mon-a',
      '200000000002 food-mon',
      '200000000002 refuse-thu-a',
    ]);

    const result = await collections(server, '200000000001', '?from=2026-11-23&to=2026-12-31');
    expect(result.address).toBe('1 High Street, Anytown, AN1 1AA');
    const [refuse, recycling, food] = result.services;
    expect(refuse).toMatchObject({ id: 'refuse', name: 'Rubbish', container: { type: 'wheelie-bin', colour: 'black' }, frequency: { everyWeeks: 2, day: 'monday' } });
    expect(refuse!.upcoming).toEqual(['2026-11-23', '2026-12-07', '2026-12-21']);
    expect(recycling!.upcoming).toEqual(['2026-11-30', '2026-12-14', '2026-12-29']);
    // Boxing Day's substitute (Monday 28 December) moves the week's collections a day later.
    expect(food!.upcoming).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-29']);
    expect(food!.changedDates).toContainEqual({ was: '2026-12-28', now: '2026-12-29', reason: 'Boxing Day' });
    expect((await collections(server, '200000000001', '?lang=cy')).services[2]!.name).toBe('Gwastraff bwyd');

    const ics = await server.get('/api/v1/waste/properties/200000000001/collections.ics');
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain('DTSTART;VALUE=DATE:20261207');
    expect(text).toContain('DTSTART;VALUE=DATE:20261229');
    expect(text).not.toContain('DTSTART;VALUE=DATE:20261228');
  });

  it('reports bad rows by file and line, skips them, and keeps the good ones', async () => {
    const rounds = writeLines(temp.dir, 'rounds-bad.csv', [
      'Round,Service,Weekday,Frequency,First_Date,Crew',
      'refuse-mon-a,refuse,Monday,fortnightly,2026-01-05,A',
      'refuse-tue,refuse,Tuesday,weekly,2026-01-05,B',
      'compost-mon,compost,Monday,weekly,2026-01-05,C',
      'food-mon,food,Monday,monthly,2026-01-05,D',
      'refuse-mon-a,refuse,Monday,weekly,2026-01-05,E',
    ]);
    const properties = writeLines(temp.dir, 'property-rounds-bad.csv', [
      'uprn,round',
      '200000000001,refuse-mon-a',
      '999999999999,refuse-mon-a',
      '200000000002,food-mon',
      '200000000001,refuse-mon-a',
    ]);
    const report = await importRounds(importContext(server, MONDAY, rounds, { properties }));
    expect(report).toMatchObject({ kind: 'rounds', imported: 2, skipped: 7 });
    expect(report.problems).toEqual([
      { line: 3, message: 'rounds-bad.csv: round refuse-tue: first_date 2026-01-05 is a monday, not a tuesday' },
      { line: 4, message: 'rounds-bad.csv: round compost-mon: no service "compost" (services: food, garden, recycling, refuse)' },
      { line: 5, message: 'rounds-bad.csv: round food-mon: frequency "monthly" is not weekly, fortnightly or every 1 to 8 weeks' },
      { line: 6, message: 'rounds-bad.csv: round refuse-mon-a is listed twice' },
      { line: 3, message: 'property-rounds-bad.csv: UPRN 999999999999 is not in the address register (import addresses first)' },
      { line: 4, message: 'property-rounds-bad.csv: UPRN 200000000002: no round "food-mon" in the rounds file (or its row was skipped)' },
      { line: 5, message: 'property-rounds-bad.csv: UPRN 200000000001 already has a refuse round' },
    ]);
    expect(await propertyRounds(server)).toEqual(['200000000001 refuse-mon-a']);
  });

  it('refuses a whole bad file and leaves the previous rounds as they were', async () => {
    await importRounds(importContext(server, MONDAY, join(examples, 'rounds.csv'), roundsFiles));
    const before = await propertyRounds(server);
    const noWeekday = writeLines(temp.dir, 'no-weekday.csv', ['round,service,frequency,first_date', 'r1,refuse,weekly,2026-01-05']);
    await expect(importRounds(importContext(server, MONDAY, noWeekday, roundsFiles))).rejects.toThrow('no-weekday.csv, line 1: no weekday column');
    const allBad = writeLines(temp.dir, 'all-bad.csv', ['round,service,weekday,frequency,first_date', 'r1,refuse,Sunday,weekly,2026-01-05']);
    await expect(importRounds(importContext(server, MONDAY, allBad, roundsFiles))).rejects.toThrow('all-bad.csv: no round could be imported (line 2:');
    const nobody = writeLines(temp.dir, 'nobody.csv', ['uprn,round', '999999999999,food-mon']);
    await expect(importRounds(importContext(server, MONDAY, join(examples, 'rounds.csv'), { properties: nobody }))).rejects.toThrow(
      'nobody.csv: no property could be put on a round',
    );
    await expect(importRounds(importContext(server, MONDAY, join(examples, 'rounds.csv')))).rejects.toThrow('--properties FILE is needed');
    expect(await propertyRounds(server)).toEqual(before);
  });

  it('keeps the rounds of properties that stay when the addresses are imported again', async () => {
    const path = writeLines(temp.dir, 'fewer.csv', [
      'UPRN,PAO_START_NUMBER,STREET_DESCRIPTION,TOWN_NAME,POSTCODE,X_COORDINATE,Y_COORDINATE',
      '200000000001,1,HIGH STREET,ANYTOWN,AN1 1AB,530120,180250',
    ]);
    await importAddresses(importContext(server, MONDAY, path));
    expect(await propertyRounds(server)).toEqual(['200000000001 food-mon', '200000000001 recycling-mon-b', '200000000001 refuse-mon-a']);
    expect((await collections(server, '200000000001')).address).toBe('1 High Street, Anytown, AN1 1AB');
  });
});

describe('bank holidays of BANK_HOLIDAY_DIVISION', () => {
  // Friday 27 November 2026: St Andrew's Day (Monday 30th) is a bank holiday in Scotland only.
  const clock = movableClock('2026-11-27');
  let scotland: TestServer;

  beforeAll(async () => {
    scotland = await startTestServer({ clock, bankHolidayDivision: 'scotland' });
    await importAddresses(importContext(scotland, '2026-11-27', join(examples, 'addresses.csv')));
    await importRounds(importContext(scotland, '2026-11-27', join(examples, 'rounds.csv'), roundsFiles, { bankHolidayDivision: 'scotland' }));
  });

  afterAll(async () => {
    await scotland?.stop();
  });

  it('without an import, England and Wales’s computed list: St Andrew’s Day moves nothing', async () => {
    const food = (await collections(scotland, '200000000002', '?from=2026-11-27&to=2026-12-05')).services.find((s) => s.id === 'food')!;
    expect(food.upcoming).toEqual(['2026-11-30']);
    const refuse = (await collections(scotland, '200000000002')).services.find((s) => s.id === 'refuse')!;
    expect(refuse.reportMissed).toEqual({ open: true, until: '2026-11-30' });
    // An urgent repair reported on Friday 27th: 3 working days, Monday 30th the first.
    const response = await postRepair(scotland, { ...tapReport('200000000011'), leafId: 'sink-blocked' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ priority: 'urgent', reportedOn: '2026-11-27', targetDate: '2026-12-02' });
  });

  it('imported from GOV.UK’s file, Scotland’s holidays move the collections and the report window', async () => {
    const report = await importBankHolidays(importContext(scotland, '2026-11-27', join(examples, 'bank-holidays.json'), {}, { bankHolidayDivision: 'scotland' }));
    expect(report).toEqual({ kind: 'bank-holidays', imported: 8 + 9 + 10, skipped: 0, problems: [] });
    const result = await collections(scotland, '200000000002', '?from=2026-11-27&to=2026-12-05');
    const food = result.services.find((s) => s.id === 'food')!;
    expect(food.upcoming).toEqual(['2026-12-01']);
    expect(food.changedDates).toContainEqual({ was: '2026-11-30', now: '2026-12-01', reason: 'Bank holiday' });
    // Thursday's collection (26th): Friday is the first working day, Monday a holiday, Tuesday the second.
    const refuse = result.services.find((s) => s.id === 'refuse')!;
    expect(refuse.reportMissed).toEqual({ open: true, until: '2026-12-01' });
    const recorded = await rows(scotland, sql<{ kind: string; source: string }>`select kind, source from imports where kind = 'bank-holidays'`);
    expect(recorded).toEqual([{ kind: 'bank-holidays', source: 'bank-holidays.json' }]);
  });

  it('a repair’s target date skips Scotland’s holidays too', async () => {
    // An urgent repair reported on Friday 27th: 3 working days, Monday 30th not one of them.
    const response = await postRepair(scotland, { ...tapReport('200000000011'), leafId: 'sink-blocked' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ priority: 'urgent', reportedOn: '2026-11-27', targetDate: '2026-12-03' });
  });

  it('a bad file changes nothing', async () => {
    const bad = writeLines(temp.dir, 'bank-holidays-bad.json', ['{"scotland": {"events": [{"title": "x", "date": "tomorrow"}]}}']);
    await expect(importBankHolidays(importContext(scotland, '2026-11-27', bad))).rejects.toThrow('scotland, event 1: "date" must be a date');
    const count = await rows(scotland, sql<{ n: number }>`select count(*) as n from bank_holidays where division = 'scotland'`);
    expect(count).toEqual([{ n: 9 }]);
  });
});
