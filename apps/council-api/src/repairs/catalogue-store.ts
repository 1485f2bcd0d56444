import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ContractError, readRepairCatalogue, validate, type RepairCatalogue } from '@council-kit/contracts';
import { ConfigError } from '../config.js';
import type { CouncilDb } from '../db/database.js';

/**
 * The repairs catalogue is configuration kept in the database (`repair_catalogues`), so every
 * instance serves the same one and a council changes it without a code change: point
 * `REPAIRS_CATALOGUE_FILE` at its own JSON and restart. Each distinct document loaded is kept;
 * the newest is current.
 */

/** What a loaded catalogue looks like to the routes. */
export interface StoredCatalogue {
  catalogue: RepairCatalogue;
  /** A strong ETag: the version plus a hash of the document, so an edit without a new version still busts caches. */
  etag: string;
}

/**
 * Checks what the contract's reader cannot: ids unique (a leaf is found by id alone), numbers
 * whole and in range. Throws a `ContractError` naming the path of the first bad value.
 */
export function checkCatalogue(value: unknown): RepairCatalogue {
  const catalogue = validate(readRepairCatalogue, value);
  const whole = (n: number, path: string, min: number, max: number) => {
    if (!Number.isInteger(n) || n < min || n > max) throw new ContractError(path, `a whole number from ${min} to ${max}`);
  };
  whole(catalogue.maxDescription, 'maxDescription', 1, 2000);
  whole(catalogue.maxPhotos, 'maxPhotos', 0, 10);
  whole(catalogue.maxPhotoBytes, 'maxPhotoBytes', 1, 10 * 1024 * 1024);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(catalogue.version)) throw new ContractError('version', 'letters, digits, dots, hyphens or underscores');
  const seen = new Map<string, string>();
  const unique = (id: string, path: string) => {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new ContractError(path, 'an id of lower-case letters, digits and single hyphens');
    const first = seen.get(id);
    if (first) throw new ContractError(path, `an id not already used (${first} has "${id}")`);
    seen.set(id, path);
  };
  catalogue.emergencies.forEach((question, e) => unique(question.id, `emergencies[${e}].id`));
  catalogue.locations.forEach((location, l) => {
    unique(location.id, `locations[${l}].id`);
    location.problems.forEach((problem, p) => {
      unique(problem.id, `locations[${l}].problems[${p}].id`);
      problem.leaves.forEach((leaf, f) => {
        const at = `locations[${l}].problems[${p}].leaves[${f}]`;
        unique(leaf.id, `${at}.id`);
        whole(leaf.targetDays, `${at}.targetDays`, 1, 365);
        if (!/^[a-z][a-z0-9-]{0,31}$/.test(leaf.trade)) throw new ContractError(`${at}.trade`, 'a trade id such as plumber');
      });
    });
  });
  return catalogue;
}

/**
 * Reads and checks a council's catalogue file. Refuses (a `ConfigError`, so the API does not
 * start) with the file's path and the path of the first bad value inside it.
 */
export async function catalogueFromFile(path: string): Promise<RepairCatalogue> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`REPAIRS_CATALOGUE_FILE "${path}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`REPAIRS_CATALOGUE_FILE "${path}" is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return checkCatalogue(json);
  } catch (error) {
    if (error instanceof ContractError) {
      throw new ConfigError(`REPAIRS_CATALOGUE_FILE "${path}" is not a valid repairs catalogue: ${error.path || '(root)'}: expected ${error.expected}.`);
    }
    throw error;
  }
}

export interface CatalogueSource {
  /** `REPAIRS_CATALOGUE_FILE`: the council's own catalogue, checked before it is loaded. */
  file?: string | undefined;
  /** What to load when no file is given and the database has no catalogue yet (the demo seed's example). */
  example?: unknown;
}

/**
 * Makes the file's catalogue (else the example) the current one, unless it already is. The
 * example never replaces a catalogue a council loaded: with no file given, an existing
 * catalogue stays. `now` (the app clock's) is when it was loaded.
 */
export async function installCatalogue(db: CouncilDb, { file, example }: CatalogueSource, now: Date): Promise<void> {
  const catalogue = file ? await catalogueFromFile(file) : undefined;
  const current = await db.selectFrom('repair_catalogues').select(['document']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!catalogue && (current || example === undefined)) return;
  const chosen = catalogue ?? checkCatalogue(example);
  const document = JSON.stringify(chosen);
  if (current?.document === document) return;
  await db
    .insertInto('repair_catalogues')
    .values({ version: chosen.version, document, source: file ?? 'example', loaded_at: now.toISOString() })
    .execute();
}

let cache: { document: string; stored: StoredCatalogue } | undefined;

/**
 * The current catalogue. Read from the database on every call (another instance may have
 * loaded a new one); parsed again only when the document changed.
 */
export async function currentCatalogue(db: CouncilDb): Promise<StoredCatalogue | undefined> {
  const row = await db.selectFrom('repair_catalogues').select(['version', 'document']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  if (cache?.document !== row.document) {
    const hash = createHash('sha256').update(row.document).digest('base64url').slice(0, 12);
    cache = { document: row.document, stored: { catalogue: JSON.parse(row.document) as RepairCatalogue, etag: `"${row.version}-${hash}"` } };
  }
  return cache.stored;
}
