import { Migrator, type MigrationProvider } from 'kysely';
import type { CouncilDb } from './database.js';
import { migrations } from './migrations/index.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function createMigrator(db: CouncilDb): Migrator {
  return new Migrator({ db, provider });
}

export interface MigrationStatus {
  /** Known migrations not yet applied. */
  pending: string[];
  /** Migrations recorded in the database that this code does not know (a newer version ran). */
  unknown: string[];
}

/** Compares the migrations recorded in the database with the ones this code ships. */
export async function migrationStatus(db: CouncilDb): Promise<MigrationStatus> {
  const known = Object.keys(migrations);
  const applied = (await hasMigrationTable(db))
    ? (await db.selectFrom('kysely_migration').select('name').execute()).map((row) => row.name)
    : [];
  return {
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)).sort(),
  };
}

/**
 * Applies pending migrations. Refuses to touch a database that a newer version of the API has
 * migrated (it records migrations this code does not know), rather than guess at its shape.
 */
export async function migrateToLatest(db: CouncilDb): Promise<string[]> {
  const { unknown } = await migrationStatus(db);
  if (unknown.length) throw unknownMigrationsError(unknown);
  const { error, results = [] } = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    throw new MigrationError(
      failed ? `Database migration "${failed}" failed: ${message(error)}` : `Database migration failed: ${message(error)}`,
      { cause: error },
    );
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

function unknownMigrationsError(unknown: string[]): MigrationError {
  return new MigrationError(
    `The database has migrations this version of the council API does not know (${unknown.join(', ')}). ` +
      'It was probably migrated by a newer version; refusing to start. Run that version, or point DATABASE_URL at another database.',
  );
}

async function hasMigrationTable(db: CouncilDb): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.some((table) => table.name === 'kysely_migration');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
