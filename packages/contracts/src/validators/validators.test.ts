import { describe, expect, it } from 'vitest';
import { normalisePostcode, parsePostcode } from './postcode.js';
import { parseEmail } from './email.js';
import { parseUkMobile, parseUkPhone } from './phone.js';

describe('UK postcodes', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['  SW1A   1AA ', 'SW1A 1AA'],
    ['an11aa', 'AN1 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['b338th', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['dn551pt', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parsePostcode(input)).toEqual({ ok: true, postcode: expected });
  });

  it.each(['', '   ', null, undefined])('reports %j as empty', (input) => {
    expect(parsePostcode(input)).toEqual({ ok: false, problem: 'empty' });
  });

  it.each(['NOTAPOSTCODE', '12345', 'SW1A 1A', 'SW1A-1AA', '<script>', 'AN1 1AA; DROP TABLE', 'QQ1 1AA1', 'A'.repeat(200)])(
    'rejects %j as invalid',
    (input) => {
      expect(parsePostcode(input)).toEqual({ ok: false, problem: 'invalid' });
    },
  );

  it.each(['BF1 1AA', 'BX1 1LT', 'XX1 1AA', 'GY1 1AA', 'JE2 3AB', 'IM1 1AA'])('rejects %s, which no council serves', (input) => {
    expect(parsePostcode(input)).toEqual({ ok: false, problem: 'notServed' });
  });

  it('normalises spacing without validating', () => {
    expect(normalisePostcode('ab 1')).toBe('AB1');
    expect(normalisePostcode('ec1a1bb')).toBe('EC1A 1BB');
  });
});

describe('email and phone', () => {
  it('accepts plausible emails and rejects the rest', () => {
    expect(parseEmail(' resident@example.org ')).toBe('resident@example.org');
    expect(parseEmail('first.last+bins@council.gov.uk')).toBe('first.last+bins@council.gov.uk');
    expect(parseEmail('resident@example')).toBeNull();
    expect(parseEmail('two@@example.org')).toBeNull();
    expect(parseEmail('a b@example.org')).toBeNull();
  });

  it('normalises UK phone numbers and recognises mobiles', () => {
    expect(parseUkPhone('+44 (0)1632 960 001'.replace('(0)', ''))).toBe('01632960001');
    expect(parseUkPhone('0044 7700 900123')).toBe('07700900123');
    expect(parseUkPhone('01632-960001')).toBe('01632960001');
    expect(parseUkPhone('12345')).toBeNull();
    expect(parseUkPhone('call me')).toBeNull();
    expect(parseUkMobile('07700 900123')).toBe('07700900123');
    expect(parseUkMobile('01632 960001')).toBeNull();
  });
});
