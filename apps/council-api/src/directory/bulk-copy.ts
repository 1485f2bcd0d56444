import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DirectoryRows } from './rows.js';

/**
 * Bulk loading on PostgreSQL through `COPY … FROM STDIN` (pg-copy-streams): the rows go to the
 * server as CSV in one stream per table, with no statement to parse and no parameter limit,
 * several times faster than multi-row INSERTs for the generator's millions of rows. Its own
 * connection (Kysely's pool cannot lend a raw client), each batch in one transaction.
 */

/** Tables in dependency order (parents first), with the rows of each. */
const TABLES: [string, keyof DirectoryRows][] = [
  ['taxonomy_terms', 'taxonomyTerms'],
  ['organizations', 'organizations'],
  ['services', 'services'],
  ['locations', 'locations'],
  ['accessibility', 'accessibility'],
  ['service_at_locations', 'serviceAtLocations'],
  ['attributes', 'attributes'],
  ['schedules', 'schedules'],
  ['cost_options', 'costOptions'],
  ['contacts', 'contacts'],
  ['phones', 'phones'],
  ['languages', 'languages'],
];

/** One CSV field: null is an empty unquoted field, text is always quoted (so "" is an empty string). */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${String(value).replaceAll('"', '""')}"`;
}

function* csv(rows: readonly object[], columns: readonly string[]): Generator<string> {
  // A few hundred lines a chunk: fewer, larger writes to the socket.
  let chunk = '';
  for (const [index, row] of rows.entries()) {
    const record = row as Record<string, unknown>;
    chunk += `${columns.map((column) => field(record[column])).join(',')}\n`;
    if (index % 500 === 499) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** A COPY loader on its own connection to `url`; `close()` when done. */
export async function copyLoader(url: string): Promise<{ load(rows: DirectoryRows): Promise<void>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async load(rows) {
      await client.query('begin');
      try {
        for (const [table, key] of TABLES) {
          const list = rows[key] as readonly object[];
          if (!list.length) continue;
          const columns = Object.keys(list[0]!);
          // Column names come from our own row objects, never from input; quoted all the same.
          const stream = client.query(copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin with (format csv)`));
          await pipeline(Readable.from(csv(list, columns)), stream);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
    close: () => client.end(),
  };
}
