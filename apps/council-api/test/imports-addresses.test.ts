import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAddresses } from '../src/imports/addresses.js';
import { ImportError } from '../src/imports/import-error.js';
import { gridToWgs84 } from '../src/imports/british-national-grid.js';
import { importers } from '../src/imports/registry.js';
import { rows, startTestServer, tempDir, type TestServer } from './helpers.js';
import { examples, importContext, writeLines } from './import-support.js';

const TODAY = '2026-11-23';
let server: TestServer;
const temp = tempDir();

beforeAll(async () => {
  server = await startTestServer({ councilToday: TODAY });
});

afterAll(async () => {
  await server?.stop();
  temp.cleanup();
});

const header = 'UPRN,PAO_START_NUMBER,STREET_DESCRIPTION,TOWN_NAME,POSTCODE,X_COORDINATE,Y_COORDINATE';

async function address(uprn: string) {
  return server.db.selectFrom('addresses').selectAll().where('uprn', '=', uprn).executeTakeFirst();
}

async function lookUp(postcode: string) {
  const response = await server.get(`/api/v1/addresses?postcode=${encodeURIComponent(postcode)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { addresses: { uprn: string; address: string; line1?: string }[] };
}

describe('import addresses', () => {
  it('is registered for `council-api import addresses`', () => {
    expect(importers.addresses).toBe(importAddresses);
  });

  it('loads an LLPG CSV with a header row: GOV.UK address lines, coordinates from easting/northing, class, ownership and block', async () => {
    const report = await importAddresses(importContext(server, TODAY, join(examples, 'addresses.csv')));
    expect(report).toMatchObject({ kind: 'addresses', imported: 6, skipped: 1 });
    expect(report.problems).toEqual([{ message: expect.stringMatching(/^1 record of class PP… left out/) }]);

    expect(await address('200000000011')).toEqual({
      uprn: '200000000011',
      line1: 'Flat 1, Mill Court',
      line2: '12 Mill Road',
      town: 'Anytown',
      postcode: 'AN1 2MC',
      postcode_compact: 'AN12MC',
      ...gridToWgs84(530400, 180100),
      council_owned: 1,
      property_type: 'flat',
      block_id: '200000000010',
    });
    expect(await address('200000000002')).toMatchObject({ line1: '3A High Street', line2: null, property_type: 'house', council_owned: 0 });
    expect(await address('200000000003')).toMatchObject({ line1: 'Rose Cottage', line2: 'Mill Lane' });
    expect(await address('200000000020')).toMatchObject({ line1: '5 Market Square', property_type: 'business' });
    expect(await address('200000000010')).toBeUndefined();

    const found = await lookUp('an1 1aa');
    expect(found.addresses.map((a) => a.address)).toEqual(['1 High Street, Anytown, AN1 1AA', '3A High Street, Anytown, AN1 1AA']);
    // The demo's addresses are replaced, not added to.
    expect((await lookUp('AN1A 2FL')).addresses).toEqual([]);
    const recorded = await rows(server, sql<{ kind: string; source: string; imported: number }>`select kind, source, imported from imports order by id desc limit 1`);
    expect(recorded).toEqual([{ kind: 'addresses', source: 'addresses.csv', imported: 6 }]);
  });

  it('reads a council’s own column names from a mapping file', async () => {
    const report = await importAddresses(
      importContext(server, TODAY, join(examples, 'council-addresses.csv'), { mapping: join(examples, 'address-mapping.json') }),
    );
    expect(report).toMatchObject({ imported: 3, skipped: 0, problems: [] });
    expect(await address('200000000101')).toMatchObject({ line1: 'Flat 3, Bridge House', line2: '14 Bridge Street', lat: 51.5071, lng: -0.1003, council_owned: 1, property_type: 'flat' });
    expect(await address('200000000102')).toMatchObject({ council_owned: 0, property_type: 'house' });
    expect(await address('200000000103')).toMatchObject({ line1: 'The Old Forge, 2 Smithy Lane', line2: null, property_type: 'bungalow' });
  });

  it('loads AddressBase Plus as OS publishes it (no header, OS’s column order), leaving out parent shells and objects of interest', async () => {
    const report = await importAddresses(importContext(server, TODAY, join(examples, 'addressbase-plus.csv')));
    expect(report).toMatchObject({ imported: 3, skipped: 2 });
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^1 record of class PP…/), expect.stringMatching(/^1 record of class ZW…/)]);
    expect(await address('300000000001')).toMatchObject({ line1: '7 Church Road', town: 'Anytown', postcode: 'AN3 1CR', lat: 51.50621, lng: -0.126534, property_type: 'house' });
    expect(await address('300000000003')).toMatchObject({ line1: "Flat 1, St. John's Court", line2: '9 Church Road', property_type: 'flat', block_id: '300000000002' });
    // No LATITUDE/LONGITUDE in the record: converted from X/Y.
    expect(await address('300000000004')).toMatchObject({ line1: '11A Church Road', property_type: 'business', ...gridToWgs84(530250, 180300) });
  });

  it('reports bad rows by line and skips them, importing every good row whole', async () => {
    const path = writeLines(temp.dir, 'bad-rows.csv', [
      header,
      '400000000001,1,ELM ROAD,ANYTOWN,AN5 1ER,530000,180000',
      '40000000000X,2,ELM ROAD,ANYTOWN,AN5 1ER,530000,180000',
      '400000000003,3,ELM ROAD,ANYTOWN,NOT A POSTCODE,530000,180000',
      '400000000004,4,"ELM',
      'ROAD",ANYTOWN,AN5 1ER,530000,180000',
      '400000000005,5,ELM ROAD,ANYTOWN,AN5 1ER,,',
      '400000000001,6,ELM ROAD,ANYTOWN,AN5 1ER,530000,180000',
      '400000000007,7,ELM ROAD,,AN5 1ER,530000,180000',
      '400000000008,8,ELM ROAD,ANYTOWN,AN5 1ER,9000000,180000',
    ]);
    const report = await importAddresses(importContext(server, TODAY, path));
    expect(report).toMatchObject({ imported: 2, skipped: 6 });
    expect(report.problems).toEqual([
      { line: 3, message: 'UPRN "40000000000X" is not 1 to 12 digits' },
      { line: 4, message: 'postcode "NOT A POSTCO" is not a UK postcode' },
      { line: 7, message: 'no coordinates: neither latitude/longitude nor easting/northing' },
      { line: 8, message: 'UPRN 400000000001 is also on line 2' },
      { line: 9, message: 'no town' },
      { line: 10, message: 'easting/northing 9000000, 180000 is not on the British National Grid' },
    ]);
    expect(await address('400000000004')).toMatchObject({ line1: '4 Elm Road' });
    expect(await address('400000000001')).toMatchObject({ line1: '1 Elm Road' });
    expect(await address('400000000003')).toBeUndefined();
  });

  it('refuses a whole bad file and leaves the previous import as it was', async () => {
    const before = await rows(server, sql<{ uprn: string }>`select uprn from addresses order by uprn`);
    expect(before.map((r) => r.uprn)).toEqual(['400000000001', '400000000004']);
    const noPostcode = writeLines(temp.dir, 'no-postcode.csv', ['UPRN,STREET,TOWN,LAT,LNG', '1,ELM ROAD,ANYTOWN,51.5,-0.1']);
    await expect(importAddresses(importContext(server, TODAY, noPostcode))).rejects.toThrow(ImportError);
    await expect(importAddresses(importContext(server, TODAY, noPostcode))).rejects.toThrow('line 1: no postcode column (looked for POSTCODE_LOCATOR or POSTCODE');
    const allBad = writeLines(temp.dir, 'all-bad.csv', [header, 'x,1,ELM ROAD,ANYTOWN,AN5 1ER,530000,180000']);
    await expect(importAddresses(importContext(server, TODAY, allBad))).rejects.toThrow('no address in the file could be imported (line 2: UPRN "x" is not 1 to 12 digits); nothing was changed');
    const unclosed = writeLines(temp.dir, 'unclosed.csv', [header, '1,1,"ELM ROAD,ANYTOWN,AN5 1ER,530000,180000']);
    await expect(importAddresses(importContext(server, TODAY, unclosed))).rejects.toThrow('not a CSV file: line 2: a quoted field is never closed');
    await expect(importAddresses(importContext(server, TODAY, join(temp.dir, 'missing.csv')))).rejects.toThrow('missing.csv: no such file');
    await expect(importAddresses(importContext(server, TODAY, allBad, { mapping: join(temp.dir, 'nope.json') }))).rejects.toThrow('no such mapping file');
    const after = await rows(server, sql<{ uprn: string }>`select uprn from addresses order by uprn`);
    expect(after).toEqual(before);
  });
});
