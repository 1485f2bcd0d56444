/**
 * What a browser reader throws when a response breaks its contract. Readers are built from the
 * contracts' schemas (`reader(schema)` in ./schema): a schema library (zod, valibot, ajv) would
 * outweigh the elements themselves, and we only need to prove a response has the fields we
 * render, with the types we expect, before it reaches a template.
 */
export class ContractError extends Error {
  constructor(
    /** Dotted path to the offending value, e.g. `addresses[3].uprn`. */
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || '(root)'}: expected ${expected}`);
    this.name = 'ContractError';
  }
}

/** Reads an unknown value as `T`, or throws a `ContractError`; `path` prefixes the paths it names. */
export type Reader<T> = (value: unknown, path: string) => T;

/** Validates `value` against `read`, starting from the root path. */
export function validate<T>(read: Reader<T>, value: unknown): T {
  return read(value, '');
}
