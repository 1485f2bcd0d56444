import type { Kysely } from 'kysely';
import type {
  AccessibilityTable,
  AttributesTable,
  ContactsTable,
  CostOptionsTable,
  Database,
  LanguagesTable,
  LocationsTable,
  OrganizationsTable,
  PhonesTable,
  SchedulesTable,
  ServiceAtLocationsTable,
  ServicesTable,
  TaxonomyTermsTable,
} from '../db/schema.js';

/** Directory rows ready to insert: what the seed and the bulk generator both produce. */
export interface DirectoryRows {
  taxonomyTerms: TaxonomyTermsTable[];
  organizations: OrganizationsTable[];
  services: ServicesTable[];
  locations: LocationsTable[];
  accessibility: AccessibilityTable[];
  serviceAtLocations: ServiceAtLocationsTable[];
  attributes: AttributesTable[];
  schedules: SchedulesTable[];
  costOptions: CostOptionsTable[];
  contacts: ContactsTable[];
  phones: PhonesTable[];
  languages: LanguagesTable[];
}

export function emptyDirectoryRows(): DirectoryRows {
  return {
    taxonomyTerms: [],
    organizations: [],
    services: [],
    locations: [],
    accessibility: [],
    serviceAtLocations: [],
    attributes: [],
    schedules: [],
    costOptions: [],
    contacts: [],
    phones: [],
    languages: [],
  };
}

/**
 * Bound parameters per INSERT. SQLite allows 32766 and PostgreSQL 65535; bigger statements
 * mean fewer round trips through Kysely's compiler, which is most of the bulk generator's time.
 */
const MAX_PARAMETERS = 30_000;

/** Inserts rows in dependency order (parents first), in multi-row INSERTs. Run it inside a transaction. */
export async function insertDirectoryRows(db: Kysely<Database>, rows: DirectoryRows): Promise<void> {
  await insert(db, 'taxonomy_terms', rows.taxonomyTerms);
  await insert(db, 'organizations', rows.organizations);
  await insert(db, 'services', rows.services);
  await insert(db, 'locations', rows.locations);
  await insert(db, 'accessibility', rows.accessibility);
  await insert(db, 'service_at_locations', rows.serviceAtLocations);
  await insert(db, 'attributes', rows.attributes);
  await insert(db, 'schedules', rows.schedules);
  await insert(db, 'cost_options', rows.costOptions);
  await insert(db, 'contacts', rows.contacts);
  await insert(db, 'phones', rows.phones);
  await insert(db, 'languages', rows.languages);
}

type RowTable = Exclude<keyof Database, 'services_search' | 'kysely_migration'>;

async function insert<T extends RowTable>(db: Kysely<Database>, table: T, rows: readonly Database[T][]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely's insert typing cannot follow a generic table name; the row type is checked above.
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}
