import { decodeEntities } from './entities.js';

/**
 * The small readers every ORUK record reader shares: kept apart from oruk.ts so the category
 * reader (categories.ts), which the search form needs at once, loads without the service reader.
 */

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
/** A short field (a name, an address line) as written, its character references decoded. */
export const words = (v: unknown): string | undefined => {
  const t = text(v);
  return t === undefined ? undefined : decodeEntities(t).trim() || undefined;
};
export const number = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
