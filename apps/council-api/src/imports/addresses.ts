import { defaultAddressMapping, loadAddressMapping } from './address-mapping.js';
import { collectAddresses, type ReadAddresses } from './address-csv.js';
import { readAddressCsv } from './address-csv.js';
import { looksLikeAddressBasePlus, readAddressBasePlus } from './addressbase-plus.js';
import { parseCsv } from './csv.js';
import { ImportError } from './import-error.js';
import { readSource } from './read-source.js';
import { recordImport } from './record-import.js';
import type { ImportContext, ImportReport } from './registry.js';
import { replaceAddresses } from './write-addresses.js';

/**
 * Reads an address file's text: OS AddressBase Plus CSV (no header row, OS's column order) when
 * `--format addressbase-plus` is given or the first record looks like it, otherwise a CSV with a
 * header row whose columns `--mapping FILE` can name.
 */
export async function readAddressFile(text: string, options: ImportContext['options']): Promise<ReadAddresses> {
  const format = options.format;
  if (format !== undefined && format !== 'csv' && format !== 'addressbase-plus') {
    throw new ImportError('--format must be csv or addressbase-plus');
  }
  if (options.mapping !== undefined && typeof options.mapping !== 'string') throw new ImportError('--mapping needs a file');
  const mapping = typeof options.mapping === 'string' ? await loadAddressMapping(options.mapping) : defaultAddressMapping;
  const records = parseCsv(text);
  // Peek at the first record to choose, then read every record (the first included) once.
  const first = records.next();
  const all = (function* () {
    if (!first.done) yield first.value;
    yield* records;
  })();
  const abp = format === 'addressbase-plus' || (format === undefined && !first.done && looksLikeAddressBasePlus(first.value));
  return collectAddresses(abp ? readAddressBasePlus(all) : readAddressCsv(all, mapping));
}

/**
 * `council-api import addresses FILE [--mapping columns.json] [--format csv|addressbase-plus]`:
 * replaces the address register with the file's, in one transaction. Bad rows are reported by
 * line and skipped; a file with no good row changes nothing.
 */
export async function importAddresses(context: ImportContext): Promise<ImportReport> {
  const read = await readAddressFile(await readSource(context.source), context.options);
  if (!read.addresses.length) {
    const why = read.problems[0] ? ` (${read.problems[0].line ? `line ${read.problems[0].line}: ` : ''}${read.problems[0].message})` : '';
    throw new ImportError(`no address in the file could be imported${why}; nothing was changed`);
  }
  const report: ImportReport = { kind: 'addresses', imported: read.addresses.length, skipped: read.skipped, problems: read.problems };
  const removed = await context.db.transaction().execute(async (trx) => {
    const gone = await replaceAddresses(trx, read.addresses);
    await recordImport(trx, context.source, report, context.clock.now());
    return gone;
  });
  context.logger.info('addresses imported', { imported: report.imported, skipped: report.skipped, removed });
  return report;
}
