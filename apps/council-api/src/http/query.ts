import type { FieldError } from './fields.js';
import { isLang, type Lang } from './lang.js';

/**
 * Path and query parameters several routes share, checked one by one into `errors` so a bad
 * request hears about every problem at once.
 */

/** A UPRN: up to 12 digits. */
export function checkUprn(value: string, errors: FieldError[]): string | undefined {
  if (/^[0-9]{1,12}$/.test(value)) return value;
  errors.push({ path: '/uprn', message: 'A UPRN is up to 12 digits' });
  return undefined;
}

/** `?lang=`: `en` (the default) or `cy`. */
export function checkLang(value: string | undefined, errors: FieldError[]): Lang {
  if (value === undefined || value === '') return 'en';
  if (isLang(value)) return value;
  errors.push({ path: '/lang', message: 'The language must be en or cy' });
  return 'en';
}
