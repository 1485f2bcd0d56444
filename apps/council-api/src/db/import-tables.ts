import type { Generated } from 'kysely';

/** GOV.UK's bank holiday divisions (`bank-holidays.json`'s keys). */
export const bankHolidayDivisions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type BankHolidayDivision = (typeof bankHolidayDivisions)[number];

/** An imported bank holiday (migration 0011): one event of GOV.UK's `bank-holidays.json`. */
export interface BankHolidaysTable {
  division: BankHolidayDivision;
  /** `YYYY-MM-DD`. */
  date: string;
  /** GOV.UK's title, e.g. "St Andrew’s Day". */
  title: string;
}

/** One run of `council-api import` that changed the database (migration 0011). */
export interface ImportsTable {
  id: Generated<number>;
  /** `addresses`, `rounds`, `bank-holidays`… (the importer's kind). */
  kind: string;
  /** The file's name, or a URL's origin and path (never its query string). */
  source: string;
  imported: number;
  skipped: number;
  /** ISO 8601, from the app's clock. */
  imported_at: string;
}
