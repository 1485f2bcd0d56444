/**
 * Schema nodes: plain objects describing a JSON value. Each contract is declared once with the
 * builders below; its TypeScript type is `Infer<typeof schema>`, its browser reader
 * `reader(schema)`, its request parser `parseRequest(schema, body)` and its JSON Schema
 * `toJsonSchema(schema)`.
 *
 * Every node carries its `type` (as JSON Schema names it), its options, and `read`: its kind's
 * rule as a small closure that returns the value or throws a `ContractError` at the first
 * problem. Readers are those closures, so a browser bundle carries only the rules of the kinds
 * an element reads, and none of the request machinery (`parse.ts`: every problem at once,
 * messages, `parse`, `check`, `unique`, unknown keys refused), which reuses them for each value.
 *
 * Building a schema has no side effects: the package build marks every call made at load
 * `@__PURE__` (scripts/pure-calls.mjs), so a bundler drops each schema an element does not read.
 */

/** The message for a value that fails a node: fixed, or chosen from the value that failed. */
export type Message = string | ((value: unknown) => string);

/** Reports a further problem from a `check`: at the node itself, or at one of its keys or items. */
export type IssueReporter = (message: string, key?: string | number) => void;

import { ContractError } from '../validate.js';

/** A kind's rule: the value, or a `ContractError` naming the path of the first problem. */
export type Read<T = unknown> = (value: unknown, path: string) => T;

/** What every node may add; a node stores its `check` as taking `unknown` (the builder's options type it). */
export interface Common<T> {
  /**
   * The message for any failure of this node when parsing (`parse`, `parseRequest`). A fixed
   * message is also what a reader's `ContractError` says the node expected.
   */
  readonly message?: Message;
  /**
   * Further rules, run when parsing once the node's own checks pass (on the parsed value). Not
   * run by browser readers, which check shapes. (A method, so schemas of narrower values still
   * count as `Schema`.)
   */
  check?(value: T, issue: IssueReporter): void;
}

export interface StringOptions extends Common<string> {
  readonly pattern?: RegExp;
  /** Length limits, counting characters as a person does (code points: an emoji is one), after `parse`. */
  readonly min?: number;
  readonly max?: number;
  /**
   * `date` (`YYYY-MM-DD`, a real calendar day) is checked; any other format (`email`, `uri`) is
   * only written into JSON Schema: give `parse` to enforce it.
   */
  readonly format?: string;
  /**
   * When parsing (not in browser readers), normalises the string before the other checks: the
   * string to keep, `null` to reject it, or `undefined` to treat it as absent (inside `optional`,
   * e.g. an empty field left blank).
   */
  readonly parse?: (value: string) => string | null | undefined;
}
export interface StringSchema extends StringOptions {
  readonly read: Read;
  readonly type: 'string';
}

export interface NumberOptions extends Common<number> {
  readonly min?: number;
  readonly max?: number;
}
export interface NumberSchema extends NumberOptions {
  readonly read: Read;
  readonly type: 'number' | 'integer';
}

export interface BooleanSchema extends Common<boolean> {
  readonly read: Read;
  readonly type: 'boolean';
}

export type Primitive = string | number | boolean;
export interface LiteralSchema<T extends Primitive = Primitive> extends Common<unknown> {
  readonly read: Read;
  readonly type: 'literal';
  readonly value: T;
}

export interface PicklistSchema<T extends string = string> extends Common<unknown> {
  readonly read: Read;
  readonly type: 'picklist';
  readonly options: readonly T[];
}

export interface ArrayOptions<T = unknown> extends Common<T[]> {
  /** Fewest and most items. */
  readonly min?: number;
  readonly max?: number;
  /** When parsing, items must not repeat: the message for a repeated item (reported at its index). */
  readonly unique?: string;
}
export interface ArraySchema<I extends Schema = Schema> extends ArrayOptions {
  readonly read: Read;
  readonly type: 'array';
  readonly item: I;
}

export type Shape = { readonly [key: string]: Schema };
export interface ObjectSchema<S extends Shape = Shape> extends Common<unknown> {
  readonly read: Read;
  readonly type: 'object';
  readonly shape: S;
}

/** `D` is the type of the default, `never` when there is none (then the key may be absent). */
export interface OptionalSchema<W extends Schema = Schema, D = never> {
  readonly read: Read;
  readonly type: 'optional';
  readonly wrapped: W;
  readonly default?: D;
}

export interface NullableSchema<W extends Schema = Schema> {
  readonly read: Read;
  readonly type: 'nullable';
  readonly wrapped: W;
}

export interface UnionSchema<O extends readonly Schema[] = readonly Schema[]> extends Common<unknown> {
  readonly read: Read;
  readonly type: 'union';
  readonly options: O;
}

export type Schema =
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | LiteralSchema
  | PicklistSchema
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any item schema
  | ArraySchema<any>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shape
  | ObjectSchema<any>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any wrapped schema and default
  | OptionalSchema<any, any>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any wrapped schema
  | NullableSchema<any>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any options
  | UnionSchema<any>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type IsOptional<S> = S extends OptionalSchema<Schema, infer D> ? ([D] extends [never] ? true : false) : false;

/** The object type a shape describes: keys whose schema is `optional(…)` without a default may be absent. */
export type InferShape<S extends Shape> = Simplify<
  { -readonly [K in keyof S as IsOptional<S[K]> extends true ? never : K]: Infer<S[K]> } & {
    -readonly [K in keyof S as IsOptional<S[K]> extends true ? K : never]?: Infer<S[K]>;
  }
>;

/** The TypeScript type of the values a schema accepts (after `parse` and defaults). */
export type Infer<S> = 0 extends 1 & S
  ? unknown // any
  : S extends StringSchema
  ? string
  : S extends NumberSchema
    ? number
    : S extends BooleanSchema
      ? boolean
      : S extends LiteralSchema<infer T>
        ? T
        : S extends PicklistSchema<infer T>
          ? T
          : S extends ArraySchema<infer I>
            ? Infer<I>[]
            : S extends ObjectSchema<infer Sh>
              ? InferShape<Sh>
              : S extends OptionalSchema<infer W, infer D>
                ? [D] extends [never]
                  ? Infer<W> | undefined
                  : Infer<W>
                : S extends NullableSchema<infer W>
                  ? Infer<W> | null
                  : S extends UnionSchema<infer O>
                    ? Infer<O[number]>
                    : never;

// The rules. Each builder closes over its options, as the hand-written readers before it did.

const fail = (path: string, expected: string): never => {
  throw new ContractError(path, expected);
};

/**
 * What a failing node says it expected: its fixed message, else its kind (`string`, `integer`…).
 * Give a message where a node has limits a reader's error should name ("an ISO weekday, 1 to 7").
 */
const expected = (options: Common<never> | undefined, fallback: string): string => (typeof options?.message == 'string' ? options.message : fallback);

/** Within `min` and `max`, where given (a length, a count or a value). */
const within = ({ min = -Infinity, max = Infinity }: { min?: number; max?: number } = {}, size: number): boolean => size >= min && size <= max;

export const string = (options?: StringOptions): StringSchema => ({
  ...options,
  type: 'string',
  // Lengths count code points, as a person counts characters (an emoji is one).
  read: (value, path) =>
    typeof value == 'string' && options?.pattern?.test(value) !== false && within(options, [...value].length) ? value : fail(path, expected(options, 'string')),
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, `YYYY-MM-DD` (Europe/London, no time), that exists (not 2026-02-30). */
export const date = (options?: Common<string>): StringSchema => ({
  ...options,
  type: 'string',
  format: 'date',
  read: (value, path) =>
    // An impossible day is an invalid Date in some engines (toJSON: null) and rolls over in others.
    typeof value == 'string' && DATE.test(value) && new Date(value).toJSON()?.startsWith(value) ? value : fail(path, expected(options, 'date YYYY-MM-DD')),
});

const numeric =
  (type: 'number' | 'integer') =>
  (options?: NumberOptions): NumberSchema => ({
    ...options,
    type,
    read: (value, path) =>
      typeof value == 'number' && isFinite(value) && (type == 'number' || !(value % 1)) && within(options, value) ? value : fail(path, expected(options, type)),
  });

export const number: (options?: NumberOptions) => NumberSchema = numeric('number');

export const integer: (options?: NumberOptions) => NumberSchema = numeric('integer');

export const boolean = (options?: Common<boolean>): BooleanSchema => ({
  ...options,
  type: 'boolean',
  read: (value, path) => (typeof value == 'boolean' ? value : fail(path, expected(options, 'boolean'))),
});

export const literal = <const T extends Primitive>(value: T, options?: Common<T>): LiteralSchema<T> => ({
  ...options,
  type: 'literal',
  value,
  read: (input, path) => (input === value ? value : fail(path, expected(options, JSON.stringify(value)))),
});

/** One of a list of strings: declare the list once, `as const`, and use it everywhere. */
export const picklist = <const T extends string>(list: readonly T[], options?: Common<T>): PicklistSchema<T> => ({
  ...options,
  type: 'picklist',
  options: list,
  read: (value, path) => (list.includes(value as T) ? value : fail(path, expected(options, list.join('|')))),
});

export const array = <I extends Schema>(item: I, options?: ArrayOptions<Infer<I>>): ArraySchema<I> => ({
  ...options,
  type: 'array',
  item,
  read: (value, path) =>
    Array.isArray(value) && within(options, value.length) ? value.map((entry, i) => item.read(entry, `${path}[${i}]`)) : fail(path, expected(options, 'array')),
});

/**
 * An object with the keys of `shape`. Reading a response, other keys are dropped; parsing a
 * request (`parseRequest`), other keys are refused.
 */
export const object = <const S extends Shape>(shape: S, options?: Common<InferShape<S>>): ObjectSchema<S> => ({
  ...options,
  type: 'object',
  shape,
  read: (value, path) => {
    if (!value || typeof value != 'object' || Array.isArray(value)) fail(path, expected(options, 'object'));
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const field = shape[key]!.read((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (field !== undefined) out[key] = field;
    }
    return out;
  },
});

/**
 * A key that may be absent (`null` counts as absent too, except in a request). With a default,
 * an absent value reads as (a copy of) the default, and the key is always there in the type.
 */
export const optional: {
  <W extends Schema>(wrapped: W): OptionalSchema<W>;
  <W extends Schema, D extends Infer<W>>(wrapped: W, fallback: D): OptionalSchema<W, D>;
} = (wrapped: Schema, fallback?: unknown) =>
  ({
    type: 'optional',
    wrapped,
    default: fallback,
    read: (value: unknown, path: string) => (value == null ? (fallback === undefined ? undefined : structuredClone(fallback)) : wrapped.read(value, path)),
  }) as OptionalSchema;

export const nullable = <W extends Schema>(wrapped: W): NullableSchema<W> => ({
  type: 'nullable',
  wrapped,
  read: (value, path) => (value === null ? null : wrapped.read(value, path)),
});

/** The first of `options` the value matches. */
export const union = <const O extends readonly Schema[]>(list: O, options?: Common<Infer<O[number]>>): UnionSchema<O> => ({
  ...options,
  type: 'union',
  options: list,
  read: (value, path) => {
    for (const option of list) {
      try {
        return option.read(value, path);
      } catch {
        // try the next
      }
    }
    return fail(path, expected(options, 'one of the allowed values'));
  },
});
