import type { Problem } from './problems.js';

/** One problem with one part of a request: a JSON pointer (`/contact/email`) and what to do about it. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** A request read field by field: the value, or every problem found at once. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
