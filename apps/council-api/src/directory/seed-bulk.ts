import { sql } from 'kysely';
import { dialectOf, type CouncilDb } from '../db/database.js';
import type { OrganizationsTable } from '../db/schema.js';
import { defaultSeed, mulberry32 } from '../random.js';
import { directoryUuid, MAX_ID_NUMBER } from './ids.js';
import { emptyDirectoryRows, insertDirectoryRows, type DirectoryRows } from './rows.js';
import { rebuildSearchIndex } from './search-index.js';
import { copyLoader } from './bulk-copy.js';
import { addService, CHILDREN, organizationRow, pick, pickSome } from './seed-builder.js';
import { COUNTY } from './seed-data.js';
import { generateTaxonomyTerms } from './seed-taxonomy.js';
import { accessibilityNotes, places, templates } from './seed-templates.js';

/**
 * Benchmark data: `count` more services built from the same templates as the seed, spread over
 * a region of about 70 × 70 km around Anytown (100k services in one town would put every one
 * of them within walking distance, which no real directory looks like). Deterministic for a
 * given seed and starting size. Inserted in batched transactions; the search index is rebuilt
 * once at the end.
 */
export interface BulkOptions {
  count: number;
  seed?: number;
  /** Services per transaction. */
  batchSize?: number;
  onProgress?: (inserted: number) => void;
  /**
   * PostgreSQL only: the database's URL, to load through `COPY` on a connection of its own
   * (bulk-copy.ts) instead of multi-row INSERTs. The generator passes it.
   */
  postgresUrl?: string;
}

export interface BulkResult {
  services: number;
  /** Milliseconds spent inserting rows, then rebuilding the search index. */
  insertMs: number;
  indexMs: number;
}

/** Bulk services are numbered from here, far above the seed's (ids stay unique). */
const BULK_BASE = 1_000_000;
/** Accessibility rows use the most id numbers: two per location, `CHILDREN` locations per service. */
export const MAX_BULK_SERVICES = Math.floor(MAX_ID_NUMBER / (CHILDREN * 2)) - BULK_BASE - 1;

const CENTRE = { lat: 52.2, lng: -1.49 };
const SPAN = { lat: 0.32, lng: 0.52 };

const PREFIXES = ['Ash', 'Beck', 'Bram', 'Cole', 'Dun', 'Elm', 'Fen', 'Hal', 'Kirk', 'Lang', 'Mar', 'Nor', 'Oak', 'Pen', 'Rad', 'Stan', 'Thorn', 'Wes'];
const SUFFIXES = ['ford', 'ley', 'ton', 'by', 'field', 'wick', 'bury', 'ham', 'stead', 'well'];
const STREETS = ['High Street', 'Church Lane', 'Station Road', 'Mill Road', 'Park Avenue', 'School Lane', 'Market Place', 'Victoria Road'];
const VENUES = ['Community Centre', 'Village Hall', 'Church Hall', 'Library', 'Family Hub', 'Youth Centre', 'Sports Pavilion', 'Methodist Church'];
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export async function seedDirectoryBulk(db: CouncilDb, { count, seed = defaultSeed, batchSize = 10_000, onProgress, postgresUrl }: BulkOptions): Promise<BulkResult> {
  if (!Number.isInteger(count) || count < 0 || count > MAX_BULK_SERVICES) {
    throw new RangeError(`count must be a whole number from 0 to ${MAX_BULK_SERVICES}`);
  }
  const started = performance.now();
  const terms = await ensureTaxonomy(db);
  const existing = Number((await db.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const first = BULK_BASE + existing;
  if (first + count > BULK_BASE + MAX_BULK_SERVICES) throw new RangeError('The database already holds too many services for more ids.');
  const rand = mulberry32((seed ^ 0xb01c) + existing);
  const townNames = [...places, ...PREFIXES.flatMap((prefix) => SUFFIXES.map((suffix) => prefix + suffix))];

  // One organisation per five services, each working in one category.
  const organizations: { row: OrganizationsTable; template: number }[] = [];
  for (let k = 0; k < Math.ceil(count / 5); k++) {
    const template = Math.floor(rand() * templates.length);
    const name = `${pick(rand, templates[template]!.organizations)} (${pick(rand, townNames)})`;
    organizations.push({ row: organizationRow(directoryUuid('organization', first + k), name), template });
  }

  const restore = await loadingPragmas(db);
  const copy = postgresUrl && dialectOf(db) === 'postgres' ? await copyLoader(postgresUrl) : undefined;
  try {
    for (let offset = 0; offset < count; offset += batchSize) {
      const end = Math.min(count, offset + batchSize);
      const rows = buildBatch(rand, { first, offset, end, organizations, terms, townNames });
      if (copy) await copy.load(rows);
      else await db.transaction().execute((trx) => insertDirectoryRows(trx, rows));
      onProgress?.(end);
    }
  } finally {
    await copy?.close();
    await restore();
  }
  const inserted = performance.now();

  await rebuildSearchIndex(db);
  // Fresh statistics let the planner choose between the FTS index and the coordinates index.
  await sql`analyze`.execute(db);
  return { services: count, insertMs: Math.round(inserted - started), indexMs: Math.round(performance.now() - inserted) };
}

interface Batch {
  first: number;
  offset: number;
  end: number;
  organizations: { row: OrganizationsTable; template: number }[];
  terms: ReadonlyMap<string, string>;
  townNames: readonly string[];
}

/** Services `offset` to `end` (exclusive) of this run, with their organisations and locations. */
function buildBatch(rand: () => number, { first, offset, end, organizations, terms, townNames }: Batch): DirectoryRows {
  const rows = emptyDirectoryRows();
  for (let k = offset; k < end; k++) {
    const organization = organizations[Math.floor(k / 5)]!;
    if (k % 5 === 0 || k === offset) addOrganizationOnce(rows, organization.row);
    // Most of an organisation's services are in its own category.
    const template = templates[rand() < 0.7 ? organization.template : Math.floor(rand() * templates.length)]!;
    const n = first + k;
    const town = pick(rand, townNames);
    addService(rows, rand, {
      n,
      template,
      name: pick(rand, template.names).replace('{place}', town),
      organization: organization.row,
      locationIds: addLocations(rows, rand, n, town),
      terms,
    });
  }
  return rows;
}

/**
 * Settings for loading benchmark data on this connection, undone afterwards. Random UUID keys
 * land all over every index: with SQLite's default 2 MB page cache most inserts wait on the
 * disk, so the cache grows to 256 MB. `synchronous = OFF` stops syncing the WAL on checkpoints
 * (halves the time here); a crash mid-load can lose this throwaway data, never a real database's,
 * because the server never runs the generator.
 */
async function loadingPragmas(db: CouncilDb): Promise<() => Promise<void>> {
  // PostgreSQL's shared buffers are the server's to size; nothing to change per load.
  if (dialectOf(db) === 'postgres') return async () => {};
  const read = async (name: 'cache_size' | 'synchronous'): Promise<number> => {
    const result = await sql<Record<string, number>>`select * from ${sql.raw(`pragma_${name}`)}`.execute(db);
    return Number(Object.values(result.rows[0] ?? {})[0] ?? 0);
  };
  const cacheSize = await read('cache_size');
  const synchronous = await read('synchronous');
  await sql`pragma cache_size = -262144`.execute(db);
  await sql`pragma synchronous = OFF`.execute(db);
  return async () => {
    await sql.raw(`pragma cache_size = ${Math.trunc(cacheSize)}`).execute(db);
    await sql.raw(`pragma synchronous = ${Math.trunc(synchronous)}`).execute(db);
  };
}

function addOrganizationOnce(rows: DirectoryRows, organization: OrganizationsTable): void {
  if (rows.organizations.at(-1)?.id !== organization.id) rows.organizations.push(organization);
}

/** One or two new locations for service `n`, somewhere in the region. */
function addLocations(rows: DirectoryRows, rand: () => number, n: number, town: string): string[] {
  const ids: string[] = [];
  const locations = rand() < 0.6 ? 1 : 2;
  for (let j = 0; j < locations; j++) {
    const id = directoryUuid('location', n * CHILDREN + j);
    const district = 1 + Math.floor(rand() * 20);
    rows.locations.push({
      id,
      address_id: directoryUuid('address', n * CHILDREN + j),
      name: `${town} ${pick(rand, VENUES)}`,
      description: null,
      latitude: round6(CENTRE.lat + (rand() * 2 - 1) * SPAN.lat),
      longitude: round6(CENTRE.lng + (rand() * 2 - 1) * SPAN.lng),
      address_1: `${1 + Math.floor(rand() * 120)} ${pick(rand, STREETS)}`,
      address_2: null,
      city: town,
      state_province: COUNTY,
      postal_code: `AN${district} ${Math.floor(rand() * 10)}${pick(rand, [...LETTERS])}${pick(rand, [...LETTERS])}`,
      country: 'GB',
    });
    pickSome(rand, accessibilityNotes, Math.floor(rand() * 3)).forEach((note, a) => {
      rows.accessibility.push({ id: directoryUuid('accessibility', (n * CHILDREN + j) * 2 + a), location_id: id, description: note, details: null });
    });
    ids.push(id);
  }
  return ids;
}

/** The taxonomy, inserted when the database has none (a bulk load into an unseeded database). */
async function ensureTaxonomy(db: CouncilDb): Promise<Map<string, string>> {
  let rows = await db.selectFrom('taxonomy_terms').select(['id', 'code']).execute();
  if (!rows.length) {
    const terms = generateTaxonomyTerms();
    await db.insertInto('taxonomy_terms').values(terms).execute();
    rows = terms;
  }
  return new Map(rows.map((row) => [row.code, row.id]));
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
