import { describe, expect, it } from 'vitest';
import { sortAddresses, type AddressLines } from '../src/addresses/sort.js';

const a = (line1: string, line2: string | null = null): AddressLines => ({ line1, line2 });
const text = (list: AddressLines[]) => list.map((x) => [x.line1, x.line2].filter(Boolean).join(', '));

describe('sortAddresses', () => {
  it('orders house numbers numerically, suffixes after the plain number', () => {
    const sorted = sortAddresses([a('10 High Street'), a('2 High Street'), a('9A High Street'), a('9 High Street'), a('1 High Street')]);
    expect(text(sorted)).toEqual(['1 High Street', '2 High Street', '9 High Street', '9A High Street', '10 High Street']);
  });

  it('keeps the flats of a block together, in natural order, at the block’s number', () => {
    const sorted = sortAddresses([
      a('14 Mill Road'),
      a('Flat 10, Mill Court', '12 Mill Road'),
      a('Flat 2, Mill Court', '12 Mill Road'),
      a('2 Mill Road'),
      a('Flat 1, Mill Court', '12 Mill Road'),
    ]);
    expect(text(sorted)).toEqual([
      '2 Mill Road',
      'Flat 1, Mill Court, 12 Mill Road',
      'Flat 2, Mill Court, 12 Mill Road',
      'Flat 10, Mill Court, 12 Mill Road',
      '14 Mill Road',
    ]);
  });

  it('groups by street and puts named houses after numbered ones', () => {
    const sorted = sortAddresses([a('Rose Cottage', 'Anbury Lane'), a('3 Anbury Lane'), a('1 Church Street'), a('Ivy Cottage', 'Anbury Lane')]);
    expect(text(sorted)).toEqual(['3 Anbury Lane', 'Ivy Cottage, Anbury Lane', 'Rose Cottage, Anbury Lane', '1 Church Street']);
  });

  it('does not change its input', () => {
    const input = [a('2 X Road'), a('1 X Road')];
    sortAddresses(input);
    expect(text(input)).toEqual(['2 X Road', '1 X Road']);
  });
});
