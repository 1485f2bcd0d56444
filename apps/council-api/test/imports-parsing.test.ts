import { describe, expect, it } from 'vitest';
import { addressLines, titleCase } from '../src/imports/address-lines.js';
import { propertyTypeOfClass } from '../src/imports/address-record.js';
import { gridToOsgb36, gridToWgs84 } from '../src/imports/british-national-grid.js';
import { CsvSyntaxError, parseCsv } from '../src/imports/csv.js';
import { parseFrequency } from '../src/imports/rounds-csv.js';

const degrees = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

describe('CSV', () => {
  it('reads quotes, doubled quotes, commas and line breaks in fields, CRLF and a BOM, with each record’s first line', () => {
    const text = '\uFEFFa,b,c\r\n1,"two, three","say ""hi"""\r\n\r\n"multi\r\nline",x,\r\nlast,,"end"';
    expect([...parseCsv(text)]).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, three', 'say "hi"'] },
      { line: 4, fields: ['multi\r\nline', 'x', ''] },
      { line: 6, fields: ['last', '', 'end'] },
    ]);
  });

  it('reads LF-only files and a last line without a line break', () => {
    expect([...parseCsv('a,b\n1,2')].map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('refuses a quoted field that never closes, naming the line it opens on', () => {
    expect(() => [...parseCsv('a,b\n1,"open\n2,3\n')]).toThrow(CsvSyntaxError);
    expect(() => [...parseCsv('a,b\n1,"open\n2,3\n')]).toThrow('line 2');
  });
});

describe('British National Grid to WGS84', () => {
  it('matches OS’s worked example for the transverse Mercator inverse (OSGB36, to 1e-4 seconds)', () => {
    const { phi, lambda } = gridToOsgb36(651409.903, 313177.27);
    expect(Math.abs(toDegrees(phi) - degrees(52, 39, 27.2531))).toBeLessThan(1e-4 / 3600);
    expect(Math.abs(toDegrees(lambda) - degrees(1, 43, 4.5177))).toBeLessThan(1e-4 / 3600);
  });

  it('gives the WGS84 position of OS’s example point to within a metre of the published Helmert result', () => {
    const { lat, lng } = gridToWgs84(651409.903, 313177.27);
    // 52°39′28.723″N, 001°42′57.787″E: about 0.00001° is a metre.
    expect(lat).toBeCloseTo(degrees(52, 39, 28.723), 5);
    expect(lng).toBeCloseTo(degrees(1, 42, 57.787), 5);
  });

  it('puts the grid’s true origin meridian (2°W) at easting 400000', () => {
    const { lambda } = gridToOsgb36(400_000, 500_000);
    expect(toDegrees(lambda)).toBeCloseTo(-2, 9);
  });
});

describe('address lines', () => {
  it('title-cases capitals but keeps a council’s own mixed case', () => {
    expect(titleCase('HIGH STREET')).toBe('High Street');
    expect(titleCase("ST. JOHN'S ROAD")).toBe("St. John's Road");
    expect(titleCase('STOKE-ON-TRENT')).toBe('Stoke-on-Trent');
    expect(titleCase('NEWCASTLE UPON TYNE')).toBe('Newcastle upon Tyne');
    expect(titleCase('LÔN ISAF')).toBe('Lôn Isaf');
    expect(titleCase('MCDONALD HOUSE')).toBe('McDonald House');
    expect(titleCase('Heol y Parc')).toBe('Heol y Parc');
  });

  it('puts the flat, then the building, then the number and street', () => {
    expect(addressLines({ saoText: 'FLAT 3', paoText: 'MILL COURT', paoStartNumber: '12', street: 'MILL ROAD' })).toEqual({ line1: 'Flat 3, Mill Court', line2: '12 Mill Road' });
    expect(addressLines({ paoStartNumber: '9', paoStartSuffix: 'a', street: 'HIGH STREET' })).toEqual({ line1: '9A High Street', line2: null });
    expect(addressLines({ paoStartNumber: '12', paoEndNumber: '14', street: 'HIGH STREET', locality: 'LITTLE ANBURY' })).toEqual({ line1: '12-14 High Street', line2: 'Little Anbury' });
    expect(addressLines({ paoText: 'ROSE COTTAGE', street: 'MILL LANE' })).toEqual({ line1: 'Rose Cottage', line2: 'Mill Lane' });
    expect(addressLines({ saoText: 'FLAT', saoStartNumber: '2', paoStartNumber: '5', street: 'MILL ROAD' })).toEqual({ line1: 'Flat 2', line2: '5 Mill Road' });
    expect(addressLines({})).toBeUndefined();
  });

  it('keeps dwellings and businesses, and leaves out parent shells, land, garages and objects of interest', () => {
    expect(propertyTypeOfClass('RD04')).toBe('house');
    expect(propertyTypeOfClass('RD06')).toBe('flat');
    expect(propertyTypeOfClass('CR07')).toBe('business');
    for (const code of ['PP', 'PS', 'LA01', 'ZW99', 'RG02', 'RC01', 'U', 'MA']) expect(propertyTypeOfClass(code)).toBeUndefined();
  });
});

describe('round frequencies', () => {
  it('reads the ways councils write them', () => {
    expect(parseFrequency('Weekly')).toBe(1);
    expect(parseFrequency('fortnightly')).toBe(2);
    expect(parseFrequency('every 3 weeks')).toBe(3);
    expect(parseFrequency('4-weekly')).toBe(4);
    expect(parseFrequency('every four weeks')).toBe(4);
    expect(parseFrequency('2')).toBe(2);
    expect(parseFrequency('every 9 weeks')).toBeUndefined();
    expect(parseFrequency('monthly')).toBeUndefined();
  });
});
