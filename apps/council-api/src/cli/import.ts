import { configuredClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { SourceError } from '../imports/read-source.js';
import { importers as registry, type Importer, type ImportReport } from '../imports/registry.js';
import { createLogger } from '../logger.js';
import { parseArgs } from './args.js';
import { messageOf, USAGE_EXIT, type CliIo } from './io.js';

/** Problems printed after the counts; the rest are counted, not listed. */
export const PROBLEMS_SHOWN = 20;

/** `council-api import --help`, naming the kinds this build knows. */
export function importUsage(kinds: readonly string[]): string {
  return `Usage: council-api import <kind> <file-or-url> [--option value | --flag]…

Loads a council's own data into DATABASE_URL (migrating it first) from a file or an https:// URL,
then prints how many records were imported and the problems (with line numbers) of those skipped.
Exits 1 when nothing was imported or the source could not be read. Options after the source are
the importer's own (for example --mapping columns.json).

Kinds: ${kinds.length ? kinds.join(', ') : 'none in this version yet'}`;
}

/** The report as printed: counts first, then up to {@link PROBLEMS_SHOWN} problems with their line numbers. */
export function formatReport(report: ImportReport): string[] {
  const lines = [`${report.kind}: ${report.imported} imported, ${report.skipped} skipped.`];
  const shown = report.problems.slice(0, PROBLEMS_SHOWN);
  for (const problem of shown) lines.push(`  ${problem.line !== undefined ? `line ${problem.line}: ` : ''}${problem.message}`);
  // Importers keep a few hundred problems; the skipped count covers every one.
  const more = Math.max(report.problems.length, report.skipped) - shown.length;
  if (more > 0 && shown.length > 0) lines.push(`  …and ${more} more.`);
  if (report.imported === 0) lines.push(`Nothing was imported from this source.`);
  return lines;
}

/**
 * `council-api import <kind> <file-or-url> [options]`: runs the importer registered for the kind
 * (`src/imports/registry.ts`) with the database, the one clock, the configuration and a logger
 * writing to stderr (stdout holds only the report). 0 when anything was imported; 1 when nothing
 * was, or the source could not be read, or the importer failed; 2 for a command line it does not
 * understand (usage on stderr, listing the known kinds).
 */
export async function runImport(args: string[], io: CliIo, importers: Record<string, Importer> = registry): Promise<number> {
  const kinds = Object.keys(importers).sort();
  const { positionals, options } = parseArgs(args);
  const { help, ...importerOptions } = options;
  if (help) {
    io.out(importUsage(kinds));
    return 0;
  }
  const [kind, source, ...extra] = positionals;
  const importer = kind !== undefined ? importers[kind] : undefined;
  if (kind === undefined || source === undefined || extra.length || !importer) {
    const why =
      kind === undefined
        ? 'say what to import and where from.'
        : !importer
          ? `"${kind}" is not a kind this version can import (${kinds.length ? `known: ${kinds.join(', ')}` : 'none are available yet'}).`
          : source === undefined
            ? `say which file or URL to import ${kind} from.`
            : `unexpected ${extra.map((word) => `"${word}"`).join(', ')} after the source.`;
    io.err(`import: ${why}\n\n${importUsage(kinds)}`);
    return USAGE_EXIT;
  }
  try {
    const config = loadConfig(io.env);
    const db = createDatabase(config.databaseUrl);
    try {
      await migrateToLatest(db);
      const report = await importer({
        db,
        clock: configuredClock(config.councilToday),
        config,
        logger: createLogger(config.logLevel, io.err),
        source,
        options: importerOptions,
      });
      for (const line of formatReport(report)) io.out(line);
      return report.imported > 0 ? 0 : 1;
    } finally {
      await db.destroy();
    }
  } catch (error) {
    io.err(`import ${kind}: ${error instanceof SourceError ? `could not read the source: ${error.message}` : messageOf(error)}`);
    return 1;
  }
}
