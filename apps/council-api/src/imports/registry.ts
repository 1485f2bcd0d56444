import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import type { Logger } from '../logger.js';
import { importAddresses } from './addresses.js';
import { importBankHolidays } from './bank-holidays.js';
import { importRounds } from './rounds.js';
import { importDirectory } from '../directory/import/importer.js';

/** One row (or record) an import skipped, and why; `line` is 1-based in the source file (the header is line 1). */
export interface ImportProblem {
  line?: number;
  message: string;
}

/** What `council-api import <kind> <source>` prints and exits on. */
export interface ImportReport {
  kind: string;
  /** Rows or records now in the database from this import. */
  imported: number;
  /** Rows or records left out, each with its reason in `problems`. */
  skipped: number;
  /** Bad rows (line numbers where the source has lines), at most a few hundred kept. */
  problems: ImportProblem[];
}

/** Everything an importer may use: the database, the one clock, the configuration, the logger. */
export interface ImportContext {
  db: CouncilDb;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** The file path or `https://` URL given on the command line. */
  source: string;
  /** `--name value` and `--flag` options after the source, e.g. `--mapping columns.json`. */
  options: Record<string, string | boolean>;
}

export type Importer = (context: ImportContext) => Promise<ImportReport>;

/**
 * Every kind `council-api import` knows, by name. Each importer lives in its own module (an
 * address file, collection rounds, bank holidays, a directory feed) and adds one line here.
 */
export const importers: Record<string, Importer> = {
  addresses: importAddresses,
  rounds: importRounds,
  'bank-holidays': importBankHolidays,
  directory: importDirectory,
};
