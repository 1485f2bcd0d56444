import { describe, expect, it } from 'vitest';
import { cancelRequest, containerRequest, manageCodeRequest, manageTokenRequest, missedCollectionRequest, parseRequest, repairRequestWith, rescheduleRequest, type RequestResult } from './index.js';

// The request schemas encode every check the council API's hand-written parsers made
// (apps/council-api/src/waste/requests.ts, repairs/requests.ts), with the same paths and messages.

const paths = (result: RequestResult<unknown>): string[] => (result.ok ? [] : result.errors.map((e) => e.path));
const messages = (result: RequestResult<unknown>): string[] => (result.ok ? [] : result.errors.map((e) => e.message));

describe('POST /waste/missed-collections', () => {
  const missed = (overrides: Record<string, unknown> = {}) => ({ uprn: '100070000112', serviceId: 'refuse', collectionDate: '2026-11-24', binOutInTime: true, ...overrides });
  const hostile = '<script>alert(1)</script>';

  it('accepts what <council-missed-bin-report> sends, normalising contact details', () => {
    expect(parseRequest(missedCollectionRequest, missed())).toEqual({ ok: true, value: { ...missed(), contact: {} } });
    expect(parseRequest(missedCollectionRequest, missed({ contact: { email: ' a@example.com ', phone: '+44 7700 900982' } }))).toEqual({
      ok: true,
      value: { ...missed(), contact: { email: 'a@example.com', phone: '07700900982' } },
    });
  });

  it.each([
    ['an empty object', {}, '/uprn'],
    ['missing serviceId', { ...missed(), serviceId: undefined }, '/serviceId'],
    ['a numeric UPRN', missed({ uprn: 100070000112 }), '/uprn'],
    ['a 13-digit UPRN', missed({ uprn: '1000700001121' }), '/uprn'],
    ['an SQL-ish UPRN', missed({ uprn: "1' OR '1'='1" }), '/uprn'],
    ['a hostile serviceId', missed({ serviceId: hostile }), '/serviceId'],
    ['a serviceId that is an object', missed({ serviceId: { id: 'refuse' } }), '/serviceId'],
    ['a date in another format', missed({ collectionDate: '24/11/2026' }), '/collectionDate'],
    ['a date that does not exist', missed({ collectionDate: '2026-02-30' }), '/collectionDate'],
    ['binOutInTime false', missed({ binOutInTime: false }), '/binOutInTime'],
    ['binOutInTime "yes"', missed({ binOutInTime: 'yes' }), '/binOutInTime'],
    ['an unknown field', missed({ notes: 'hello' }), '/notes'],
    ['a hostile unknown field', missed({ [hostile.repeat(50)]: 1 }), ''],
    ['contact as a string', missed({ contact: 'resident@example.com' }), '/contact'],
    ['contact null', missed({ contact: null }), '/contact'],
    ['an invalid email', missed({ contact: { email: 'not-an-email' } }), '/contact/email'],
    ['an empty email', missed({ contact: { email: '' } }), '/contact/email'],
    ['an invalid phone', missed({ contact: { phone: '12345' } }), '/contact/phone'],
    ['a huge phone', missed({ contact: { phone: '0'.repeat(5000) } }), '/contact/phone'],
    ['an unknown contact field', missed({ contact: { email: 'a@example.com', address: '1 High Street' } }), '/contact/address'],
    ['a huge string field', missed({ serviceId: 'x'.repeat(60_000) }), '/serviceId'],
  ])('refuses %s', (_name, body, path) => {
    const result = parseRequest(missedCollectionRequest, body);
    expect(paths(result)).toContain(path);
    expect(JSON.stringify(result)).not.toContain('<script>');
  });

  it('lists every problem at once, in the messages the API has always given', () => {
    const result = parseRequest(missedCollectionRequest, { uprn: 'x', serviceId: 7, collectionDate: 'soon', binOutInTime: 'no', contact: { email: 'x' }, extra: 1 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: '/extra', message: 'This field is not allowed' },
        { path: '/uprn', message: 'Give the property’s UPRN: a string of up to 12 digits' },
        { path: '/serviceId', message: 'Choose which collection was missed' },
        { path: '/collectionDate', message: 'Give the collection date as YYYY-MM-DD' },
        { path: '/binOutInTime', message: 'binOutInTime must be true' },
        { path: '/contact/email', message: 'Enter an email address in the correct format, like name@example.com' },
      ],
    });
    expect(messages(parseRequest(missedCollectionRequest, missed({ binOutInTime: false })))).toEqual(['A collection can only be reported as missed when the bin was out in time']);
    expect(messages(parseRequest(missedCollectionRequest, missed({ contact: { phone: '12345' } })))).toEqual(['Enter a UK phone number, like 01632 960 001 or 07700 900 982']);
  });
});

describe('POST /waste/container-requests', () => {
  const request = (overrides: Record<string, unknown> = {}) => ({ uprn: '100070000112', containerId: 'refuse', reason: 'lost', ...overrides });

  it('accepts a request and refuses what the API refuses', () => {
    expect(parseRequest(containerRequest, request())).toEqual({ ok: true, value: { ...request(), contact: {} } });
    for (const [overrides, path] of [
      [{ containerId: 'glass' }, '/containerId'],
      [{ containerId: 'REFUSE' }, '/containerId'],
      [{ reason: 'bored' }, '/reason'],
      [{ reason: undefined }, '/reason'],
      [{ uprn: 12 }, '/uprn'],
      [{ paymentUrl: 'https://evil.example' }, '/paymentUrl'],
      [{ contact: { email: 'nope' } }, '/contact/email'],
    ] as const) {
      expect(paths(parseRequest(containerRequest, request(overrides))), path).toContain(path);
    }
    expect(messages(parseRequest(containerRequest, request({ containerId: 'glass', reason: 'bored' })))).toEqual([
      'Choose a container: refuse, recycling, food, garden',
      'Choose why you need it: new-property, lost, stolen, damaged, additional',
    ]);
  });
});

describe('POST /repairs', () => {
  const limits = { maxDescription: 500, maxPhotos: 3 };
  const repairRequest = repairRequestWith(limits);
  const photo = (c: string) => c.repeat(22);
  const tap = (overrides: Record<string, unknown> = {}) => ({
    uprn: '100070000112',
    reporter: 'tenant',
    leafId: 'tap-dripping',
    description: 'The kitchen tap drips all night.',
    contact: { preference: 'email', email: 'a@example.com' },
    ...overrides,
  });

  it('accepts a report, tidying free text and contact details, with no photos by default', () => {
    expect(parseRequest(repairRequest, tap({ description: '  Drips\r\nall night  ', contact: { preference: 'text', mobile: '07700 900982', email: '', phone: '01632 960001' } }))).toEqual({
      ok: true,
      value: { ...tap(), description: 'Drips\nall night', photoIds: [], contact: { preference: 'text', mobile: '07700900982', phone: '01632960001' } },
    });
    const withPhotos = parseRequest(repairRequest, tap({ photoIds: [photo('a'), photo('b')], slotId: 'plumber-2026-12-01-am' }));
    expect(withPhotos.ok && withPhotos.value).toMatchObject({ photoIds: [photo('a'), photo('b')], slotId: 'plumber-2026-12-01-am' });
    expect(parseRequest(repairRequest, tap({ description: '🔧'.repeat(500) })).ok).toBe(true); // 500 characters, not 1,000 code units
  });

  it('reports every field at once', () => {
    const result = parseRequest(repairRequest, {
      uprn: 'abc',
      reporter: 'landlord',
      leafId: 'Tap Dripping',
      description: 'x'.repeat(501),
      photoIds: ['a', 'b', 'c', 'd'],
      contact: { preference: 'text', mobile: '01632 960001' },
      slotId: 'NOT A SLOT',
      extra: 1,
    });
    expect(paths(result).sort()).toEqual(['/contact/mobile', '/description', '/extra', '/leafId', '/photoIds', '/reporter', '/slotId', '/uprn']);
    expect(messages(result)).toEqual([
      'This field is not allowed',
      'Give the property’s UPRN: a string of up to 12 digits',
      'Say who is reporting: tenant or leaseholder',
      'Choose the repair from the catalogue',
      'A description of the problem must be 500 characters or fewer',
      'Add 3 photos or fewer',
      'Enter a UK mobile number, like 07700 900 982',
      'Choose an appointment from the list',
    ]);
  });

  it.each([
    [{ contact: { preference: 'email' } }, '/contact/email', 'Enter an email address in the correct format, like name@example.com'],
    [{ contact: { preference: 'phone', phone: '12345' } }, '/contact/phone', 'Enter a UK phone number, like 01632 960 001 or 07700 900 982'],
    [{ contact: { preference: 'text', mobile: '' } }, '/contact/mobile', 'Enter a UK mobile number, like 07700 900 982'],
    [{ contact: { preference: 'carrier-pigeon' } }, '/contact/preference', 'Choose how we should contact you: by text, email or phone'],
    [{ contact: undefined }, '/contact', 'Tell us how to contact you'],
    [{ contact: { preference: 'email', email: 'a@example.com', fax: '1' } }, '/contact/fax', 'This field is not allowed'],
    [{ description: '   ' }, '/description', 'Enter a description of the problem'],
    [{ description: 42 }, '/description', 'Enter a description of the problem'],
    [{ description: 'Drips\u0000' }, '/description', 'A description of the problem contains characters we cannot accept'],
    [{ photoIds: 'a' }, '/photoIds', 'photoIds must be a list of photo ids'],
    [{ photoIds: ['AAAA'] }, '/photoIds/0', 'This is not a photo id from POST /repairs/photos'],
    [{ photoIds: [photo('a'), photo('a')] }, '/photoIds/1', 'This photo is listed twice'],
    [{ leafId: 'a'.repeat(65) }, '/leafId', 'Choose the repair from the catalogue'],
  ])('refuses %j', (overrides, path, message) => {
    expect(parseRequest(repairRequest, tap(overrides))).toEqual({ ok: false, errors: [{ path, message }] });
  });
});

describe('PATCH and DELETE /repairs/{reference}', () => {
  it('moves to a slot from the list', () => {
    expect(parseRequest(rescheduleRequest, { slotId: 'plumber-2026-12-01-am' })).toEqual({ ok: true, value: { slotId: 'plumber-2026-12-01-am' } });
    expect(parseRequest(rescheduleRequest, { slotId: 'NOPE', when: 'now' })).toEqual({
      ok: false,
      errors: [
        { path: '/when', message: 'This field is not allowed' },
        { path: '/slotId', message: 'Choose a new appointment from the list' },
      ],
    });
  });

  it('cancels with a reason, and free text that is tidied, optional and limited', () => {
    expect(parseRequest(cancelRequest, { reason: 'other', detail: ' Fixed it myself ' })).toEqual({ ok: true, value: { reason: 'other', detail: 'Fixed it myself' } });
    expect(parseRequest(cancelRequest, { reason: 'fixed', detail: '' })).toEqual({ ok: true, value: { reason: 'fixed' } });
    expect(parseRequest(cancelRequest, { reason: 'bored', detail: '  ' })).toEqual({
      ok: false,
      errors: [
        { path: '/reason', message: 'Say why you are cancelling: fixed, no-longer-needed, reported-by-mistake, other' },
        { path: '/detail', message: 'Enter the reason' },
      ],
    });
    expect(messages(parseRequest(cancelRequest, { reason: 'other', detail: 'x'.repeat(501) }))).toEqual(['The reason must be 500 characters or fewer']);
  });
});

describe('POST /repairs/{reference}/code and /token', () => {
  it('takes the postcode in any shape, and a 6-digit code with any spaces', () => {
    expect(parseRequest(manageCodeRequest, { postcode: ' an11aa ' })).toEqual({ ok: true, value: { postcode: 'AN1 1AA' } });
    expect(parseRequest(manageTokenRequest, { postcode: 'AN1 1AA', code: '123 456' })).toEqual({ ok: true, value: { postcode: 'AN1 1AA', code: '123456' } });
  });

  it('refuses a missing or impossible postcode, a code that is not 6 digits, and anything else', () => {
    expect(parseRequest(manageCodeRequest, { postcode: 'nowhere', reference: 'RP7K2M9Q' })).toEqual({
      ok: false,
      errors: [
        { path: '/reference', message: 'This field is not allowed' },
        { path: '/postcode', message: 'Enter the postcode of the property the repair is for' },
      ],
    });
    expect(paths(parseRequest(manageCodeRequest, {}))).toEqual(['/postcode']);
    for (const code of ['12345', '1234567', 'abcdef', 123456, '']) {
      expect(messages(parseRequest(manageTokenRequest, { postcode: 'AN1 1AA', code })), String(code)).toEqual(['Enter the 6-digit code we sent you']);
    }
  });
});
