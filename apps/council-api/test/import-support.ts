import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import type { ImportContext } from '../src/imports/registry.js';
import type { TestServer } from './helpers.js';

/** Where the example files the README documents live (each is imported by a test). */
export const examples = new URL('../examples/', import.meta.url).pathname;

/** The context `council-api import` would give an importer, on a test server's database and day. */
export function importContext(
  server: TestServer,
  today: string,
  source: string,
  options: ImportContext['options'] = {},
  config: Partial<ImportContext['config']> = {},
): ImportContext {
  return {
    db: server.db,
    clock: fixedClock(today),
    config: { ...server.config, ...config },
    logger: createLogger('silent'),
    source,
    options,
  };
}

/** Writes `lines` (joined with CRLF, as spreadsheets save) to `name` in `dir`; returns its path. */
export function writeLines(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}
