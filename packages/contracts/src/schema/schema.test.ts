import { describe, expect, it } from 'vitest';
import { ContractError, validate } from '../validate.js';
import { array, boolean, date, integer, literal, nullable, number, object, optional, parse, parseRequest, picklist, pointer, reader, string, toJsonSchema, union } from './index.js';

describe('schema nodes and readers', () => {
  const thing = object({
    id: string({ pattern: /^[a-z]+$/ }),
    count: integer({ min: 1, max: 7 }),
    ratio: optional(number()),
    when: date(),
    kind: picklist(['a', 'b'] as const),
    tags: array(string(), { max: 2 }),
    flag: nullable(boolean()),
    yes: optional(literal(true)),
    either: optional(union([integer(), string()])),
  });
  const good = { id: 'abc', count: 3, when: '2026-02-28', kind: 'a', tags: ['x'], flag: null, either: 'x' };
  const read = reader(thing);

  it('reads what matches, dropping unknown keys and taking null as absent for an optional key', () => {
    expect(validate(read, { ...good, extra: 1, ratio: null })).toEqual(good);
    expect(validate(read, { ...good, either: 2 }).either).toBe(2);
  });

  it('throws the first problem as a ContractError naming its path and what was expected', () => {
    const cases: [unknown, string, string][] = [
      [null, '', 'object'],
      [{ ...good, id: 'ABC' }, 'id', 'string'],
      [{ ...good, count: 8 }, 'count', 'integer'],
      [{ ...good, count: 1.5 }, 'count', 'integer'],
      [{ ...good, ratio: Infinity }, 'ratio', 'number'],
      [{ ...good, when: '2026-02-30' }, 'when', 'date YYYY-MM-DD'],
      [{ ...good, when: '28/02/2026' }, 'when', 'date YYYY-MM-DD'],
      [{ ...good, kind: 'c' }, 'kind', 'a|b'],
      [{ ...good, tags: ['x', 'y', 'z'] }, 'tags', 'array'],
      [{ ...good, tags: ['x', 1] }, 'tags[1]', 'string'],
      [{ ...good, flag: 'no' }, 'flag', 'boolean'],
      [{ ...good, yes: false }, 'yes', 'true'],
      [{ ...good, either: false }, 'either', 'one of the allowed values'],
    ];
    for (const [value, path, expected] of cases) expect(() => validate(read, value), path).toThrow(new ContractError(path, expected));
  });

  it('counts characters as a person does and honours a fixed message', () => {
    const short = reader(string({ max: 3, message: 'three at most' }));
    expect(short('🔧🔧🔧', '')).toBe('🔧🔧🔧');
    expect(() => short('abcd', 'x')).toThrow(new ContractError('x', 'three at most'));
  });
});

describe('parse', () => {
  const shape = object({
    name: string({ parse: (text) => text.trim() || null, message: 'Enter a name' }),
    ids: optional(array(string({ pattern: /^[0-9]+$/, message: 'Not an id' }), { max: 3, unique: 'Listed twice' }), []),
    size: integer({ message: (value) => (typeof value == 'number' ? 'Too big' : 'Give a whole number') }),
    pair: object(
      { a: optional(string()), b: optional(string()) },
      {
        check: (pair, issue) => {
          if (!pair.a && !pair.b) issue('Give a or b', 'a');
        },
      },
    ),
  });

  it('reports every problem at once, with messages, and normalises and fills in what passes', () => {
    expect(parse(shape, { name: '  Ann ', size: 2, pair: { a: 'x' }, extra: true })).toEqual({ ok: true, value: { name: 'Ann', ids: [], size: 2, pair: { a: 'x' } } });
    expect(parse(shape, { name: ' ', ids: ['1', 'x', '1'], size: 'big', pair: {} })).toEqual({
      ok: false,
      issues: [
        { path: 'name', message: 'Enter a name' },
        { path: 'ids[1]', message: 'Not an id' },
        { path: 'size', message: 'Give a whole number' },
        { path: 'pair.a', message: 'Give a or b' },
      ],
    });
    expect(parse(shape, { name: 'x', ids: ['1', '2', '1'], size: 1.5, pair: { b: 'y' } })).toEqual({
      ok: false,
      issues: [
        { path: 'ids[2]', message: 'Listed twice' },
        { path: 'size', message: 'Too big' },
      ],
    });
  });

  it('gives a copy of a default, never the default itself', () => {
    const first = parse(shape, { name: 'a', size: 1, pair: { a: 'x' } });
    const second = parse(shape, { name: 'a', size: 1, pair: { a: 'x' } });
    expect(first.ok && second.ok && first.value.ids !== second.value.ids).toBe(true);
  });

  it('says what a node expected when it has no message', () => {
    expect(parse(object({ when: date(), n: integer({ max: 5 }) }), { when: 'soon', n: 9 })).toEqual({
      ok: false,
      issues: [
        { path: 'when', message: 'date YYYY-MM-DD' },
        { path: 'n', message: 'integer' },
      ],
    });
  });
});

describe('parseRequest', () => {
  const body = object({ uprn: string({ message: 'Give a UPRN' }), contact: optional(object({ email: optional(string()) }, { message: 'Contact must be an object' }), {}) });

  it('refuses unknown keys, naming them only when the name is plain', () => {
    expect(parseRequest(body, { uprn: '1', notes: 'x', contact: { fax: '1' } })).toEqual({
      ok: false,
      errors: [
        { path: '/notes', message: 'This field is not allowed' },
        { path: '/contact/fax', message: 'This field is not allowed' },
      ],
    });
    const hostile = '<script>alert(1)</script>';
    expect(parseRequest(body, { uprn: '1', [hostile]: 1 })).toEqual({ ok: false, errors: [{ path: '', message: 'A field with an unexpected name is not allowed' }] });
  });

  it('takes null as a value, not an absence, and a body that is not an object as one problem', () => {
    expect(parseRequest(body, { uprn: '1', contact: null })).toEqual({ ok: false, errors: [{ path: '/contact', message: 'Contact must be an object' }] });
    for (const bad of [null, [], 'x', 42]) expect(parseRequest(body, bad)).toEqual({ ok: false, errors: [{ path: '', message: 'The request body must be a JSON object' }] });
    expect(parseRequest(body, { uprn: '1' })).toEqual({ ok: true, value: { uprn: '1', contact: {} } });
  });

  it('reports paths as JSON pointers', () => {
    expect(pointer('')).toBe('');
    expect(pointer('contact.email')).toBe('/contact/email');
    expect(pointer('photoIds[1]')).toBe('/photoIds/1');
    expect(pointer('locations[2].problems[0].id')).toBe('/locations/2/problems/0/id');
  });
});

describe('toJsonSchema', () => {
  it('writes each kind as JSON Schema 2020-12, with $refs to named schemas and strict objects for requests', () => {
    const label = object({ en: string(), cy: string() });
    const leaf = object({
      id: string({ pattern: /^[a-z-]+$/, max: 64 }),
      label,
      hint: optional(label),
      on: date(),
      days: array(integer({ min: 1, max: 7 }), { min: 1, unique: 'twice' }),
      kind: picklist(['a', 'b']),
      yes: literal(true),
      maybe: nullable(number()),
      any: union([string(), boolean()]),
    });
    expect(toJsonSchema(leaf, { refs: new Map([[label, 'Bilingual']]), strict: true })).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['id', 'label', 'on', 'days', 'kind', 'yes', 'maybe', 'any'],
      properties: {
        id: { type: 'string', pattern: '^[a-z-]+$', maxLength: 64 },
        label: { $ref: '#/components/schemas/Bilingual' },
        hint: { $ref: '#/components/schemas/Bilingual' },
        on: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        days: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, minItems: 1, uniqueItems: true },
        kind: { type: 'string', enum: ['a', 'b'] },
        yes: { type: 'boolean', const: true },
        maybe: { anyOf: [{ type: 'number' }, { type: 'null' }] },
        any: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
      },
    });
    expect(toJsonSchema(label)).toEqual({ type: 'object', required: ['en', 'cy'], properties: { en: { type: 'string' }, cy: { type: 'string' } } });
  });
});
