import type { Clock } from '../../clock.js';
import type { CouncilDb } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { importDirectoryFeed, type DirectoryImportReport } from './import-feed.js';

/** What the importer uses of the import registry's `ImportContext` (the registry is a composition root, so it is not imported here). */
export interface DirectoryImportContext {
  db: CouncilDb;
  clock: Clock;
  logger: Logger;
  /** The feed's URL. */
  source: string;
  /** `--feed-id`, `--version`, `--per-page`, `--concurrency`, `--timeout`. */
  options: Record<string, string | boolean>;
}

/** Thrown for a bad option; the CLI prints the message. */
export class DirectoryImportOptionError extends Error {
  override name = 'DirectoryImportOptionError';
}

const positive = (value: string | boolean | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 1) throw new DirectoryImportOptionError(`--${name} must be a whole number above 0`);
  return n;
};

/**
 * `council-api import directory URL [--feed-id name] [--version auto|v3|v1] [--per-page 50]
 * [--concurrency 2] [--timeout 30]`: reads an Open Referral UK feed into the directory (see
 * import-feed.ts). Run it again to update: it adds, updates and withdraws what changed, and
 * resumes a run that failed part-way. Several feeds are combined by giving each its `--feed-id`.
 */
export async function importDirectory(context: DirectoryImportContext): Promise<DirectoryImportReport> {
  const { source, options } = context;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new DirectoryImportOptionError(`${source}: a directory feed is a URL, e.g. https://directory.example.org/api/v3`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new DirectoryImportOptionError(`${url.origin}: only https:// feeds are read`);
  const version = options.version ?? 'auto';
  if (version !== 'auto' && version !== 'v3' && version !== 'v1') throw new DirectoryImportOptionError('--version must be auto, v3 or v1');
  const feedId = options['feed-id'];
  if (feedId !== undefined && (typeof feedId !== 'string' || !/^[\w.:-]{1,100}$/.test(feedId))) {
    throw new DirectoryImportOptionError('--feed-id must be a name of letters, digits, dots, dashes or colons');
  }
  const timeout = positive(options.timeout, 'timeout');
  const report = await importDirectoryFeed(context.db, context.clock, {
    url: url.href.replace(/\/+$/, ''),
    feedId,
    version,
    perPage: positive(options['per-page'], 'per-page'),
    client: { concurrency: positive(options.concurrency, 'concurrency'), timeoutMs: timeout === undefined ? undefined : timeout * 1000 },
  });
  context.logger.info('directory feed imported', { feed: report.feedId, version: report.version, complete: report.complete, added: report.added, updated: report.updated, withdrawn: report.withdrawn });
  return report;
}
