/**
 * The database as Kysely sees it. Column types are kept to what SQLite and PostgreSQL share
 * (text, integer, double precision) so the same queries run on both.
 */
export interface AddressesTable {
  /** Unique Property Reference Number (up to 12 digits), stored as text. */
  uprn: string;
  /** First address line: "12 High Street", "Flat 3, Mill Court" or "Rose Cottage". */
  line1: string;
  /** Second line when the first names a flat, house or business: "12 Mill Road". */
  line2: string | null;
  town: string;
  /** Normalised: upper case, one space before the inward code ("AN1 1AA"). */
  postcode: string;
  /** No space ("AN11AA"): what lookups match on. */
  postcode_compact: string;
  lat: number;
  lng: number;
  /** 1 when the council is the landlord (housing repairs), else 0. */
  council_owned: number;
  /** 'house', 'bungalow', 'flat' or 'business'. */
  property_type: string;
  /** Shared by the flats of one block, for communal repairs. */
  block_id: string | null;
}

/** Kysely's own bookkeeping table, typed so readiness checks can read it portably. */
export interface MigrationTable {
  name: string;
  timestamp: string;
}

export interface Database {
  addresses: AddressesTable;
  kysely_migration: MigrationTable;
}
