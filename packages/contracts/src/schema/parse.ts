import type { ContractError, Reader } from '../validate.js';
import type { Infer, IssueReporter, Message, Schema, Shape } from './schema.js';

/**
 * Parsing: every problem at once, with messages a resident can act on, for the council API's
 * request bodies (`parseRequest`) and anywhere a full report is wanted (`parse`). It walks the
 * schema, and asks each node's own rule (`read`) about each value, so a rule is written once.
 * Browser readers (`reader`) are the nodes' rules alone: they stop at the first problem.
 */

/** One problem with a value: where (`contact.email`, `photoIds[1]`; `''` for the value itself) and what. */
export interface Issue {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

interface Context {
  issues: Issue[];
  /** Parsing a request: an unknown key is refused (this makes its issue), and `null` is a value, not an absence. */
  unknown?: (key: string, path: string) => Issue;
}

/** A node as the walker reads it: every kind's fields. */
interface Node {
  type: Schema['type'];
  read: (value: unknown, path: string) => unknown;
  message?: Message;
  check?: (value: unknown, issue: IssueReporter) => void;
  parse?: (value: string) => string | null | undefined;
  min?: number;
  max?: number;
  unique?: string;
  options?: readonly Schema[];
  item?: Schema;
  shape?: Shape;
  wrapped?: Schema;
  default?: unknown;
}

const at = (path: string, key: string | number): string => (typeof key == 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value == 'object' && value !== null && !Array.isArray(value);

/** The value `schema` makes of `value` (`undefined` when absent), adding every problem to `context.issues`. */
function walk(schema: Schema, value: unknown, path: string, context: Context): unknown {
  const node = schema as unknown as Node;
  const before = context.issues.length;
  const issue: IssueReporter = (message, key) => context.issues.push({ path: key === undefined ? path : at(path, key), message });
  /** The node's message for `value`, else what its rule says it expected of `input` (the value, after `parse`). */
  const fail = (input = value): undefined => {
    let expected = 'a valid value';
    try {
      node.read(input, path);
    } catch (error) {
      expected = (error as ContractError).expected;
    }
    issue(typeof node.message == 'function' ? node.message(value) : (node.message ?? expected));
    return undefined;
  };
  let out: unknown;
  switch (node.type) {
    case 'optional':
      if (value === undefined || (value === null && !context.unknown)) return node.default === undefined ? undefined : structuredClone(node.default);
      return walk(node.wrapped!, value, path, context);
    case 'nullable':
      return value === null ? null : walk(node.wrapped!, value, path, context);
    case 'array': {
      if (!Array.isArray(value) || value.length < (node.min ?? 0) || value.length > (node.max ?? value.length)) return fail();
      const items = value.map((item, i) => walk(node.item!, item, at(path, i), context));
      if (node.unique && context.issues.length == before) items.forEach((item, i) => items.indexOf(item) < i && issue(node.unique!, i));
      out = items;
      break;
    }
    case 'object': {
      if (!isObject(value)) return fail();
      const shape = node.shape!;
      if (context.unknown) for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) context.issues.push(context.unknown(key, path));
      const fields: Record<string, unknown> = {};
      for (const key in shape) {
        const field = walk(shape[key]!, value[key], at(path, key), context);
        if (field !== undefined) fields[key] = field;
      }
      out = fields;
      break;
    }
    case 'union': {
      const match = node.options!.some((option) => {
        const trial = { ...context, issues: [] };
        out = walk(option, value, path, trial);
        return !trial.issues.length;
      });
      if (!match) return fail();
      break;
    }
    default: {
      // A leaf (string, number, boolean, literal, picklist, date): its rule decides, after `parse` normalises a string.
      let input = value;
      if (node.parse) {
        input = typeof value == 'string' ? node.parse(value) : null;
        if (input === undefined) return undefined;
      }
      try {
        out = node.read(input, path);
      } catch {
        return fail(input);
      }
    }
  }
  if (node.check && context.issues.length == before) node.check(out, issue);
  return out;
}

/**
 * Checks `value` against `schema`, reporting every problem (each node's `message` where it has
 * one): the value it makes (normalised by `parse`, defaults filled in, `check`s run), or the
 * issues. Unknown keys are dropped and `null` counts as absent, as in a reader.
 */
export function parse<S extends Schema>(schema: S, value: unknown): ParseResult<Infer<S>> {
  const context: Context = { issues: [] };
  const out = walk(schema, value, '', context);
  return context.issues.length ? { ok: false, issues: context.issues } : { ok: true, value: out as Infer<S> };
}

/**
 * The browser reader for a response: the schema's own rules, which drop unknown keys, take
 * `null` as absent for an optional key, and throw the first problem as a `ContractError` naming
 * its path (`addresses[3].uprn: expected string`).
 */
export const reader = <S extends Schema>(schema: S): Reader<Infer<S>> => schema.read as Reader<Infer<S>>;

/** A problem with a request body, as the council API reports it in problem details' `errors[]`. */
export interface FieldError {
  /** A JSON pointer into the body, e.g. `/contact/email` or `/photoIds/1`; `''` for the body itself. */
  path: string;
  message: string;
}

/** What the API's request parsers give: the parsed body, or every problem at once. */
export type RequestResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** `contact.email` → `/contact/email`, `photoIds[1]` → `/photoIds/1`, `''` → `''`. */
export const pointer = (path: string): string => path && `/${path.replace(/\[(\d+)\]/g, '.$1').split('.').join('/')}`;

/** Key names echoed back in an error; anything else (markup, a megabyte of key) never is. */
const PLAIN_KEY = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Parses a request body for the council API: strict where a reader is lenient. The body must be
 * a JSON object; unknown keys are refused, each by name when the name is a plain identifier
 * (`This field is not allowed`) and otherwise without echoing it (`A field with an unexpected
 * name is not allowed`, at the object's path); `null` is a value, not an absence. Every problem
 * is reported at once, with JSON-pointer paths, ready for a validation problem's `errors`.
 */
export function parseRequest<S extends Schema>(schema: S, body: unknown): RequestResult<Infer<S>> {
  if (!isObject(body)) return { ok: false, errors: [{ path: '', message: 'The request body must be a JSON object' }] };
  const context: Context = {
    issues: [],
    unknown: (key, path) => (PLAIN_KEY.test(key) ? { path: at(path, key), message: 'This field is not allowed' } : { path, message: 'A field with an unexpected name is not allowed' }),
  };
  const value = walk(schema, body, '', context);
  return context.issues.length ? { ok: false, errors: context.issues.map((issue) => ({ path: pointer(issue.path), message: issue.message })) } : { ok: true, value: value as Infer<S> };
}
