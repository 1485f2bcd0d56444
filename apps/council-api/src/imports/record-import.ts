import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ImportReport } from './registry.js';

/**
 * How an import's source is recorded and reported: a file by its name only (not the server's
 * directories), a URL by its origin and path (a query string may carry a key).
 */
export function sourceName(source: string): string {
  if (/^https?:\/\//i.test(source)) {
    try {
      const url = new URL(source);
      return `${url.origin}${url.pathname}`;
    } catch {
      return 'a URL';
    }
  }
  return basename(source);
}

/** Notes a finished import in `imports` (in the import's own transaction, so it is there exactly when the data is). */
export async function recordImport(trx: Kysely<Database>, source: string, report: ImportReport, now: Date): Promise<void> {
  await trx
    .insertInto('imports')
    .values({ kind: report.kind, source: sourceName(source), imported: report.imported, skipped: report.skipped, imported_at: now.toISOString() })
    .execute();
}
