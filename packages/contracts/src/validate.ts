/**
 * A deliberately tiny structural validator. Full schema libraries (zod, ajv) would outweigh the
 * elements themselves; we only need to prove a response has the fields we render, with the
 * types we expect, before it reaches a template.
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

export type Reader<T> = (value: unknown, path: string) => T;

export const str: Reader<string> = (v, p) => {
  if (typeof v !== 'string') throw new ContractError(p, 'string');
  return v;
};

export const num: Reader<number> = (v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ContractError(p, 'number');
  return v;
};

export const bool: Reader<boolean> = (v, p) => {
  if (typeof v !== 'boolean') throw new ContractError(p, 'boolean');
  return v;
};

/** A `YYYY-MM-DD` calendar date (Europe/London, no time). */
export const isoDate: Reader<string> = (v, p) => {
  const s = str(v, p);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new ContractError(p, 'date YYYY-MM-DD');
  return s;
};

export function optional<T>(read: Reader<T>): Reader<T | undefined> {
  return (v, p) => (v === undefined || v === null ? undefined : read(v, p));
}

export function oneOf<T extends string>(values: readonly T[]): Reader<T> {
  return (v, p) => {
    if (typeof v !== 'string' || !values.includes(v as T)) throw new ContractError(p, values.join('|'));
    return v as T;
  };
}

export function arrayOf<T>(read: Reader<T>): Reader<T[]> {
  return (v, p) => {
    if (!Array.isArray(v)) throw new ContractError(p, 'array');
    return v.map((item, i) => read(item, `${p}[${i}]`));
  };
}

type Shape = Record<string, Reader<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** Reads an object with exactly the fields in `shape` (unknown extra fields are dropped). */
export function object<S extends Shape>(shape: S): Reader<FromShape<S>> {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ContractError(p, 'object');
    const out: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(shape)) {
      const value = read((v as Record<string, unknown>)[key], p ? `${p}.${key}` : key);
      if (value !== undefined) out[key] = value;
    }
    return out as FromShape<S>;
  };
}

/** Validates `value` against `read`, starting from the root path. */
export function validate<T>(read: Reader<T>, value: unknown): T {
  return read(value, '');
}
