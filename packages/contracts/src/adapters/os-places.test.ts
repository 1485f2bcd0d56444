import { describe, expect, it } from 'vitest';
import { readAddressLookupResult } from '../address.js';
import { osPlacesDpa, osPlacesHighStreet, osPlacesPage, osPlacesWelshPair } from '../fixtures/os-places.js';
import { ContractError, validate } from '../validate.js';
import { fromOsPlaces } from './os-places.js';

const linesByUprn = (postcode: string, records = osPlacesHighStreet, lang?: 'en' | 'cy') =>
  Object.fromEntries(fromOsPlaces(osPlacesPage(postcode, records), postcode, lang ? { lang } : {}).addresses.map((a) => [a.uprn, a.lines]));

describe('fromOsPlaces on DPA records as OS Places sends them', () => {
  it('meets the contract, keeping the coordinates and the formatted postcode', () => {
    const result = fromOsPlaces(osPlacesPage('AN1 1AA', osPlacesHighStreet), 'AN1 1AA');
    expect(() => validate(readAddressLookupResult, result)).not.toThrow();
    expect(result.addresses).toHaveLength(osPlacesHighStreet.length);
    const first = result.addresses[0]!;
    expect(first).toEqual({
      uprn: '100070000101',
      address: '10 High Street, Anytown, AN1 1AA',
      lines: ['10 High Street'],
      town: 'Anytown',
      postcode: 'AN1 1AA',
      lat: osPlacesHighStreet[0]!.LAT,
      lng: osPlacesHighStreet[0]!.LNG,
    });
  });

  it('builds lines in Royal Mail order from the DPA parts', () => {
    const lines = linesByUprn('AN1 1AA');
    // A number-like building name goes with its street.
    expect(lines['100070000103']).toEqual(['9A High Street']);
    // Organisation, then department, then the street.
    expect(lines['100070000104']).toEqual(['Anytown Pharmacy Ltd', 'Prescriptions', '4 High Street']);
    // A flat in a named, numbered block.
    expect(lines['100070000105']).toEqual(['Flat 10', 'Mill Court', '12 High Street']);
    // A number-like sub-building joins its building.
    expect(lines['100070000107']).toEqual(['3 Castle House', 'High Street']);
    expect(lines['100070000108']).toEqual(['The Old Bakery', 'High Street']);
    // A PO box has no street.
    expect(lines['100070000109']).toEqual(['Anytown Borough Council', 'PO Box 61']);
    // The number goes with the dependent street; the locality comes last.
    expect(lines['100070000110']).toEqual(['1 Millers Yard', 'High Street', 'Old Town']);
  });

  it('reads a PO box given as a bare number, and a BUILDING_NUMBER sent as a number', () => {
    const records = [
      osPlacesDpa({ UPRN: '1', PO_BOX_NUMBER: '1234', ORGANISATION_NAME: 'ACME' }),
      osPlacesDpa({ UPRN: '2', BUILDING_NUMBER: 7, THOROUGHFARE_NAME: 'MILL ROAD' }),
    ];
    expect(linesByUprn('AN1 1AA', records)).toEqual({ '1': ['Acme', 'PO Box 1234'], '2': ['7 Mill Road'] });
  });

  it('keeps one address per UPRN: English by default, Welsh for a Welsh page, whatever OS’s order', () => {
    expect(linesByUprn('AN4 7YP', osPlacesWelshPair)).toEqual({ '100070000201': ['1 Park Road'], '100070000202': ['2 Park Road'] });
    expect(linesByUprn('AN4 7YP', osPlacesWelshPair, 'cy')).toEqual({ '100070000201': ['1 Heol y Parc'], '100070000202': ['2 Heol y Parc'] });
    const welsh = fromOsPlaces(osPlacesPage('AN4 7YP', osPlacesWelshPair), 'AN4 7YP', { lang: 'cy' }).addresses[0]!;
    expect(welsh.town).toBe('Trefallan');
    expect(welsh.address).toBe('1 Heol y Parc, Trefallan, AN4 7YP');
    // An address OS gives only in Welsh is kept for an English page too.
    expect(linesByUprn('AN4 7YP', [osPlacesWelshPair[2]!])).toEqual({ '100070000202': ['2 Heol y Parc'] });
  });

  it('leaves out historical records', () => {
    const records = [
      osPlacesDpa({ UPRN: '1', BUILDING_NUMBER: '1', THOROUGHFARE_NAME: 'MILL ROAD' }),
      osPlacesDpa({ UPRN: '2', BUILDING_NUMBER: '2', THOROUGHFARE_NAME: 'MILL ROAD', STATUS: 'HISTORICAL', LOGICAL_STATUS_CODE: '8' }),
    ];
    expect(Object.keys(linesByUprn('AN1 1AA', records))).toEqual(['1']);
  });

  it('answers no addresses when OS sends no results key, and skips records of other datasets', () => {
    expect(fromOsPlaces(osPlacesPage('AN9 9ZZ', []), 'AN9 9ZZ').addresses).toEqual([]);
    expect(fromOsPlaces({ header: { totalresults: 0 } }, 'AN9 9ZZ').addresses).toEqual([]);
    expect(fromOsPlaces({ results: [{ LPI: { UPRN: '1' } }] }, 'AN1 1AA').addresses).toEqual([]);
  });

  it('leaves out coordinates that are not numbers, and refuses records without their keys', () => {
    const [address] = fromOsPlaces({ results: [{ DPA: { ...osPlacesDpa({ UPRN: '5', BUILDING_NUMBER: '5', THOROUGHFARE_NAME: 'X' }), LAT: '52.2', LNG: null } }] }, 'AN1 1AA').addresses;
    expect(address).not.toHaveProperty('lat');
    expect(address).not.toHaveProperty('lng');
    expect(() => fromOsPlaces({ results: [{ DPA: { UPRN: 'not-a-uprn', POST_TOWN: 'A', POSTCODE: 'AN1 1AA' } }] }, 'AN1 1AA')).toThrow(ContractError);
    expect(() => fromOsPlaces({ results: 'nope' }, 'AN1 1AA')).toThrow(new ContractError('results', 'array'));
    expect(() => fromOsPlaces([], 'AN1 1AA')).toThrow(ContractError);
  });
});
