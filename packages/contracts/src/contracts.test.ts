import { describe, expect, it } from 'vitest';
import { ContractError, readAddressLookupResult, validate, fromOsPlaces, titleCase } from './index.js';
import { anytownAddresses, osPlacesResponse } from './fixtures/index.js';

describe('address lookup contract', () => {
  it('accepts a valid response and drops unknown fields', () => {
    const withExtra = { ...anytownAddresses, debug: 'x' };
    expect(validate(readAddressLookupResult, withExtra)).toEqual(anytownAddresses);
  });

  it('names the path of the first bad field', () => {
    const bad = { ...anytownAddresses, addresses: [{ ...anytownAddresses.addresses[0], uprn: 100 }] };
    expect(() => validate(readAddressLookupResult, bad)).toThrow(new ContractError('addresses[0].uprn', 'string'));
    expect(() => validate(readAddressLookupResult, null)).toThrow(ContractError);
    expect(() => validate(readAddressLookupResult, { postcode: 'AN1 1AA', addresses: [] })).toThrow(/outsideArea/);
  });
});

describe('OS Places adapter', () => {
  it('dedupes by UPRN, title-cases and builds lines from DPA fields', () => {
    const result = fromOsPlaces(osPlacesResponse, 'AN1 1AA');
    expect(result.addresses).toHaveLength(2);
    expect(result.addresses[0]).toEqual({
      uprn: '200001',
      address: '1 High Street, Anytown, AN1 1AA',
      lines: ['1 High Street'],
      town: 'Anytown',
      postcode: 'AN1 1AA',
      lat: 52.1,
      lng: -1.2,
    });
    expect(result.addresses[1]!.lines).toEqual(['Flat 2', 'The Old Mill', 'Mill Road']);
    expect(result.addresses[1]!.town).toBe('Stratford-upon-Avon');
  });

  it('answers an empty list when OS Places has no results, and rejects garbage', () => {
    expect(fromOsPlaces({ header: {} }, 'AN9 9ZZ').addresses).toEqual([]);
    expect(() => fromOsPlaces('nope', 'AN1 1AA')).toThrow(ContractError);
    expect(() => fromOsPlaces({ results: [{ DPA: { UPRN: 1 } }] }, 'AN1 1AA')).toThrow(/results\[0\]\.DPA/);
  });

  it('title-cases the way UK addresses read', () => {
    expect(titleCase('NEWCASTLE UPON TYNE')).toBe('Newcastle upon Tyne');
    expect(titleCase("ST JOHN'S ROAD")).toBe("St John's Road");
    expect(titleCase('12A HIGH STREET')).toBe('12A High Street');
  });
});
